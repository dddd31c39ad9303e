/**
 * The page-side testing and automation contract: each recognised field and on-file value carries
 * `data-ace-ach-field="<kind>"`. It is the only thing the extension writes into the page's DOM.
 */
import type { FieldKind } from '@/utils/detection/field-kinds';

export const FIELD_ATTRIBUTE = 'data-ace-ach-field';

/** Sets the marks of `next`, removes the ones of `previous` that are no longer wanted. */
export function applyFieldMarks(previous: ReadonlyMap<Element, FieldKind>, next: ReadonlyMap<Element, FieldKind>): void {
  for (const element of previous.keys()) {
    if (!next.has(element) && element.getAttribute(FIELD_ATTRIBUTE) !== null) element.removeAttribute(FIELD_ATTRIBUTE);
  }
  for (const [element, kind] of next) {
    if (element.getAttribute(FIELD_ATTRIBUTE) !== kind) element.setAttribute(FIELD_ATTRIBUTE, kind);
  }
}

export function removeFieldMarks(marked: Iterable<Element>): void {
  for (const element of marked) element.removeAttribute(FIELD_ATTRIBUTE);
}
