// @vitest-environment happy-dom
/**
 * Tables and grids (labels in column headers, SAP Web Dynpro and UI5 markup with generated ids)
 * and CBP's file in other presentations (a grid row, view mode of an inline-edit record).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { controlCandidates } from '@/utils/content/control-features';
import { CONTROL_SELECTOR } from '@/utils/content/field-label-text';
import { FIELD_ATTRIBUTE } from '@/utils/content/field-marks';
import { scanRoot } from '@/utils/content/scan-root';
import type { DetectedForm } from '@/utils/content/field-detection';
import { settleDetection, startTestDetection } from '../../support/start-detection';

afterEach(() => {
  document.body.replaceChildren();
});

function fieldsOf(html: string): [string, string][] {
  document.body.innerHTML = html;
  return scanRoot(document).fields.map((field) => [field.kind, field.element.getAttribute('data-test') ?? field.element.id]);
}

function valuesOf(html: string): [string, string][] {
  document.body.innerHTML = html;
  return scanRoot(document).values.map((value) => [value.kind, value.element.textContent!.trim()]);
}

describe('labels in column headers', () => {
  it('reads th headers for the inputs of each row, honouring colspan', () => {
    const fields = fieldsOf(`
      <table>
        <thead><tr><th colspan="2">Bank Country / Key</th><th>Bank Account</th><th>Bank Control Key</th></tr>
          <tr><th>Country</th><th>Bank Key</th><th></th><th></th></tr></thead>
        <tbody>
          <tr><td><input data-test="country" value="US"></td><td><input data-test="r1"></td><td><input data-test="a1"></td>
            <td><select data-test="k1"><option value="01">01</option><option value="02">02</option></select></td></tr>
          <tr><td><input data-test="country2"></td><td><input data-test="r2"></td><td><input data-test="a2"></td><td><input data-test="k2"></td></tr>
        </tbody>
      </table>`);
    // "Country" names nothing of ours; the empty lower header cells leave the upper ones.
    expect(fields).toEqual([
      ['routing', 'r1'],
      ['account', 'a1'],
      ['account-type', 'k1'],
      ['routing', 'r2'],
      ['account', 'a2'],
      ['account-type', 'k2'],
    ]);
  });

  it('reads role=columnheader cells matched by aria-colindex (a header table and a body table in one grid)', () => {
    const fields = fieldsOf(`
      <div role="grid" aria-colcount="4">
        <table role="presentation"><tr role="row">
          <th role="columnheader" aria-colindex="2"><span>Routing Number</span></th>
          <th role="columnheader" aria-colindex="3"><span>Account Number</span></th>
        </tr></table>
        <table role="presentation"><tr role="row">
          <td role="gridcell" aria-colindex="3"><input data-test="a"></td>
          <td role="gridcell" aria-colindex="2"><input data-test="r"></td>
        </tr></table>
      </div>`);
    expect(fields).toEqual([
      ['account', 'a'],
      ['routing', 'r'],
    ]);
  });

  it('reads Web Dynpro-like grids by their header cells, never by generated ids', () => {
    const fields = fieldsOf(`
      <table id="WD0117" role="grid"><tbody>
        <tr role="row"><td role="columnheader" id="WD0118"><span id="WD0118-CAP">Bank Key</span></td>
          <td role="columnheader" id="WD0119"><span>Bank Account</span></td>
          <td role="columnheader" id="WD011A"><span>Reference</span></td></tr>
        <tr role="row"><td role="gridcell"><input id="WD011B" name="WD011B" class="lsField__input"></td>
          <td role="gridcell"><input id="WD011C" name="WD011C"></td>
          <td role="gridcell"><input id="WD0ABA1" name="WD0ABA1"></td></tr>
      </tbody></table>`);
    // WD0ABA1 holds "ABA" only by chance of its hex digits: it is the Reference column.
    expect(fields).toEqual([
      ['routing', 'WD011B'],
      ['account', 'WD011C'],
    ]);
  });

  it('reads a header row of plain cells over rows of the same width', () => {
    const fields = fieldsOf(`
      <table><tr><td>Bank Country</td><td>Bank Key</td><td>Bank Account</td></tr>
        <tr><td><input data-test="c"></td><td><input data-test="r"></td><td><input data-test="a"></td></tr></table>`);
    expect(fields).toEqual([
      ['routing', 'r'],
      ['account', 'a'],
    ]);
  });

  it('keeps label | input rows as they were (no header row is guessed from two columns)', () => {
    const fields = fieldsOf(`
      <table><tr><td>Bank Routing Number</td><td>021000021</td></tr>
        <tr><td>Bank Routing Number</td><td><input data-test="r"></td></tr>
        <tr><td>Bank Account Number</td><td><input data-test="a"></td></tr></table>`);
    expect(fields).toEqual([
      ['routing', 'r'],
      ['account', 'a'],
    ]);
  });

  it('takes no header row of texts over label | input rows of four columns', () => {
    const fields = fieldsOf(`
      <table><tr><td>Bank Name</td><td>Chase</td><td>Account Holder</td><td>Acme</td></tr>
        <tr><td>Bank Key</td><td><input data-test="r"></td><td>Bank Account</td><td><input data-test="a"></td></tr></table>`);
    expect(fields).toEqual([
      ['routing', 'r'],
      ['account', 'a'],
    ]);
    // "Chase" and "Acme" are values above, not the columns' names.
    const candidates = controlCandidates(document.querySelectorAll(CONTROL_SELECTOR), document);
    expect(candidates.map((candidate) => candidate.features.preceding)).toEqual([['Bank Key'], ['Bank Account']]);
  });

  it('reads a row label past the on-file value beside the entry box', () => {
    const fields = fieldsOf(`
      <table><tr><th></th><th>On file</th><th>New value</th></tr>
        <tr><th>Bank Key</th><td>021000021</td><td><input data-test="r"></td></tr>
        <tr><th>Bank Account</th><td>*****6789</td><td><input data-test="a"></td></tr></table>`);
    expect(fields).toEqual([
      ['routing', 'r'],
      ['account', 'a'],
    ]);
  });

  it('does not take a nested table for the column header of the outer one', () => {
    const fields = fieldsOf(`
      <table><tr><td><table><tr><th>Bank Key</th><th>Bank Account</th></tr></table></td></tr>
        <tr><td><input data-test="x"></td></tr></table>`);
    expect(fields).toEqual([]);
  });
});

describe('SAP UI5 controls, read by their labels', () => {
  it('reads sap.m.Input through a label[for] naming its wrapper, and sap.m.Select with list items', () => {
    document.body.innerHTML = `
      <div class="sapUiFormElement">
        <label id="__label0" for="__input0" class="sapMLabel"><bdi>Bank Key</bdi></label>
        <div id="__input0" class="sapMInput"><div class="sapMInputBaseContentWrapper"><input id="__input0-inner"></div></div>
      </div>
      <div class="sapUiFormElement">
        <label id="__label1" for="__input1-inner"><bdi>Bank Account</bdi></label>
        <div id="__input1" class="sapMInput"><div><input id="__input1-inner" aria-labelledby="__label1"></div></div>
      </div>
      <div class="sapUiFormElement">
        <label id="__label2" for="__select0"><bdi>Bank Control Key</bdi></label>
        <div id="__select0" role="combobox" aria-labelledby="__select0-label __label2" aria-controls="__select0-list" tabindex="0">
          <span id="__select0-label">Checking</span><span class="sapMSltArrow"></span>
        </div>
      </div>
      <ul id="__select0-list"><li id="__item0">01 - Checking</li><li id="__item1">02 - Savings</li></ul>`;
    const scan = scanRoot(document);
    expect(scan.fields.map((field) => [field.kind, field.element.id])).toEqual([
      ['routing', '__input0-inner'],
      ['account', '__input1-inner'],
      ['account-type', '__select0'],
    ]);
    const select = scan.fields[2]!;
    expect(select.control).toBe('combobox');
    expect(select.options?.map((option) => option.text)).toEqual(['01 - Checking', '02 - Savings']);
    // Its own shown choice ("Checking") is its value, not a label.
    expect(select.classification.evidence.map((item) => item.reason)).not.toContain('checking');
  });

  it('reads role=option items of a UI5 list and a preceding label element', () => {
    const fields = fieldsOf(`
      <div><label>Bank Control Key</label><div><div role="combobox" data-test="k" aria-controls="lst"><span>Savings</span></div></div></div>
      <div role="listbox" id="lst"><div role="option">01 - Checking</div><div role="option">02 - Savings</div></div>
      <div><label>Bank Key</label><div><div><input data-test="r"></div></div></div>
      <div><label>Bank Account</label><div><div><input data-test="a"></div></div></div>`);
    expect(fields).toEqual([
      ['account-type', 'k'],
      ['routing', 'r'],
      ['account', 'a'],
    ]);
  });
});

describe("CBP's file in a grid or a record in view mode", () => {
  it('reads the on-file row and the entry row of one grid', () => {
    document.body.innerHTML = `
      <table role="grid"><thead><tr><th>Bank Key</th><th>Bank Account</th><th>Bank Control Key</th></tr></thead>
        <tbody><tr><td>021000021</td><td><span>XXXX6789</span></td><td>01 - Checking</td></tr>
          <tr><td><input data-test="r"></td><td><input data-test="a"></td><td><select data-test="k"><option value="01">Checking</option><option value="02">Savings</option></select></td></tr>
        </tbody></table>`;
    const scan = scanRoot(document);
    expect(scan.fields.map((field) => [field.kind, field.element.getAttribute('data-test')])).toEqual([
      ['routing', 'r'],
      ['account', 'a'],
      ['account-type', 'k'],
    ]);
    expect(scan.values.map((value) => [value.kind, value.element.localName, value.element.textContent])).toEqual([
      ['routing', 'td', '021000021'],
      ['account', 'span', 'XXXX6789'],
      ['account-type', 'td', '01 - Checking'],
    ]);
  });

  it('reads a display form of texts named by aria-labelledby (SAP UI5 sap.m.Text)', () => {
    expect(
      valuesOf(`<div><label id="__label5"><bdi>Bank Routing Number</bdi></label><span id="__text0" aria-labelledby="__label5">021000021</span></div>
        <div><label id="__label6"><bdi>Bank Account Number</bdi></label><span id="__text1" aria-labelledby="__label6">XXXX6789</span></div>`),
    ).toEqual([
      ['routing', '021000021'],
      ['account', 'XXXX6789'],
    ]);
  });

  it('marks the formatted value, not the static wrapper around it', () => {
    document.body.innerHTML = `<div class="slds-form-element"><span class="slds-form-element__label">Bank Routing Number</span>
      <div class="slds-form-element__control"><span class="slds-form-element__static"><lightning-formatted-text>021000021</lightning-formatted-text></span></div></div>`;
    expect(scanRoot(document).values.map((value) => value.element.localName)).toEqual(['lightning-formatted-text']);
  });

  it('reads label | value rows with a th label (a read-only section)', () => {
    expect(
      valuesOf(`<table><tr><th>Bank Routing Number</th><td>021000021</td><th>Bank Account Number</th><td>••••6789</td></tr>
        <tr><th>Bank Control Key</th><td>Savings</td><th>Status</th><td>Active</td></tr></table>`),
    ).toEqual([
      ['routing', '021000021'],
      ['account', '••••6789'],
      ['account-type', 'Savings'],
    ]);
  });

  it('reads label | value rows of a detail table whose label cells are td.labelCol or role=rowheader (Visualforce)', () => {
    expect(
      valuesOf(`<table class="detailList"><tbody>
        <tr><td class="labelCol">Bank Routing Number</td><td class="dataCol"><span id="j_id0:j_id7">021000021</span></td></tr>
        <tr><td role="rowheader">Bank Account Number</td><td><span>*****6789</span></td></tr>
        <tr><td class="labelCol">Bank Control Key</td><td class="dataCol"><span>01 - Checking</span></td></tr>
        <tr><td class="labelCol"><label for="r">Bank Routing Number</label></td><td class="dataCol"><input id="r"></td></tr>
      </tbody></table>`),
    ).toEqual([
      ['routing', '021000021'],
      ['account', '*****6789'],
      ['account-type', '01 - Checking'],
    ]);
  });

  it('leaves long lists: only the first rows under a header are values', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `<tr><td>02100002${i % 10}</td><td>*****${1000 + i}</td></tr>`).join('');
    const values = valuesOf(`<table><tr><th>Bank Key</th><th>Bank Account</th></tr>${rows}</table>`);
    expect(values.length).toBe(10);
  });

  it('reads view mode of an inline-edit record (output fields with a pencil button each)', () => {
    const item = (label: string, value: string) => `
      <div class="slds-form-element slds-form-element_readonly slds-form-element_edit">
        <div class="slds-form-element__label"><span>${label}</span></div>
        <div class="slds-form-element__control">
          <span class="slds-form-element__static"><lightning-formatted-text>${value}</lightning-formatted-text></span>
          <button class="slds-button slds-button_icon" title="Edit ${label}"><span class="slds-assistive-text">Edit ${label}</span></button>
        </div>
      </div>`;
    const values = valuesOf(item('Bank Routing Number', '021000021') + item('Bank Account Number', '*****6789') + item('Bank Control Key', '02 - Savings'));
    expect(values).toEqual([
      ['routing', '021000021'],
      ['account', '*****6789'],
      ['account-type', '02 - Savings'],
    ]);
  });
});

describe('detection of on-file values without fields', () => {
  let controller: AbortController;
  let reports: (DetectedForm | null)[];
  beforeEach(() => {
    controller = new AbortController();
    reports = [];
  });
  afterEach(() => controller.abort());

  const start = () => startTestDetection(controller.signal, reports);
  const settle = settleDetection;

  it('reports a record in view mode as a form with no fields and its values on file', () => {
    document.body.innerHTML = `
      <div class="slds-form-element slds-form-element_readonly"><span class="slds-form-element__label">Bank Routing Number</span>
        <div class="slds-form-element__control"><lightning-formatted-text>021000021</lightning-formatted-text><button title="Edit Bank Routing Number">Edit</button></div></div>
      <div class="slds-form-element slds-form-element_readonly"><span class="slds-form-element__label">Bank Account Number</span>
        <div class="slds-form-element__control"><lightning-formatted-text>●●●●6789</lightning-formatted-text><button title="Edit Bank Account Number">Edit</button></div></div>`;
    const detection = start();
    expect(detection.form?.fields).toEqual([]);
    expect(detection.form?.onFile.map(({ kind, text }) => [kind, text])).toEqual([
      ['routing', '021000021'],
      ['account', '●●●●6789'],
    ]);
  });

  it('is no form while the view shows no numbers (before Get Info/Refresh)', () => {
    document.body.innerHTML = `
      <div class="slds-form-element slds-form-element_readonly"><span class="slds-form-element__label">Bank Routing Number</span>
        <div class="slds-form-element__control"><lightning-formatted-text></lightning-formatted-text></div></div>
      <div class="slds-form-element slds-form-element_readonly"><span class="slds-form-element__label">Bank Account Number</span>
        <div class="slds-form-element__control"><lightning-formatted-text></lightning-formatted-text></div></div>`;
    expect(start().form).toBeNull();
  });

  it('reads a value a formatted-output component renders in its shadow root', () => {
    document.body.innerHTML = `<dl><dt>Bank Routing Number</dt><dd><lightning-formatted-text></lightning-formatted-text></dd>
      <dt>Bank Account Number</dt><dd><lightning-formatted-text></lightning-formatted-text></dd></dl>`;
    const [routing, account] = document.querySelectorAll('lightning-formatted-text');
    routing!.attachShadow({ mode: 'open' }).textContent = '021000021';
    account!.attachShadow({ mode: 'open' }).textContent = 'XXXX6789';
    const detection = start();
    expect(detection.form?.onFile.map(({ text }) => text)).toEqual(['021000021', 'XXXX6789']);
  });

  it('reads the grid row that appears after Get Info/Refresh, beside the entry row', async () => {
    document.body.innerHTML = `
      <table><thead><tr><th>Bank Key</th><th>Bank Account</th><th>Bank Control Key</th></tr></thead>
        <tbody><tr><td><input data-test="r"></td><td><input data-test="a"></td><td><input data-test="k"></td></tr></tbody></table>`;
    start();
    expect(reports.at(-1)?.onFile).toEqual([]);
    const row = document.createElement('tr');
    row.innerHTML = `<td>021000021</td><td>*****6789</td><td>01 - Checking</td>`;
    document.querySelector('tbody')!.prepend(row);
    await settle();
    expect(reports.at(-1)?.onFile.map(({ kind, text }) => [kind, text])).toEqual([
      ['routing', '021000021'],
      ['account', '*****6789'],
      ['account-type', '01 - Checking'],
    ]);
    expect(Array.from(row.children, (cell) => cell.getAttribute(FIELD_ATTRIBUTE))).toEqual(['routing', 'account', 'account-type']);
  });
});
