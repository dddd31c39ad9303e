/**
 * Read-only values the page shows, such as the bank details on file after "Get Info/Refresh":
 * a <dd> after its <dt>, a Lightning formatted text beside its form-element label, an <output>.
 * Gives each value's label and text for the on-file classifier.
 */
import type { SearchRoot } from './collect-roots';
import { ariaTexts, CONTROL_SELECTOR, precedingTexts, textOf } from './field-label-text';

/** Lightning's read-only output components. */
export const ON_FILE_CUSTOM_TAGS: ReadonlySet<string> = new Set([
  'lightning-formatted-text',
  'lightning-formatted-number',
  'lightning-formatted-name',
]);
export const ON_FILE_SELECTOR = ['dd', 'output', ...ON_FILE_CUSTOM_TAGS, '.slds-form-element__static'].join(', ');

export interface LabelledValue {
  element: HTMLElement;
  label: string;
  text: string;
}

function termBefore(dd: Element): string | undefined {
  for (let previous = dd.previousElementSibling; previous; previous = previous.previousElementSibling) {
    if (previous.localName === 'dt') return textOf(previous);
  }
  return undefined;
}

function formElementLabel(element: Element): string | undefined {
  const container = element.closest('.slds-form-element');
  const label = container?.querySelector('.slds-form-element__label');
  return label && !label.contains(element) ? textOf(label) : undefined;
}

function labelOfValue(element: Element, root: SearchRoot): string | undefined {
  const aria = ariaTexts(element, root)[0];
  if (aria) return aria;
  const dd = element.closest('dd');
  if (dd) return termBefore(dd);
  return formElementLabel(element) ?? precedingTexts(element)[0];
}

/** The label and text of a read-only value element, or null when it is not one. */
export function labelledValue(element: HTMLElement, root: SearchRoot): LabelledValue | null {
  if (element.querySelector(CONTROL_SELECTOR)) return null;
  // A <dd> holding a formatted value: the inner element is the value.
  if (element.localName === 'dd' && element.querySelector(ON_FILE_SELECTOR)) return null;
  const label = labelOfValue(element, root);
  if (!label) return null;
  return { element, label, text: textOf(element) };
}
