// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIELD_ATTRIBUTE } from '@/utils/content/field-marks';
import type { startFieldDetection, DetectedForm } from '@/utils/content/field-detection';
import { settleDetection, startTestDetection } from '../../support/start-detection';

// happy-dom has no layout: a field is "visible" unless it or an ancestor (across shadow
// boundaries, as CSS hides) carries data-test-hidden.
function isVisible(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null) {
    if (node.hasAttribute('data-test-hidden')) return false;
  }
  return true;
}

const PLAIN_FORM = `
  <label for="r">Bank Routing Number</label><input id="r" maxlength="9">
  <label for="a">Bank Account Number</label><input id="a" maxlength="17">
  <label for="k">Bank Control Key</label><select id="k"><option value="">--None--</option><option value="01">01 - Checking</option><option value="02">02 - Savings</option></select>`;

let controller: AbortController;
let reports: (DetectedForm | null)[];

function start(extra: Partial<Parameters<typeof startFieldDetection>[0]> = {}) {
  return startTestDetection(controller.signal, reports, { isVisible, ...extra });
}

const settle = settleDetection;

function marks(root: ParentNode = document): [string, string][] {
  return Array.from(root.querySelectorAll(`[${FIELD_ATTRIBUTE}]`), (element) => [
    element.id || element.localName,
    element.getAttribute(FIELD_ATTRIBUTE)!,
  ]);
}

beforeEach(() => {
  controller = new AbortController();
  reports = [];
});
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

