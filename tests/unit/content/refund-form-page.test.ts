// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillForm, fillInputsOf } from '@/utils/content/fill/fill-form';
import { FIELD_ATTRIBUTE } from '@/utils/content/field-marks';
import { sectionTitles } from '@/utils/content/form-sections';
import { startFieldDetection, type DetectedForm, type FieldDetection } from '@/utils/content/field-detection';
import { planFill, type FillValues } from '@/utils/form-checks/plan-fill';

// happy-dom has no layout: an element is "visible" unless it or an ancestor (across shadow
// boundaries) carries data-test-hidden.
function isVisible(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null) {
    if (node.hasAttribute('data-test-hidden')) return false;
  }
  return true;
}

const PROFILE: FillValues = { routing: '021000021', account: '123456789', accountType: 'savings', bankName: 'JPMorgan Chase Bank' };
const KEY_OPTIONS = '<option value="">--None--</option><option value="01">01 - Checking</option><option value="02">02 - Savings</option>';

/** The refund form among look-alikes: an ACH debit form, a broker's form, and look-alike fields in and around the refund form. */
const CROWDED_PAGE = `
  <header>
    <p>Importer</p><h1>ACME IMPORTS LLC</h1>
    <label for="acct-name">Account Name (the importer's ACE account name)</label><input id="acct-name" value="">
  </header>
  <div role="tablist"><a role="tab" id="tab-ach" aria-controls="panel-ach" aria-selected="true">ACH Refund Authorization</a></div>
  <div role="tabpanel" id="panel-ach" aria-labelledby="tab-ach">
    <article>
      <h2>Bank Information</h2>
      <label for="nick">Account Nickname</label><input id="nick" maxlength="17" inputmode="numeric">
      <label for="r">Bank Routing Number</label><input id="r" maxlength="9">
      <label for="a">Bank Account Number</label><input id="a" maxlength="17">
      <label for="c">Confirm Bank Account Number</label><input id="c" maxlength="17">
      <label for="k">Bank Control Key</label><select id="k">${KEY_OPTIONS}</select>
      <label for="bn">Bank Name</label><input id="bn">
      <label for="desc">Account Description</label><input id="desc">
      <label for="country">Bank Country</label><select id="country"><option value="US">US</option></select>
      <label for="addr">Bank Address</label><input id="addr">
      <label for="memo">Memo</label><input id="memo">
      <label for="ref">Bank Account Reference</label><input id="ref" maxlength="17">
      <dl><dt>Bank Routing Number</dt><dd id="on-file-r">011000015</dd><dt>Account Nickname</dt><dd id="on-file-nick">*****6789</dd></dl>
    </article>
    <article>
      <h2>ACH Debit Authorization (Periodic Monthly Statement)</h2>
      <label for="dr">Bank Routing Number</label><input id="dr" maxlength="9">
      <label for="da">Bank Account Number</label><input id="da" maxlength="17">
      <label for="dk">Account Type</label><select id="dk">${KEY_OPTIONS}</select>
      <dl><dt>Bank Routing Number</dt><dd id="on-file-dr">026009593</dd><dt>Bank Account Number</dt><dd id="on-file-da">*****1111</dd></dl>
    </article>
  </div>
  <section aria-label="Broker's own bank account">
    <table>
      <tr><td>ABA Routing No.</td><td><input id="br" maxlength="9"></td></tr>
      <tr><td>Bank Acct. No.</td><td><input id="ba" maxlength="17"></td></tr>
    </table>
  </section>`;

const LOOKALIKES = ['acct-name', 'nick', 'desc', 'country', 'addr', 'memo', 'ref'];
const OTHER_FORMS = ['dr', 'da', 'dk', 'br', 'ba'];

let controller: AbortController;
let reports: (DetectedForm | null)[];

function start(): FieldDetection {
  return startFieldDetection({
    root: document,
    signal: controller.signal,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    onChange: (form) => reports.push(form),
    isVisible,
    afterLayout: (callback) => callback(),
    batchDelayMs: 0,
  });
}

function marks(): [string, string][] {
  return Array.from(document.querySelectorAll(`[${FIELD_ATTRIBUTE}]`), (element) => [element.id, element.getAttribute(FIELD_ATTRIBUTE)!]);
}

