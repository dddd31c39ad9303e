/**
 * Turns the controls of one root into plain FieldFeatures for the classifier: inputs, selects,
 * textareas, Lightning-style comboboxes (button or input with role=combobox and a listbox) and
 * radio groups, with the choices each offers.
 */
import type { FieldFeatures } from '@/utils/detection/field-features';
import type { FieldControl } from '@/utils/detection/field-kinds';
import { NOT_BANK_FIELD_TYPES } from '@/utils/detection/field-vocabulary';
import type { SearchRoot } from './detected-form';
import {
  ariaTexts,
  CONTROL_SELECTOR,
  createLabelIndex,
  labelTexts,
  legendText,
  precedingTexts,
  textOf,
  type LabelIndex,
} from './field-label-text';

/** A choice of a select, radio group or combobox, with the element a filler would pick. */
export interface ControlOption {
  text: string;
  value: string;
  element: HTMLElement;
}

/** One field as the page builds it: a single control, or the radios of one group. */
export interface ControlCandidate {
  control: FieldControl;
  /** The element that carries the mark: the control, or the radio group's fieldset/radiogroup. */
  element: HTMLElement;
  /** The radios of a group; the listbox of a combobox. */
  elements?: HTMLElement[];
  options?: ControlOption[];
  features: FieldFeatures;
  /** Where the nearby text of a radio group is read from (its container, or its first radio's label). */
  precedingFrom?: Element;
}

function controlKind(element: Element): FieldControl | 'radio' | null {
  const name = element.localName;
  if (name === 'input') {
    const type = (element as HTMLInputElement).type.toLowerCase();
    if (type === 'radio') return 'radio';
    if (NOT_BANK_FIELD_TYPES.includes(type)) return null;
    return element.getAttribute('role') === 'combobox' ? 'combobox' : 'input';
  }
  if (name === 'select') return 'select';
  if (name === 'textarea') return 'textarea';
  // A wrapper with role=combobox around a real input (ARIA 1.1): the input is the field.
  if (element.getAttribute('role') === 'combobox' && !element.querySelector('input, select, textarea')) return 'combobox';
  return null;
}

