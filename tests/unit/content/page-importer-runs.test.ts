// @vitest-environment happy-dom
/**
 * The page's importer number read element by element over the roots the field detector knows:
 * label and value in one text, sibling pairs, dt/dd, a table row of several pairs, header meta
 * lines, a dialog's header, nested open and closed shadow roots; other parties' numbers present.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRootRegistry } from '@/utils/content/collect-roots';
import type { SearchRoot } from '@/utils/content/detected-form';
import { readImporterRuns, readPageImporter } from '@/utils/content/page-importer-runs';
import type { ShadowRootOf } from '@/utils/content/shadow-root-access';

const visible = () => true;

/** The roots as the detector's registry finds them (closed ones only through `shadowRootOf`). */
function roots(shadowRootOf: ShadowRootOf = (element) => element.shadowRoot): SearchRoot[] {
  const registry = createRootRegistry(document, shadowRootOf, () => {});
  registry.adopt(document, new Set());
  return [...registry.scans.keys()];
}

function read(shadowRootOf?: ShadowRootOf, isVisible: (element: Element) => boolean = visible) {
  const { importer, elements } = readPageImporter(roots(shadowRootOf), isVisible);
  return { importer, shown: elements.map((element) => element.textContent?.trim()) };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('readPageImporter', () => {
  it('reads label and value in one text, beside the importer’s name', () => {
    document.body.innerHTML = `<header><h1>Acme Imports LLC</h1><p>IR #: 12-345678900</p></header>`;
    expect(read()).toEqual({ importer: { status: 'found', importerNumber: '12-345678900', runs: [0] }, shown: ['IR #: 12-345678900'] });
  });

  it('reads a title span and a text span, not the broker’s pair beside it', () => {
    document.body.innerHTML = `
      <div class="meta"><span>Broker</span><span>98-765432100</span></div>
      <div class="meta"><span>IR Number</span><span>12-345678900</span></div>`;
    expect(read()).toMatchObject({ importer: { status: 'found', importerNumber: '12-345678900' }, shown: ['12-345678900'] });
  });

  it('reads dt/dd pairs, the broker’s and the designated agent’s numbers present', () => {
    document.body.innerHTML = `
      <dl><dt>Broker IR #</dt><dd>98-765432100</dd><dt>Importer Number</dt><dd>12-3456789B7</dd>
      <dt>Designated Agent</dt><dd>55-555555500</dd></dl>`;
    expect(read()).toMatchObject({ importer: { status: 'found', importerNumber: '12-3456789B7' }, shown: ['12-3456789B7'] });
  });

  it('reads a label cell followed by its value cell in a row of several pairs', () => {
    document.body.innerHTML = `
      <table><tr><td>Filer</td><td>98-765432100</td><td>IR #</td><td><span>123456789-00</span></td><td>Consignee</td><td>33-333333300</td></tr></table>`;
    expect(read()).toMatchObject({ importer: { status: 'found', importerNumber: '12-345678900' }, shown: ['123456789-00'] });
  });

  it('reads a header meta line with separators, as one text or as spans', () => {
    document.body.innerHTML = `<div class="record-meta">Importer · IR# 12-345678900 · Nogales, AZ</div>`;
    expect(read().importer).toMatchObject({ status: 'found', importerNumber: '12-345678900' });
    document.body.innerHTML = `<ul><li>Importer</li><li>·</li><li>12-345678900</li><li>·</li><li>Nogales, AZ</li></ul>`;
    expect(read()).toMatchObject({ importer: { status: 'found', importerNumber: '12-345678900' }, shown: ['12-345678900'] });
    expect(readImporterRuns(roots(), visible)[0]).toMatchObject({ label: 'Importer', value: '12-345678900' });
  });

  it('reads a dialog’s header', () => {
    document.body.innerHTML = `
      <p>Broker account 98-765432100</p>
      <div role="dialog" aria-labelledby="t"><h2 id="t">Edit bank details — Acme Imports LLC — IR # 123-45-6789</h2>
        <label>Bank Routing Number <input></label></div>`;
    expect(read()).toMatchObject({ importer: { status: 'found', importerNumber: '123-45-6789' } });
  });

  it('takes the section heading when the value has no label of its own', () => {
    document.body.innerHTML = `
      <section><h3>Designated Agent (CBP Form 4811)</h3><p>55-555555500</p></section>
      <section><h3>Importer of Record</h3><p>951234-12345</p></section>`;
    expect(read()).toMatchObject({ importer: { status: 'found', importerNumber: '951234-12345' }, shown: ['951234-12345'] });
    document.body.innerHTML = `<section><h3>Designated Agent (CBP Form 4811)</h3><p>55-555555500</p></section>`;
    expect(read()).toEqual({ importer: { status: 'none' }, shown: [] });
  });

  it('never glues neighbouring elements: label, number and name in three spans', () => {
    document.body.innerHTML = `<div><span>IR Number</span><span>12-345678900</span><span>ACME IMPORTS</span></div>`;
    // body.textContent reads "IR Number12-345678900ACME IMPORTS", where no number stands alone.
    expect(document.body.textContent).toContain('Number12-345678900ACME');
    expect(read()).toMatchObject({ importer: { status: 'found', importerNumber: '12-345678900' }, shown: ['12-345678900'] });
  });

  it('reads nested open shadow roots, a value rendered in its host’s shadow root labelled outside it', () => {
    document.body.innerHTML = `<x-record-page></x-record-page>
      <div class="slds-form-element"><span class="slds-form-element__label">Broker</span>
        <div class="slds-form-element__control"><lightning-formatted-text id="broker"></lightning-formatted-text></div></div>`;
    const page = document.querySelector('x-record-page')!.attachShadow({ mode: 'open' });
    page.innerHTML = `<x-record-header></x-record-header>`;
    const header = page.querySelector('x-record-header')!.attachShadow({ mode: 'open' });
    header.innerHTML = `<h1>Acme Imports LLC</h1><div><span>IR Number</span><lightning-formatted-text></lightning-formatted-text></div>`;
    header.querySelector('lightning-formatted-text')!.attachShadow({ mode: 'open' }).append('12-345678900');
    document.getElementById('broker')!.attachShadow({ mode: 'open' }).append('98-765432100');
    const { importer, elements } = readPageImporter(roots(), visible);
    expect(importer).toMatchObject({ status: 'found', importerNumber: '12-345678900' });
    expect(elements).toEqual([header.querySelector('lightning-formatted-text')]);
  });

  it('reads closed shadow roots through the injected access, and only through it', () => {
    document.body.innerHTML = `<x-account-header></x-account-header>`;
    const host = document.querySelector('x-account-header')!;
    const closed = host.attachShadow({ mode: 'closed' });
    closed.innerHTML = `<p>Importer · IR# 12-345678900 · Nogales, AZ</p>`;
    expect(read().importer).toEqual({ status: 'none' });
    const withClosed: ShadowRootOf = (element) => (element === host ? closed : element.shadowRoot);
    expect(read(withClosed)).toMatchObject({ importer: { status: 'found', importerNumber: '12-345678900' } });
  });

  it('asks when two numbers have no label, and leaves hidden text out', () => {
    document.body.innerHTML = `<p>12-345678900</p><p>12-345678901</p><p class="gone">IR # 98-765432100</p>`;
    const hidden = (element: Element) => !element.classList.contains('gone');
    const { importer, shown } = read(undefined, hidden);
    expect(shown).toEqual([]);
    expect(importer).toMatchObject({ status: 'unclear', candidates: [{ importerNumber: '12-345678900' }, { importerNumber: '12-345678901' }] });
    expect(read().importer).toMatchObject({ status: 'found', importerNumber: '98-765432100' });
  });

  it('reads the column header above a grid’s rows', () => {
    document.body.innerHTML = `
      <table><thead><tr><th>Account Name</th><th>Importer Number</th><th>Broker Number</th></tr></thead>
      <tbody><tr><td>Acme Imports LLC</td><td><span>12-345678900</span></td><td>98-765432100</td></tr></tbody></table>`;
    expect(read()).toMatchObject({ importer: { status: 'found', importerNumber: '12-345678900' }, shown: ['12-345678900'] });
    document.body.innerHTML = `
      <div role="grid"><div role="row"><span role="columnheader">Designated Agent</span><span role="columnheader">Name</span></div>
      <div role="row"><span role="gridcell">55-555555500</span><span role="gridcell">Agent Co</span></div></div>`;
    expect(read().importer).toEqual({ status: 'none' });
  });

  it('reads an input showing the number by its value and its label, never a hidden one', () => {
    document.body.innerHTML = `
      <label for="b">Broker Number</label><input id="b" readonly value="98-765432100">
      <label for="i">Importer Number</label><input id="i" readonly value="12-345678900">
      <input type="hidden" name="ir" value="IR # 33-333333300">`;
    const { importer, elements } = readPageImporter(roots(), visible);
    expect(importer).toMatchObject({ status: 'found', importerNumber: '12-345678900' });
    expect(elements).toEqual([document.getElementById('i')]);
  });

  it('skips scripts, options and text areas', () => {
    document.body.innerHTML = `<script>var ir = "IR # 12-345678900";</script><select><option>IR # 12-345678900</option></select>
      <textarea>IR # 12-345678900</textarea>`;
    expect(read().importer).toEqual({ status: 'none' });
  });
});
