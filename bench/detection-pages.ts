/**
 * Generated ACE-like pages for bench/detection.bench.ts: a big importer page (record header,
 * menus, a long entries table, Lightning-like components with open shadow roots, the ACH card
 * with its on-file values and form) and a page whose script adds table rows on demand.
 */

const MENU = ['Home', 'Accounts', 'Account Search', 'References', 'Tools'];

function shadowComponents(count: number): string {
  // Lightning-like record fields: each renders a label and a value inside an open shadow root.
  return `
    <script>
      customElements.define('c-record-field', class extends HTMLElement {
        connectedCallback() {
          if (this.shadowRoot) return;
          const root = this.attachShadow({ mode: 'open' });
          root.innerHTML = '<div class="slds-form-element"><span class="slds-form-element__label">' +
            this.getAttribute('label') + '</span><div class="slds-form-element__control"><span class="value">' +
            this.getAttribute('value') + '</span></div></div>';
        }
      });
    </script>
    <section class="highlights">${Array.from({ length: count }, (_, i) => `<c-record-field label="Field ${i}" value="Value ${i}"></c-record-field>`).join('')}</section>`;
}

function entriesTable(rows: number): string {
  const body = Array.from(
    { length: rows },
    (_, i) =>
      `<tr><td>${100000 + i}</td><td>Entry ${i}</td><td><span class="status">Liquidated</span></td><td>2026-01-${String((i % 28) + 1).padStart(2, '0')}</td><td>$${(i * 13.37).toFixed(2)}</td></tr>`,
  ).join('');
  return `<table class="slds-table entries"><thead><tr><th>Entry #</th><th>Description</th><th>Status</th><th>Date</th><th>Amount</th></tr></thead><tbody>${body}</tbody></table>`;
}

const ACH_CARD = `
  <article class="slds-card ach-card">
    <h2>ACH Refund Authorization</h2>
    <button type="button" class="slds-button">Get Info/Refresh</button>
    <section class="on-file"><h3>Bank Information on File</h3><dl>
      <dt>Bank Routing Number</dt><dd><lightning-formatted-text>021000021</lightning-formatted-text></dd>
      <dt>Bank Account Number</dt><dd><lightning-formatted-text>*****6789</lightning-formatted-text></dd>
      <dt>Bank Control Key</dt><dd><lightning-formatted-text>01 - Checking</lightning-formatted-text></dd></dl></section>
    <div class="ach-grid">
      <div class="slds-form-element"><label for="r">Bank Routing Number</label><div><input id="r" name="routing" maxlength="9"></div></div>
      <div class="slds-form-element"><label for="a">Bank Account Number</label><div><input id="a" name="account" maxlength="17"></div></div>
      <div class="slds-form-element"><label for="c">Confirm Bank Account Number</label><div><input id="c" name="accountConfirm" maxlength="17"></div></div>
      <div class="slds-form-element"><label for="k">Bank Control Key</label><div><select id="k" name="controlKey">
        <option value="">--None--</option><option value="01">01 - Checking</option><option value="02">02 - Savings</option></select></div></div>
    </div>
  </article>`;

function shell(main: string, script = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench | ACE Portal</title>
    <style>body{font:13px system-ui;margin:0} table{border-collapse:collapse} td,th{padding:2px 6px}</style></head>
    <body><header><div class="brand">ACE Portal</div><nav><ul>${MENU.map((m) => `<li><a href="#">${m}</a></li>`).join('')}</ul></nav></header>
    <main>${main}</main>${script}</body></html>`;
}

/** About `elements` elements in all (light DOM plus shadow roots), the ACH form among them. */
export function bigImporterPage(elements = 10_000): string {
  const components = 200; // 200 hosts × 5 shadow elements
  const rows = Math.round((elements - 120 - components * 6) / 7);
  return shell(`<h1>Acme Imports LLC</h1><p>IR #: 12-345678900</p>${shadowComponents(components)}${ACH_CARD}${entriesTable(rows)}`);
}

/** The ACH form plus a table; `window.addRows(n, perTick)` adds rows, resolving when done. */
export function growingTablePage(): string {
  return shell(
    `${ACH_CARD}<table class="slds-table"><tbody id="rows"></tbody></table>`,
    `<script>
      let next = 0;
      function row() {
        const tr = document.createElement('tr');
        tr.innerHTML = '<td>' + (next++) + '</td><td>Entry</td><td><span>Open</span></td><td>2026-02-06</td>';
        return tr;
      }
      window.addRows = (n, perTick) => new Promise((resolve) => {
        const tbody = document.getElementById('rows');
        if (!perTick) { for (let i = 0; i < n; i++) tbody.appendChild(row()); resolve(); return; }
        let left = n;
        const tick = () => {
          for (let i = 0; i < perTick && left > 0; i++, left--) tbody.appendChild(row());
          if (left > 0) setTimeout(tick, 4); else resolve();
        };
        tick();
      });
    </script>`,
  );
}