function maxLengthOf(element: Element): number | undefined {
  const value = Number.parseInt(element.getAttribute('maxlength') ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** What a combobox's aria-controls / aria-owns may name: a listbox, or a plain list of items (SAP UI5). */
const LIST_SELECTOR = '[role=listbox], ul, ol';

/** The listbox a combobox opens: aria-controls / aria-owns in the same root, else the nearest one. */
function listboxOf(combobox: Element, root: SearchRoot): Element | null {
  const ids = `${combobox.getAttribute('aria-controls') ?? ''} ${combobox.getAttribute('aria-owns') ?? ''}`;
  for (const id of ids.split(/\s+/)) {
    const target = id ? root.getElementById(id) : null;
    if (target?.matches(LIST_SELECTOR)) return target;
    const inner = target?.querySelector(LIST_SELECTOR);
    if (inner) return inner;
  }
  let scope: Element | null = combobox.parentElement;
  for (let step = 0; scope && step < 3; step++, scope = scope.parentElement) {
    const near = scope.querySelector('[role=listbox]');
    if (near) return near;
  }
  return null;
}

/** The choices of a listbox: its role=option items, else the items of a plain list. */
function comboboxOptions(listbox: Element | null): ControlOption[] {
  if (!listbox) return [];
  let items = listbox.querySelectorAll<HTMLElement>('[role=option]');
  if (items.length === 0) items = listbox.querySelectorAll<HTMLElement>('li');
  return Array.from(items, (element) => {
    const text = textOf(element);
    return { text, value: element.dataset.value ?? element.getAttribute('value') ?? text, element };
  });
}

function selectOptions(select: HTMLSelectElement): ControlOption[] {
  return Array.from(select.querySelectorAll('option'), (option) => ({
    text: textOf(option) || option.label || '',
    value: option.value,
    element: option,
  }));
}

function fieldsetHoldsOnly(fieldset: Element, fieldElements: readonly Element[]): boolean {
  for (const control of fieldset.querySelectorAll(CONTROL_SELECTOR)) {
    if (!fieldElements.includes(control) && controlKind(control) !== null) return false;
  }
  return true;
}

function singleControl(element: HTMLElement, control: FieldControl, labels: LabelIndex): ControlCandidate {
  const { root } = labels;
  const listbox = control === 'combobox' ? listboxOf(element, root) : null;
  const options =
    control === 'select'
      ? selectOptions(element as HTMLSelectElement)
      : control === 'combobox'
        ? comboboxOptions(listbox)
        : undefined;
  const placeholder = element.getAttribute('placeholder') ?? undefined;
  const features: FieldFeatures = {
    control,
    labels: labelTexts(element, labels),
    aria: ariaTexts(element, root),
    legend: legendText(element, (fieldset) => fieldsetHoldsOnly(fieldset, [element])),
    preceding: precedingTexts(element),
    placeholder,
    name: element.getAttribute('name') ?? undefined,
    id: element.id || undefined,
    type: element.localName === 'input' ? (element as HTMLInputElement).type.toLowerCase() : undefined,
    inputMode: element.getAttribute('inputmode') ?? undefined,
    maxLength: maxLengthOf(element),
    autocomplete: element.getAttribute('autocomplete') ?? undefined,
    role: element.getAttribute('role') ?? undefined,
    options: options?.map(({ text, value }) => ({ text, value })),
  };
  return { control, element, elements: listbox ? [listbox as HTMLElement] : undefined, options, features };
}

/** The words beside one radio: its label, aria-label, or the text right after it. */
function radioText(radio: HTMLInputElement, labels: LabelIndex): string {
  const named = [...labelTexts(radio, labels), ...ariaTexts(radio, labels.root)][0];
  if (named) return named;
  const next = radio.nextSibling;
  return next ? (next.nodeType === 3 ? (next.nodeValue ?? '').trim() : textOf(next as Element)) : '';
}

function radioGroup(radios: HTMLInputElement[], labels: LabelIndex): ControlCandidate {
  const { root } = labels;
  const first = radios[0]!;
  const around = first.closest<HTMLElement>('fieldset, [role=radiogroup]');
  const container = around && radios.every((radio) => around.contains(radio)) ? around : null;
  const options = radios.map((radio) => ({ text: radioText(radio, labels), value: radio.value, element: radio as HTMLElement }));
  const holder = container ?? first;
  const precedingFrom = container ?? first.closest('.slds-radio, label') ?? first;
  const features: FieldFeatures = {
    control: 'radio-group',
    aria: container ? ariaTexts(container, root) : [],
    legend: legendText(holder, (fieldset) => fieldsetHoldsOnly(fieldset, radios)),
    preceding: precedingTexts(precedingFrom),
    name: first.name || undefined,
    options: options.map(({ text, value }) => ({ text, value })),
  };
  return { control: 'radio-group', element: holder, elements: radios, options, features, precedingFrom };
}

/** Radios belong together when they share a name in one form (or one root), else a container. */
function radioGroupKey(radio: HTMLInputElement): unknown {
  if (radio.name) return `${radio.name}\u0000`;
  return radio.closest('fieldset, [role=radiogroup]') ?? radio.parentElement ?? radio;
}

/** Every candidate field among `elements` (the controls of one root, in document order). */
export function controlCandidates(elements: Iterable<Element>, root: SearchRoot, labels: LabelIndex = createLabelIndex(root)): ControlCandidate[] {
  const candidates: ControlCandidate[] = [];
  const groups = new Map<unknown, HTMLInputElement[]>();
  for (const element of elements) {
    const kind = controlKind(element);
    if (kind === null) continue;
    if (kind === 'radio') {
      const radio = element as HTMLInputElement;
      const key = radioGroupKey(radio);
      // Same name in two forms means two groups.
      const scopedKey = typeof key === 'string' ? `${key}${formIndex(radio)}` : key;
      const group = groups.get(scopedKey);
      if (group) group.push(radio);
      else groups.set(scopedKey, [radio]);
      continue;
    }
    candidates.push(singleControl(element as HTMLElement, kind, labels));
  }
  for (const radios of groups.values()) candidates.push(radioGroup(radios, labels));
  return candidates;
}

const formIds = new WeakMap<Element, number>();
let nextFormId = 1;
function formIndex(radio: HTMLInputElement): number {
  const form = radio.form;
  if (!form) return 0;
  let id = formIds.get(form);
  if (!id) formIds.set(form, (id = nextFormId++));
  return id;
}
