(() => {
  const roots = [document];
  const walk = (root) => { for (const e of root.querySelectorAll('*')) { const s = e.shadowRoot; if (s) { roots.push(s); walk(s); } } };
  walk(document);
  document.documentElement.dataset.floor = String(roots.length);
})();
