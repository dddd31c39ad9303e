/**
 * Reads what the page's bank fields hold, whatever the control: text inputs, a native select,
 * a radio group, or a Lightning combobox showing its choice on a button.
 */
import { textOutside } from '../field-label-text';
import type { BankEntry } from '@/utils/form-checks/bank-entry-check';
import type { PageBankValues } from '@/utils/form-checks/compare-with-profile';
import type { DetectedField, DetectedForm, DetectedOption } from '../detected-form';

function choiceText(field: DetectedField): string {
  const element = field.element;
  if (field.control === 'select' && element instanceof HTMLSelectElement) {
    const option = element.selectedOptions[0];
    return option && option.value !== '' ? `${option.value} ${option.text}` : '';
  }
  if (field.control === 'radio-group') {
    const radios = (field.elements ?? [element]) as HTMLInputElement[];
    const checked = radios.find((radio) => radio.checked);
    if (!checked) return '';
    const labels = Array.from(checked.labels ?? []).map((label) => label.textContent ?? '');
    return `${checked.value} ${labels.join(' ')}`.trim();
  }
  return comboboxChoice(field);
}

/** Not the combobox's words: its options, and decorations (an arrow "▾") hidden from readers. */
const OPTION_PARTS = '[role=listbox], [role=option], [role=menu], [aria-hidden=true]';

/** The combobox's own words (a button's text), without the options some pages nest inside it. */
function shownText(element: HTMLElement): string {
  const text = textOutside(element, OPTION_PARTS);
  return /[\p{L}\p{N}]/u.test(text) ? text : '';
}

/** The value the combobox or the component around it holds (`value` attribute or property). */
function heldValue(element: HTMLElement): string | undefined {
  let node: Element | null = element;
  for (let step = 0; node && step < 4; step++) {
    const own = node === element || node.localName.includes('-') ? node : null;
    const property = own && node.localName !== 'button' ? (own as { value?: unknown }).value : undefined;
    if (typeof property === 'string') return property;
    const attribute = own?.getAttribute('value') ?? own?.getAttribute('data-value');
    if (typeof attribute === 'string') return attribute;
    const root = node.getRootNode();
    node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return undefined;
}

/**
 * The combobox's chosen option, never its whole text with every option in it: an option marked
 * checked or selected, else the value the control holds, else the words it shows (matched to an
 * option when one has them), else the option aria-activedescendant points at.
 */
function comboboxChoice(field: DetectedField): string {
  const element = field.element;
  const options = field.options ?? [];
  const describe = (option: DetectedOption) => (option.value === option.text ? option.text : `${option.value} ${option.text}`.trim());
  const marked =
    options.find((option) => option.element.getAttribute('aria-checked') === 'true') ??
    options.find((option) => option.element.getAttribute('aria-selected') === 'true');
  if (marked) return describe(marked);
  const held = element instanceof HTMLInputElement ? undefined : heldValue(element);
  if (held !== undefined) {
    const option = options.find((candidate) => candidate.value === held);
    return option ? describe(option) : held;
  }
  const shown = element instanceof HTMLInputElement ? element.value.trim() : shownText(element);
  const named = options.find((option) => option.text === shown);
  if (named) return describe(named);
  if (shown) return shown;
  const active = element.getAttribute('aria-activedescendant');
  const pointed = active ? options.find((option) => option.element.id === active) : undefined;
  return pointed ? describe(pointed) : '';
}

export function fieldValue(field: DetectedField): string {
  if (field.control === 'input' || field.control === 'textarea') {
    return (field.element as HTMLInputElement | HTMLTextAreaElement).value;
  }
  return choiceText(field);
}

export function readFormValues(form: DetectedForm): BankEntry {
  const values: BankEntry = {};
  for (const field of form.fields) {
    const value = fieldValue(field);
    switch (field.kind) {
      case 'routing': values.routing = value; break;
      case 'account': values.account = value; break;
      case 'account-confirm': values.accountConfirm = value; break;
      case 'account-type': values.accountType = value; break;
      case 'importer-number': values.importerNumber = value; break;
      default: break;
    }
  }
  return values;
}

export function readOnFileValues(form: DetectedForm): PageBankValues {
  const values: { routing?: string; account?: string; accountType?: string } = {};
  for (const onFile of form.onFile) {
    if (onFile.kind === 'routing') values.routing = onFile.text;
    if (onFile.kind === 'account') values.account = onFile.text;
    if (onFile.kind === 'account-type') values.accountType = onFile.text;
  }
  return values;
}
