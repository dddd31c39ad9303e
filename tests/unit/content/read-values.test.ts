// @vitest-environment happy-dom
/**
 * A control's value is its chosen option, never its whole text: a combobox whose options sit
 * inside it, a Lightning button holding the value, a component host's value, a list rendered
 * only while open.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { accountTypeFromText } from '@/utils/bank/account-type';
import { fieldValue } from '@/utils/content/assistant/read-values';
import type { DetectedField } from '@/utils/content/detected-form';

afterEach(() => {
  document.body.replaceChildren();
});

/** The combobox field as the detector reports it, options read from its listbox. */
function combobox(element: HTMLElement): DetectedField {
  const listbox = element.querySelector<HTMLElement>('[role=listbox]') ?? document.querySelector<HTMLElement>('[role=listbox]');
  const options = Array.from(listbox?.querySelectorAll<HTMLElement>('[role=option]') ?? [], (option) => ({
    text: option.textContent!.trim(),
    value: option.dataset.value ?? option.textContent!.trim(),
    element: option,
  }));
  return {
    kind: 'account-type',
    control: 'combobox',
    element,
    ...(listbox ? { elements: [listbox] } : {}),
    options,
    classification: { kind: 'account-type', confidence: 1, evidence: [], notes: [] },
  };
}

const OPTIONS = `<div role="listbox"><div role="option" id="o1" data-value="01">01 - Checking</div>
  <div role="option" id="o2" data-value="02">02 - Savings</div></div>`;

describe('fieldValue of a combobox', () => {
  it('reads the option marked selected, not the options nested in the combobox', () => {
    document.body.innerHTML = `<div role="combobox" id="c"><span>02 - Savings</span>${OPTIONS}</div>`;
    document.getElementById('o2')!.setAttribute('aria-selected', 'true');
    const field = combobox(document.getElementById('c')!);
    expect(document.getElementById('c')!.textContent).toContain('Checking');
    expect(fieldValue(field)).toBe('02 02 - Savings');
    expect(accountTypeFromText(fieldValue(field))).toBe('savings');
  });

  it('reads the shown words without the list when no option is marked', () => {
    document.body.innerHTML = `<div role="combobox" id="c"><span>Savings</span>${OPTIONS}</div>`;
    expect(fieldValue(combobox(document.getElementById('c')!))).toBe('Savings');
  });

  it('reads the value a Lightning button or its component holds', () => {
    document.body.innerHTML = `<button role="combobox" id="c" data-value="01"><span>01 - Checking</span></button>${OPTIONS}`;
    expect(accountTypeFromText(fieldValue(combobox(document.getElementById('c')!)))).toBe('checking');
    document.body.innerHTML = `<x-combobox><button role="combobox" id="c"><span>Select an Option</span></button></x-combobox>`;
    Object.defineProperty(document.querySelector('x-combobox')!, 'value', { value: '' });
    expect(fieldValue(combobox(document.getElementById('c')!))).toBe('');
  });

  it('reads nothing from a combobox showing only its arrow (a sap.m.Select with no choice yet)', () => {
    document.body.innerHTML = `<div role="combobox" id="c"><span class="label"></span><span aria-hidden="true">▾</span></div>`;
    expect(fieldValue(combobox(document.getElementById('c')!))).toBe('');
    document.body.innerHTML = `<div role="combobox" id="c"><span>▾</span></div>`;
    expect(fieldValue(combobox(document.getElementById('c')!))).toBe('');
  });

  it('reads the option aria-activedescendant names when the combobox shows nothing', () => {
    document.body.innerHTML = `<div role="combobox" id="c" aria-activedescendant="o1"></div>${OPTIONS}`;
    expect(fieldValue(combobox(document.getElementById('c')!))).toBe('01 01 - Checking');
  });

  it('reads a combobox input by its value', () => {
    document.body.innerHTML = `<input role="combobox" id="c" value="Checking">${OPTIONS}`;
    expect(fieldValue(combobox(document.getElementById('c')!))).toBe('Checking');
  });
});
