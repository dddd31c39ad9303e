// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { controlCandidates } from '@/utils/content/control-features';
import { CONTROL_SELECTOR, textOf } from '@/utils/content/field-label-text';
import { scanRoot } from '@/utils/content/scan-root';

afterEach(() => {
  document.body.replaceChildren();
});

function candidatesOf(root: Document | ShadowRoot = document) {
  return controlCandidates(root.querySelectorAll(CONTROL_SELECTOR), root);
}

function featuresOf(html: string) {
  document.body.innerHTML = html;
  const [candidate] = candidatesOf();
  return candidate!.features;
}

describe('words around a control', () => {
  it('reads label[for], skipping the required star only in normal form', () => {
    const features = featuresOf(
      `<label for="r"><abbr title="required">*</abbr>Bank Routing Number</label><input id="r" name="routingNumber" maxlength="9" inputmode="numeric" autocomplete="off">`,
    );
    expect(features).toMatchObject({
      control: 'input',
      labels: ['*Bank Routing Number'],
      name: 'routingNumber',
      id: 'r',
      type: 'text',
      maxLength: 9,
      inputMode: 'numeric',
      autocomplete: 'off',
    });
  });

  it('reads a wrapping label without the texts of controls inside it', () => {
    const features = featuresOf(`<label>Bank Control Key <select><option value="01">01 - Checking</option></select></label>`);
    expect(features.labels).toEqual(['Bank Control Key']);
    expect(features.options).toEqual([{ text: '01 - Checking', value: '01' }]);
  });

  it('reads aria-label and aria-labelledby', () => {
    const features = featuresOf(
      `<span id="l1">Bank</span><span id="l2">Account Number</span><input aria-label="Account" aria-labelledby="l1 l2">`,
    );
    expect(features.aria).toEqual(['Account', 'Bank Account Number']);
  });

  it('reads several aria-labelledby ids as one name, in their order', () => {
    const features = featuresOf(
      `<span id="b">Account Number</span><span id="a">Re-enter</span><input aria-labelledby="a  b missing">`,
    );
    expect(features.aria).toEqual(['Re-enter Account Number']);
  });

  it('reads the table cell before the control cell', () => {
    const features = featuresOf(`<table><tr><td class="lbl">Bank Account Number</td><td><input name="accountNumber"></td></tr></table>`);
    expect(features.preceding).toEqual(['Bank Account Number']);
  });

  it('reads a label-like sibling before the control wrapper', () => {
    const features = featuresOf(
      `<div><span class="slds-form-element__label">Bank Routing Number</span><div class="slds-form-element__control"><input aria-label="x"></div></div>`,
    );
    expect(features.preceding).toEqual(['Bank Routing Number']);
  });

  it("never borrows the previous field's label", () => {
    document.body.innerHTML = `<div><label for="a">Bank Routing Number</label><input id="a"></div><div><input id="b"></div>`;
    const [, second] = candidatesOf();
    expect(second!.features.preceding).toEqual([]);
    expect(second!.features.labels).toEqual([]);
  });

  it('ignores sentences before a control', () => {
    const features = featuresOf(
      `<p>Press Get Info/Refresh to see the bank details CBP holds for this importer, then enter the routing number.</p><input>`,
    );
    expect(features.preceding).toEqual([]);
  });

  it('reads the legend of a fieldset that holds only this field', () => {
    expect(featuresOf(`<fieldset><legend>Bank Account Number</legend><input></fieldset>`).legend).toBe('Bank Account Number');
    expect(featuresOf(`<fieldset><legend>Bank details</legend><input><input></fieldset>`).legend).toBeUndefined();
  });

  it('reads the placeholder', () => {
    expect(featuresOf(`<input placeholder="9-digit routing number">`).placeholder).toBe('9-digit routing number');
  });

  it('skips inputs that are never bank fields', () => {
    document.body.innerHTML = `<input type="hidden" name="routingNumber"><input type="submit"><input type="checkbox"><input type="search"><textarea></textarea>`;
    expect(candidatesOf().map((candidate) => candidate.control)).toEqual(['textarea']);
  });
});