describe('startFieldDetection', () => {
  it('marks the fields of a form present at start and reports it', () => {
    document.body.innerHTML = PLAIN_FORM;
    const detection = start();
    expect(marks()).toEqual([
      ['r', 'routing'],
      ['a', 'account'],
      ['k', 'account-type'],
    ]);
    expect(reports).toHaveLength(1);
    expect(detection.form?.fields.map((field) => [field.kind, field.control])).toEqual([
      ['routing', 'input'],
      ['account', 'input'],
      ['account-type', 'select'],
    ]);
    expect(detection.form?.fields[2]?.options?.map((option) => option.value)).toEqual(['', '01', '02']);
  });

  it('does nothing where there is no bank form (a lone routing field)', () => {
    document.body.innerHTML = `<label for="r">Bank Routing Number</label><input id="r">`;
    const detection = start();
    expect(marks()).toEqual([]);
    expect(detection.form).toBeNull();
    expect(reports).toEqual([]);
  });

  it('notices a form added later (Get Info/Refresh, tab switch, dialog)', async () => {
    start();
    expect(reports).toEqual([]);
    const dialog = document.createElement('section');
    dialog.setAttribute('role', 'dialog');
    dialog.innerHTML = `<input aria-label="Bank Routing Number"><span id="al">Bank Account Number</span><input aria-labelledby="al">`;
    document.body.append(dialog);
    await settle();
    expect(marks().map(([, kind]) => kind)).toEqual(['routing', 'account']);
    expect(reports.at(-1)?.fields).toHaveLength(2);

    dialog.remove();
    await settle();
    expect(reports.at(-1)).toBeNull();
  });

  it('finds fields in nested open shadow roots, also ones attached later', async () => {
    start();
    const outer = document.createElement('c-ach-form');
    const outerRoot = outer.attachShadow({ mode: 'open' });
    for (const label of ['Bank Routing Number', 'Bank Account Number']) {
      const inner = document.createElement('lightning-input');
      inner.setAttribute('label', label);
      inner.attachShadow({ mode: 'open' }).innerHTML = `<label for="i">${label}</label><input id="i">`;
      outerRoot.append(inner);
    }
    document.body.append(outer);
    await settle();
    const inputs = Array.from(outerRoot.querySelectorAll('lightning-input'), (host) => host.shadowRoot!.querySelector('input')!);
    expect(inputs.map((input) => input.getAttribute(FIELD_ATTRIBUTE))).toEqual(['routing', 'account']);
    expect(reports.at(-1)?.fields.map((field) => field.element)).toEqual(inputs);

    // A form rendered later inside a shadow root that is already known.
    const confirm = document.createElement('lightning-input');
    confirm.attachShadow({ mode: 'open' }).innerHTML = `<label for="c">Confirm Bank Account Number</label><input id="c">`;
    outerRoot.append(confirm);
    await settle();
    expect(confirm.shadowRoot!.querySelector('input')!.getAttribute(FIELD_ATTRIBUTE)).toBe('account-confirm');
  });

  it('looks into closed shadow roots through the injected accessor', () => {
    const host = document.createElement('c-closed-form');
    const closed = host.attachShadow({ mode: 'closed' });
    closed.innerHTML = PLAIN_FORM;
    document.body.append(host);
    start({ shadowRootOf: (element) => (element === host ? closed : element.shadowRoot) });
    expect(marks(closed).map(([, kind]) => kind)).toEqual(['routing', 'account', 'account-type']);
  });

  it('leaves decoys unmarked: hidden inputs and fields that are not visible', () => {
    document.body.innerHTML = `<input type="hidden" name="routingNumber">
      <div data-test-hidden><label for="d">Bank Routing Number</label><input id="d"></div>${PLAIN_FORM}`;
    start();
    expect(marks()).toEqual([
      ['r', 'routing'],
      ['a', 'account'],
      ['k', 'account-type'],
    ]);
  });

  it('follows visibility changes made by attributes on ancestors', async () => {
    document.body.innerHTML = `<div id="wrap">${PLAIN_FORM}</div>`;
    start();
    expect(marks()).toHaveLength(3);
    document.getElementById('wrap')!.setAttribute('data-test-hidden', '');
    document.getElementById('wrap')!.setAttribute('class', 'slds-hide');
    await settle();
    expect(marks()).toEqual([]);
    expect(reports.at(-1)).toBeNull();
    document.getElementById('wrap')!.removeAttribute('data-test-hidden');
    document.getElementById('wrap')!.setAttribute('class', '');
    await settle();
    expect(marks()).toHaveLength(3);
  });

  it('follows visibility changes on ancestors inside the shadow roots above a field', async () => {
    start();
    const outer = document.createElement('c-ach-form');
    const outerRoot = outer.attachShadow({ mode: 'open' });
    outerRoot.innerHTML = `<div class="card"><div class="body"></div></div>`;
    for (const label of ['Bank Routing Number', 'Bank Account Number']) {
      const inner = document.createElement('lightning-input');
      inner.attachShadow({ mode: 'open' }).innerHTML = `<label for="i">${label}</label><input id="i">`;
      outerRoot.querySelector('.body')!.append(inner);
    }
    // An unrelated component elsewhere: watched for additions only.
    const other = document.createElement('c-record-field');
    other.attachShadow({ mode: 'open' }).innerHTML = `<span class="value">Active</span>`;
    document.body.append(other, outer);
    await settle();
    expect(reports.at(-1)?.fields).toHaveLength(2);

    const card = outerRoot.querySelector('.card')!;
    card.setAttribute('data-test-hidden', '');
    card.setAttribute('class', 'card slds-hide');
    await settle();
    expect(reports.at(-1)).toBeNull();
  });

  it('marks and reports the values on file, with their text', async () => {
    document.body.innerHTML = PLAIN_FORM;
    start();
    const onFile = document.createElement('section');
    onFile.innerHTML = `<dl><dt>Bank Routing Number</dt><dd><lightning-formatted-text>021000021</lightning-formatted-text></dd>
      <dt>Bank Account Number</dt><dd><lightning-formatted-text>*****6789</lightning-formatted-text></dd>
      <dt>Bank Control Key</dt><dd><lightning-formatted-text>01 - Checking</lightning-formatted-text></dd></dl>`;
    document.body.prepend(onFile);
    await settle();
    expect(reports.at(-1)?.onFile.map(({ kind, text }) => [kind, text])).toEqual([
      ['routing', '021000021'],
      ['account', '*****6789'],
      ['account-type', '01 - Checking'],
    ]);
    expect(marks(onFile).map(([, kind]) => kind)).toEqual(['routing', 'account', 'account-type']);

    // A refresh that changes the text is reported again.
    onFile.querySelector('lightning-formatted-text')!.textContent = '011000015';
    await settle();
    expect(reports.at(-1)?.onFile[0]?.text).toBe('011000015');
  });

  it('renames a field when its label changes', async () => {
    document.body.innerHTML = `${PLAIN_FORM}<label for="x" id="xl">Notes</label><input id="x">`;
    start();
    document.getElementById('xl')!.textContent = 'Confirm Bank Account Number';
    await settle();
    expect(document.getElementById('x')!.getAttribute(FIELD_ATTRIBUTE)).toBe('account-confirm');
  });

  it('spends a batch of rows without controls on the new rows only, not on a rescan', async () => {
    document.body.innerHTML = `${PLAIN_FORM}<table><tbody id="rows"></tbody></table>`;
    start();
    const fullScans = vi.spyOn(document, 'querySelectorAll');
    const rows = document.getElementById('rows')!;
    for (let i = 0; i < 1000; i++) {
      const row = document.createElement('tr');
      row.innerHTML = `<td>${i}</td><td>Entry</td><td><span>Open</span></td>`;
      rows.append(row);
    }
    await settle();
    expect(fullScans).not.toHaveBeenCalled();
    expect(reports).toHaveLength(1);
    fullScans.mockRestore();
  });

  it('removes its marks and stops watching when aborted', async () => {
    document.body.innerHTML = PLAIN_FORM;
    start();
    controller.abort();
    expect(marks()).toEqual([]);
    document.body.insertAdjacentHTML('beforeend', PLAIN_FORM.replace(/id="(\w)"/g, 'id="$12"').replace(/for="(\w)"/g, 'for="$12"'));
    await settle();
    expect(marks()).toEqual([]);
  });
});
