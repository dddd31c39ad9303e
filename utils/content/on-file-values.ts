/**
 * Read-only values the page shows, such as the bank details on file after "Get Info/Refresh":
 * a <dd> after its <dt>, a Lightning formatted text beside its form-element label (view mode of
 * an inline-edit record, a pencil button beside each), an <output>, a table cell under its
 * column header or after its row header (a grid row on file). Gives each value's candidate
 * labels and its text for the on-file classifier.
 */
import type { SearchRoot } from './detected-form';
import { ariaTexts, CONTROL_SELECTOR, precedingTexts, textOf } from './field-label-text';
import { cellsBelow, isColumnHeader, rowCells } from './table-cells';

/** Lightning's read-only output components. */
export const ON_FILE_CUSTOM_TAGS: ReadonlySet<string> = new Set([
  'lightning-formatted-text',
  'lightning-formatted-number',
  'lightning-formatted-name',
]);
export const ON_FILE_SELECTOR = ['dd', 'output', ...ON_FILE_CUSTOM_TAGS, '.slds-form-element__static'].join(', ');
/**
 * Header cells: the labels of the values in their column (or, in a label | value row, beside
 * them). Salesforce Classic / Visualforce detail tables mark their label cells `td.labelCol`.
 */
export const VALUE_HEADER_SELECTOR = 'th, [role=columnheader], [role=rowheader], td.labelCol';
/** A text named by aria-labelledby (SAP UI5's sap.m.Text in a display form). */
export const LABELLED_TEXT_SELECTOR = 'span[aria-labelledby]';

export interface LabelledValue {
  element: HTMLElement;
  /** The texts that may name the value, most telling first. */
  labels: string[];
  text: string;
}

/** A value's text; a formatted-output component may render it in its (open) shadow root only. */
export function valueText(element: Element): string {
  const text = textOf(element);
  if (text || !element.shadowRoot) return text;
  return (element.shadowRoot.textContent ?? '').replace(/\s+/g, ' ').trim();
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

function labelsOfValue(element: Element, root: SearchRoot): string[] {
  const aria = ariaTexts(element, root)[0];
  if (aria) return [aria];
  const dd = element.closest('dd');
  const term = dd ? termBefore(dd) : undefined;
  if (dd) return term ? [term] : [];
  const formLabel = formElementLabel(element);
  return formLabel ? [formLabel] : precedingTexts(element);
}

/** The label and text of a read-only value element, or null when it is not one. */
export function labelledValue(element: HTMLElement, root: SearchRoot): LabelledValue | null {
  if (element.querySelector(CONTROL_SELECTOR)) return null;
  // A <dd> or a static wrapper holding a formatted value: the inner element is the value.
  if (element.querySelector(ON_FILE_SELECTOR)) return null;
  const labels = labelsOfValue(element, root);
  if (labels.length === 0) return null;
  return { element, labels, text: valueText(element) };
}

/** A plain cell may be a value: no control in it, and no value element of its own (read on its own). */
function plainValueCell(cell: Element | undefined): cell is HTMLElement {
  return !!cell && !cell.matches(VALUE_HEADER_SELECTOR) && !cell.querySelector(`${CONTROL_SELECTOR}, ${ON_FILE_SELECTOR}`);
}

/**
 * The values a header cell names: the first cells below a column header (a grid row on file),
 * or the cell right after a row header ("Bank Key" | 021000021). Entry cells (with a control)
 * are fields, not values.
 */
export function headerValues(header: HTMLElement): LabelledValue[] {
  const label = textOf(header);
  if (!label) return [];
  let cells: Element[];
  if (isColumnHeader(header)) cells = cellsBelow(header);
  else {
    const row = header.parentElement;
    const rowOf = row ? rowCells(row) : [];
    const next = rowOf[rowOf.indexOf(header) + 1];
    cells = next ? [next] : [];
  }
  return cells.filter(plainValueCell).map((cell) => ({ element: innermost(cell), labels: [label], text: valueText(cell) }));
}

/** The element that holds a cell's whole text (the text view inside a grid cell), else the cell. */
function innermost(cell: HTMLElement): HTMLElement {
  let element = cell;
  const text = textOf(cell);
  while (element.childElementCount === 1 && textOf(element.firstElementChild!) === text) element = element.firstElementChild as HTMLElement;
  return element;
}
