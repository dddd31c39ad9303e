/**
 * Puts one planned value into one field of the page so that the page's own state takes it:
 * frameworks (React, Lightning, Angular) listen for focus, input, change and blur, and some
 * wrap the element's `value` property to tell their own writes from the user's.
 */
import { accountTypeFromText } from '@/utils/bank/account-type';
import { optionAccountType } from '@/utils/detection/account-type-options';
import { sameFieldValue, type PlannedFill } from '@/utils/form-checks/plan-fill';
import { fieldValue } from '../assistant/read-values';
import type { DetectedField, DetectedOption } from '../detected-form';

/**
 * The setter the browser itself defines, found on the prototype chain: a value tracker set on
 * the instance (React's) would otherwise record our write as its own and drop the input event.
 */
function nativeSetter(element: Element, property: string): ((value: unknown) => void) | undefined {
  for (let proto = Object.getPrototypeOf(element); proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, property);
    if (descriptor?.set) return descriptor.set.bind(element) as (value: unknown) => void;
  }
  return undefined;
}

/** Typed text comes as an InputEvent, as the browser sends it; a choice as a plain input event. */
function announceChange(element: HTMLElement, typed?: string): void {
  const init = { bubbles: true, composed: true };
  const input =
    typed !== undefined && typeof InputEvent === 'function'
      ? new InputEvent('input', { ...init, inputType: 'insertReplacementText', data: typed })
      : new Event('input', init);
  element.dispatchEvent(input);
  element.dispatchEvent(new Event('change', init));
}

function setTextValue(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const set = nativeSetter(element, 'value');
  if (set) set(value);
  else element.value = value;
  announceChange(element, value);
}

function fillText(field: DetectedField, fill: PlannedFill): boolean {
  const element = field.element as HTMLInputElement | HTMLTextAreaElement;
  element.focus({ preventScroll: true });
  setTextValue(element, fill.value);
  element.blur();
  return sameFieldValue(fill.kind, element.value, fill.value);
}

function fillSelect(field: DetectedField, option: DetectedOption): boolean {
  const select = field.element as HTMLSelectElement;
  const index = (option.element as HTMLOptionElement).index;
  select.focus({ preventScroll: true });
  // By index, not value: two options may share a value and only this one was chosen.
  const set = nativeSetter(select, 'selectedIndex');
  if (set) set(index);
  else select.selectedIndex = index;
  announceChange(select);
  select.blur();
  return select.selectedIndex === index;
}

function fillRadio(option: DetectedOption): boolean {
  const radio = option.element as HTMLInputElement;
  radio.focus({ preventScroll: true });
  // A real click makes the browser check it and fire click, input and change the way a user's does.
  if (!radio.checked) radio.click();
  radio.blur();
  return radio.checked;
}

/** Whether the combobox now shows the chosen option (by account type when it names one). */
function showsOption(field: DetectedField, option: DetectedOption): boolean {
  const shown = fieldValue(field);
  const type = optionAccountType(option)?.type;
  if (type) return accountTypeFromText(shown) === type;
  return shown.includes(option.text) || shown === option.value;
}

/** Lists that render their options only while open replace the elements the detector saw. */
function liveOptionElement(field: DetectedField, option: DetectedOption): HTMLElement | undefined {
  if (option.element.isConnected) return option.element;
  const root = field.elements?.[0]?.isConnected ? field.elements[0] : (field.element.getRootNode() as ParentNode);
  return Array.from(root.querySelectorAll<HTMLElement>('[role=option]')).find(
    (element) => (element.dataset.value ?? element.getAttribute('value')) === option.value,
  );
}

function fillCombobox(field: DetectedField, fill: PlannedFill, option: DetectedOption): boolean {
  const element = field.element;
  element.focus({ preventScroll: true });
  // Typing the option's words is what makes a filtering combobox list it.
  if (element.localName === 'input') setTextValue(element as HTMLInputElement, option.text || fill.value);
  if (element.getAttribute('aria-expanded') !== 'true') element.click();
  const target = liveOptionElement(field, option);
  target?.click();
  element.blur();
  return target !== undefined && showsOption(field, option);
}

function chosenOption(field: DetectedField, fill: PlannedFill): DetectedOption | undefined {
  return fill.optionIndex === undefined ? undefined : field.options?.[fill.optionIndex];
}

/** True when the field now holds the value; false, never an exception, when the page resists. */
export function setFieldValue(field: DetectedField, fill: PlannedFill): boolean {
  try {
    if (field.control === 'input' || field.control === 'textarea') return fillText(field, fill);
    const option = chosenOption(field, fill);
    if (!option) return false;
    if (field.control === 'select') return fillSelect(field, option);
    if (field.control === 'radio-group') return fillRadio(option);
    return fillCombobox(field, fill, option);
  } catch {
    return false;
  }
}