function value(id: string, root: ParentNode = document): string {
  return root.querySelector<HTMLInputElement>(`#${id}`)!.value;
}

function fill(form: DetectedForm) {
  return fillForm(form, planFill(fillInputsOf(form), PROFILE), { replaceConflicts: false, isVisible });
}

async function settle() {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

beforeEach(() => {
  controller = new AbortController();
  reports = [];
});
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

describe('the refund form among look-alikes', () => {
  it('marks and fills only the refund form’s real fields: not the ACH debit form, the broker’s form or any look-alike field', () => {
    document.body.innerHTML = CROWDED_PAGE;
    const detection = start();
    expect(marks()).toEqual([
      ['r', 'routing'],
      ['a', 'account'],
      ['c', 'account-confirm'],
      ['k', 'account-type'],
      ['bn', 'bank-name'],
      ['on-file-r', 'routing'],
    ]);
    // Only the refund form's values on file are compared with the refund profile.
    expect(detection.form!.onFile.map((value) => [value.element.id, value.text])).toEqual([['on-file-r', '011000015']]);
    const outcome = fill(detection.form!);
    expect(outcome.filled).toEqual(['routing', 'account', 'account-confirm', 'account-type', 'bank-name']);
    expect([value('r'), value('a'), value('c'), value('k'), value('bn')]).toEqual(['021000021', '123456789', '123456789', '02', 'JPMorgan Chase Bank']);
    for (const id of [...LOOKALIKES, ...OTHER_FORMS]) {
      const element = document.getElementById(id)!;
      expect(element.hasAttribute(FIELD_ATTRIBUTE), id).toBe(false);
      if (element.localName === 'input') expect(value(id), id).toBe('');
    }
    expect(value('dk')).toBe('');
  });

  it('finds the refund form whatever order the forms come in, and when the refund card is titled by a legend', () => {
    document.body.innerHTML = `
      <fieldset><legend>ACH Debit</legend>
        <label for="dr">Routing Number</label><input id="dr"><label for="da">Account Number</label><input id="da"></fieldset>
      <fieldset><legend>ACH Refund Authorization</legend>
        <label for="r">Routing Number</label><input id="r"><label for="a">Account Number</label><input id="a"></fieldset>`;
    start();
    expect(marks()).toEqual([
      ['r', 'routing'],
      ['a', 'account'],
    ]);
  });

  it('tells the forms apart across shadow roots (Lightning cards)', () => {
    document.body.innerHTML = '<x-card id="debit" title="Periodic Monthly Statement"></x-card><x-card id="refund" title="ACH Refund Authorization"></x-card>';
    const rootOf = (id: string) => document.getElementById(id)!.attachShadow({ mode: 'open' });
    const form = '<label for="r">Bank Routing Number</label><input id="r"><label for="a">Bank Account Number</label><input id="a">';
    const debit = rootOf('debit');
    debit.innerHTML = form;
    const refund = rootOf('refund');
    refund.innerHTML = form;
    const detection = start();
    expect(detection.form?.fields.map((field) => field.element.getRootNode())).toEqual([refund, refund]);
    fill(detection.form!);
    expect([value('r', refund), value('a', refund), value('r', debit), value('a', debit)]).toEqual(['021000021', '123456789', '', '']);
  });

  it('marks nothing on a page whose only bank form is the ACH debit (payer) account', () => {
    document.body.innerHTML = `<h2>ACH Debit Authorization</h2>
      <label for="r">Bank Routing Number</label><input id="r"><label for="a">Bank Account Number</label><input id="a">`;
    const detection = start();
    expect(marks()).toEqual([]);
    expect(detection.form).toBeNull();
  });

  it('asks which form when nothing tells two forms apart, marks nothing until answered, then only the chosen one', async () => {
    document.body.innerHTML = `
      <div><h3>Bank Information</h3>
        <label for="r1">Bank Routing Number</label><input id="r1"><label for="a1">Bank Account Number</label><input id="a1"></div>
      <div><h3>Bank Information</h3>
        <label for="r2">Bank Routing Number</label><input id="r2"><label for="a2">Bank Account Number</label><input id="a2"></div>`;
    const detection = start();
    expect(marks()).toEqual([]);
    const form = detection.form!;
    expect(form.fields).toEqual([]);
    expect(form.candidates?.map((candidate) => [candidate.title, candidate.fields.map((field) => field.element.id)])).toEqual([
      ['Bank Information', ['r1', 'a1']],
      ['Bank Information', ['r2', 'a2']],
    ]);
    // Nothing to fill while the question is open.
    expect(fill(form).filled).toEqual([]);
    detection.chooseForm(1);
    expect(marks()).toEqual([
      ['r2', 'routing'],
      ['a2', 'account'],
    ]);
    expect(reports.at(-1)?.candidates).toBeUndefined();
    fill(detection.form!);
    expect([value('r1'), value('a1'), value('r2'), value('a2')]).toEqual(['', '', '021000021', '123456789']);
    // The answer holds while the page changes around the form.
    document.body.append(document.createElement('p'));
    await settle();
    expect(marks().map(([id]) => id)).toEqual(['r2', 'a2']);
  });

  it("compares CBP's refund values on file shown alone, never a debit account's on file, nor a debit form beside them", () => {
    document.body.innerHTML = `
      <section aria-label="ACH Refund Authorization"><dl>
        <dt>Bank Routing Number</dt><dd id="rr">021000021</dd><dt>Bank Account Number</dt><dd id="ra">*****6789</dd></dl></section>
      <section aria-label="ACH Debit Authorization"><dl>
        <dt>Bank Routing Number</dt><dd id="dr">026009593</dd><dt>Bank Account Number</dt><dd id="da">*****1111</dd></dl>
        <label for="dri">Bank Routing Number</label><input id="dri"><label for="dai">Bank Account Number</label><input id="dai"></section>`;
    const detection = start();
    expect(marks()).toEqual([
      ['rr', 'routing'],
      ['ra', 'account'],
    ]);
    expect(detection.form?.fields).toEqual([]);
  });

  it("marks nothing where the only values on file are the debit account's", () => {
    document.body.innerHTML = `<h2>Periodic Monthly Statement</h2><dl>
      <dt>Bank Routing Number</dt><dd id="dr">026009593</dd><dt>Bank Account Number</dt><dd id="da">*****1111</dd></dl>`;
    const detection = start();
    expect(marks()).toEqual([]);
    expect(detection.form).toBeNull();
  });

  it('asks again when the page adds a second untitled form later', async () => {
    document.body.innerHTML = `<div><label for="r1">Bank Routing Number</label><input id="r1"><label for="a1">Bank Account Number</label><input id="a1"></div>`;
    const detection = start();
    expect(marks().map(([id]) => id)).toEqual(['r1', 'a1']);
    const second = document.createElement('div');
    second.innerHTML = '<label for="r2">Bank Routing Number</label><input id="r2"><label for="a2">Bank Account Number</label><input id="a2">';
    document.body.append(second);
    await settle();
    expect(marks()).toEqual([]);
    expect(detection.form?.candidates).toHaveLength(2);
  });
});

describe('sectionTitles', () => {
  it('reads the nearest heading, then the regions and outranking headings around, nearest first', () => {
    document.body.innerHTML = `
      <h1>ACME IMPORTS LLC</h1>
      <h2>Periodic Monthly Statement</h2><p>Statements are paid by ACH debit.</p>
      <section aria-label="ACH Refund Authorization">
        <h2>Bank Information</h2>
        <div><h3>Entry</h3><div><input id="r"></div></div>
      </section>`;
    expect(sectionTitles(document.getElementById('r')!, isVisible)).toEqual(['Entry', 'Bank Information', 'ACH Refund Authorization', 'ACME IMPORTS LLC']);
  });

  it('skips headings the user cannot see (another tab’s) and reads a tab panel’s tab', () => {
    document.body.innerHTML = `
      <a role="tab" aria-controls="p2">ACH Refund Authorization</a>
      <div role="tabpanel" id="p1" data-test-hidden><h2>ACH Debit</h2></div>
      <div role="tabpanel" id="p2"><input id="r"></div>`;
    expect(sectionTitles(document.getElementById('r')!, isVisible)).toEqual(['ACH Refund Authorization']);
  });
});
