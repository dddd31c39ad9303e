/**
 * Turns a generated layout (layout-variants.ts) into a live page with the practice portal's
 * page-state contract: `<template shadowrootmode>` becomes an open or closed shadow root on a
 * defined custom element; each field's own listeners keep window.portalState (and log
 * window.portalEvents); comboboxes open on click and choose on an option's click, like the
 * portal's. Look-alike inputs log their events as `lookalike`.
 *
 * Self-contained (no imports, no outside names): the e2e tests send its source into the page
 * (`(${mountLayout})(document.body, page)`), the unit tests call it in happy-dom.
 */
import type { LayoutPage } from './layout-variants';

export interface MountedLayout {
  state: Record<string, string>;
  /** Every element of the page by id, shadow roots included (closed ones too). */
  byId(id: string): HTMLElement;
  /** Closed roots by host: the test's stand-in for the extension's openOrClosedShadowRoot. */
  closedRoots: [Element, ShadowRoot][];
}

export function mountLayout(container: HTMLElement, page: Pick<LayoutPage, 'html' | 'fields' | 'lookAlikes' | 'hostTags'>): MountedLayout {
  const win = window as unknown as { portalState: Record<string, string>; portalEvents: { type: string; field: string }[]; portalSaves: unknown[] };
  const roots: ParentNode[] = [container];
  const closedRoots: [Element, ShadowRoot][] = [];
  for (const tag of page.hostTags) {
    if (!customElements.get(tag)) customElements.define(tag, class extends HTMLElement {});
  }
  const realize = (fragment: DocumentFragment) => {
    for (const template of Array.from(fragment.querySelectorAll('template[shadowrootmode]'))) {
      const host = template.parentElement!;
      const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
      const root = host.attachShadow({ mode });
      const content = (template as HTMLTemplateElement).content;
      realize(content);
      template.remove();
      root.append(content);
      roots.push(root);
      if (mode === 'closed') closedRoots.push([host, root]);
    }
  };
  const template = document.createElement('template');
  template.innerHTML = page.html;
  realize(template.content);
  container.append(template.content);

  const byId = (id: string): HTMLElement => {
    for (const root of roots) {
      const found = root.querySelector<HTMLElement>(`[id="${id}"]`);
      if (found) return found;
    }
    throw new Error(`no element #${id}`);
  };

  const state: Record<string, string> = {};
  for (const field of page.fields) state[field.key] = '';
  win.portalState = state;
  win.portalEvents ??= [];
  win.portalSaves ??= [];
  const log = (type: string, field: string) => win.portalEvents.push({ type, field });
  const values = ['01', '02'];

  for (const field of page.fields) {
    const element = byId(field.id);
    if (field.control === 'input' || field.control === 'select') {
      for (const type of ['focus', 'blur']) element.addEventListener(type, () => log(type, field.key));
      for (const type of ['input', 'change']) {
        element.addEventListener(type, () => {
          log(type, field.key);
          state[field.key] = (element as HTMLInputElement).value;
        });
      }
    } else if (field.control === 'radio') {
      for (const id of field.optionIds ?? []) {
        const radio = byId(id) as HTMLInputElement;
        radio.addEventListener('change', () => {
          log('change', field.key);
          if (radio.checked) state[field.key] = radio.value;
        });
      }
    } else {
      // Lightning combobox / SAP UI5 Select: the list opens on click, an option's click chooses.
      const options = (field.optionIds ?? []).map(byId);
      const listbox = options[0]!.parentElement!;
      const shown = element.querySelector('span')!;
      const setOpen = (open: boolean) => {
        element.setAttribute('aria-expanded', String(open));
        listbox.hidden = !open;
      };
      element.addEventListener('click', () => setOpen(element.getAttribute('aria-expanded') !== 'true'));
      for (const type of ['focus', 'blur']) element.addEventListener(type, () => log(type, field.key));
      options.forEach((option, i) => {
        option.addEventListener('click', () => {
          setOpen(false);
          for (const other of options) other.setAttribute('aria-selected', String(other === option));
          shown.textContent = option.textContent;
          if (field.control === 'combobox') element.dataset.value = values[i];
          log('change', field.key);
          state[field.key] = values[i]!;
        });
      });
    }
  }
  for (const id of page.lookAlikes) {
    const element = byId(id);
    for (const type of ['focus', 'input', 'change', 'blur']) element.addEventListener(type, () => log(type, 'lookalike'));
  }
  return { state, byId, closedRoots };
}