describe('Lightning-style components', () => {
  it('reads the host label attribute and the label inside the shadow root', () => {
    const host = document.createElement('lightning-input');
    host.setAttribute('label', 'Bank Routing Number');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<label for="input-11"><abbr>*</abbr>Bank Routing Number</label><input id="input-11" name="routing">`;
    document.body.append(host);
    const [candidate] = candidatesOf(root);
    expect(candidate!.features.labels).toEqual(['*Bank Routing Number', 'Bank Routing Number']);
  });

  it('reads a combobox button, its label and the options of its listbox', () => {
    document.body.innerHTML = `
      <label for="cb">Bank Control Key</label>
      <div class="slds-combobox"><button id="cb" role="combobox" aria-controls="lb" name="controlKey"><span>Select an Option</span></button>
        <div id="lb" role="listbox"><div role="option" data-value="01">01 - Checking</div><div role="option" data-value="02">02 - Savings</div></div></div>`;
    const [candidate] = candidatesOf();
    expect(candidate!.control).toBe('combobox');
    expect(candidate!.features.labels).toEqual(['Bank Control Key']);
    expect(candidate!.features.options).toEqual([
      { text: '01 - Checking', value: '01' },
      { text: '02 - Savings', value: '02' },
    ]);
    expect(candidate!.elements?.[0]?.id).toBe('lb');
    expect(candidate!.options?.[1]?.element.textContent).toBe('02 - Savings');
  });

  it('finds a sibling listbox when aria-controls is missing', () => {
    document.body.innerHTML = `<div><input role="combobox" aria-label="Account type"><ul role="listbox"><li role="option">Checking</li><li role="option">Savings</li></ul></div>`;
    const [candidate] = candidatesOf();
    expect(candidate!.control).toBe('combobox');
    expect(candidate!.features.options?.map((option) => option.value)).toEqual(['Checking', 'Savings']);
  });
});

describe('radio groups', () => {
  it('groups radios by name, with the fieldset as the field', () => {
    document.body.innerHTML = `<fieldset><legend>Bank Control Key</legend>
      <span><input type="radio" id="c" name="bck" value="01"> <label for="c">Checking</label></span>
      <span><input type="radio" id="s" name="bck" value="02"> <label for="s">Savings</label></span></fieldset>`;
    const [group, ...rest] = candidatesOf();
    expect(rest).toEqual([]);
    expect(group!.control).toBe('radio-group');
    expect(group!.element.localName).toBe('fieldset');
    expect(group!.elements).toHaveLength(2);
    expect(group!.features).toMatchObject({
      legend: 'Bank Control Key',
      name: 'bck',
      options: [
        { text: 'Checking', value: '01' },
        { text: 'Savings', value: '02' },
      ],
    });
  });

  it('reads a radio label from the text after it, and the row label of a table', () => {
    document.body.innerHTML = `<table><tr><td>Account type</td><td><input type="radio" name="t" value="C">Checking <input type="radio" name="t" value="S">Savings</td></tr></table>`;
    const [group] = candidatesOf();
    expect(group!.element.localName).toBe('input');
    expect(group!.features.preceding).toEqual(['Account type']);
    expect(group!.features.options?.map((option) => option.text)).toEqual(['Checking', 'Savings']);
  });
});

describe('textOf', () => {
  it('leaves out option and listbox texts', () => {
    document.body.innerHTML = `<div id="t">Key <select><option>01</option></select><div role="listbox">02</div> here</div>`;
    expect(textOf(document.getElementById('t')!)).toBe('Key here');
  });
});

describe('scanRoot', () => {
  it('classifies the fields and the values on file of a root', () => {
    document.body.innerHTML = `
      <section><dl><dt>Bank Routing Number</dt><dd><lightning-formatted-text>021000021</lightning-formatted-text></dd>
        <dt>Bank Account Number</dt><dd>*****6789</dd><dt>Account Name</dt><dd>Acme Imports LLC</dd></dl></section>
      <div class="slds-form-element"><span class="slds-form-element__label">Bank Control Key</span>
        <div class="slds-form-element__control"><span class="slds-form-element__static">01 - Checking</span></div></div>
      <label for="r">Bank Routing Number</label><input id="r">
      <label for="a">Bank Account Number</label><input id="a">
      <label for="q">Search</label><input id="q">`;
    const scan = scanRoot(document);
    expect(scan.fields.map((field) => [field.kind, field.element.id])).toEqual([
      ['routing', 'r'],
      ['account', 'a'],
    ]);
    expect(scan.values.map((value) => [value.kind, value.element.localName, value.element.textContent])).toEqual([
      ['routing', 'lightning-formatted-text', '021000021'],
      ['account', 'dd', '*****6789'],
      ['account-type', 'span', '01 - Checking'],
    ]);
  });
});
