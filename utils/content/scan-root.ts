/**
 * Classifies everything in one (shadow) root: the controls and the read-only values. Visibility
 * and form presence are decided later, over all roots of the frame (field-detection.ts). The
 * scan keeps what a later batch that only adds controls needs to merge them in (scan-added.ts).
 */
import { classifyField, type ClassifyField, type FieldClassification } from '@/utils/detection/classify-field';
import { classifyOnFileValue } from '@/utils/detection/classify-on-file';
import type { FieldControl, FieldKind } from '@/utils/detection/field-kinds';
import type { SearchRoot } from './detected-form';
import { controlCandidates, type ControlOption } from './control-features';
import { CONTROL_SELECTOR, createLabelIndex, textOf, type LabelIndex } from './field-label-text';
import { headerValues, labelledValue, LABELLED_TEXT_SELECTOR, ON_FILE_SELECTOR, VALUE_HEADER_SELECTOR, type LabelledValue } from './on-file-values';
import { gridOf } from './table-cells';

export interface ScannedField {
  kind: FieldKind;
  control: FieldControl;
  element: HTMLElement;
  elements?: HTMLElement[];
  options?: ControlOption[];
  classification: FieldClassification;
  /** What to look at for visibility: styled radios hide the inputs themselves. */
  visibleThrough: HTMLElement[];
  /** What a badge sits beside: the control, or a radio group's radios and their labels. */
  anchors: HTMLElement[];
}

export interface ScannedValue {
  kind: FieldKind;
  element: HTMLElement;
  classification: FieldClassification;
}

export interface RootScan {
  fields: ScannedField[];
  values: ScannedValue[];
  /** Tables and grids whose headers name bank values: rows added to them are read again. */
  grids?: Element[];
  /** Every control of the root, in document order (what an incremental scan merges into). */
  controls?: Element[];
  /** Other elements whose nearby text was read: radio groups' holders, values' elements. */
  readFrom?: Element[];
  /** The root's label[for] index, kept for incremental scans while it is current. */
  labels?: LabelIndex;
}

/** Everything a batch must look at again when it is added, in any root. */
export const WATCHED_SELECTOR = `${CONTROL_SELECTOR}, ${ON_FILE_SELECTOR}, ${VALUE_HEADER_SELECTOR}, ${LABELLED_TEXT_SELECTOR}`;
const WATCHED_PARTS = WATCHED_SELECTOR.split(',').map((part) => part.trim());
/** Past this many, sorting separate results costs more than one slow query. */
const MAX_SORTED = 64;

/**
 * The controls and values of a root, in document order. On a document, one query per selector:
 * single tags and classes take the selector engine's fast path and a selector list does not
 * (about 0.4 ms against 1 ms on a 10,000-element page).
 */
export function findWatched(root: SearchRoot): ArrayLike<Element> {
  if (root.nodeType !== 9) return root.querySelectorAll(WATCHED_SELECTOR);
  const found = new Set<Element>();
  for (const part of WATCHED_PARTS) {
    const matches = root.querySelectorAll(part);
    for (let i = 0; i < matches.length; i++) found.add(matches[i]!);
    if (found.size > MAX_SORTED) return root.querySelectorAll(WATCHED_SELECTOR);
  }
  return [...found].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}
/** A radio group's radios and their labels (wrapping, or right after the radio). */
function radiosAndLabels(radios: HTMLElement[]): HTMLElement[] {
  const targets = [...radios];
  for (const radio of radios) {
    const next = radio.nextElementSibling;
    const label = radio.closest('label') ?? (next?.localName === 'label' ? next : null);
    if (label) targets.push(label as HTMLElement);
  }
  return targets;
}

/**
 * Classifies the controls and values of `root`. `found` is what a query of WATCHED_SELECTOR (or
 * wider) already returned for it, in document order, so the root is not searched twice.
 */
export function scanRoot(root: SearchRoot, found: ArrayLike<Element> = findWatched(root), classify: ClassifyField = classifyField): RootScan {
  const controls: Element[] = [];
  const shown: HTMLElement[] = [];
  const headers: HTMLElement[] = [];
  for (let i = 0; i < found.length; i++) {
    const element = found[i]!;
    if (element.matches(CONTROL_SELECTOR)) controls.push(element);
    else if (element.matches(VALUE_HEADER_SELECTOR)) headers.push(element as HTMLElement);
    else if (element.matches(ON_FILE_SELECTOR) || element.matches(LABELLED_TEXT_SELECTOR)) shown.push(element as HTMLElement);
  }
  const labels = createLabelIndex(root);
  const { fields, readFrom } = classifyControls(controls, root, classify, labels);
  const values: ScannedValue[] = [];
  const read = (labelled: LabelledValue | null) => {
    if (labelled && values.some((value) => value.element === labelled.element)) return;
    for (const label of labelled?.labels ?? []) {
      const classification = classifyOnFileValue(label, labelled!.text);
      if (!classification) continue;
      values.push({ kind: classification.kind, element: labelled!.element, classification });
      return;
    }
  };
  for (const element of shown) {
    readFrom.push(element);
    read(labelledValue(element, root));
  }
  const grids: Element[] = [];
  for (const header of headers) {
    // Most headers name no bank value ("Date", "Amount"): their long columns are never read.
    if (!classifyOnFileValue(textOf(header), '')) continue;
    headerValues(header).forEach(read);
    // Its rows may come later (Get Info/Refresh): changes in this grid are read again.
    const grid = gridOf(header);
    if (grid && !grids.includes(grid)) grids.push(grid);
  }
  const scan: RootScan = { fields, values, controls, readFrom, labels };
  if (grids.length > 0) scan.grids = grids;
  return scan;
}

/** The candidate fields among `controls` (in document order), classified; radio groups last. */
export function classifyControls(
  controls: Iterable<Element>,
  root: SearchRoot,
  classify: ClassifyField,
  labels: LabelIndex,
): { fields: ScannedField[]; readFrom: Element[] } {
  const fields: ScannedField[] = [];
  const readFrom: Element[] = [];
  for (const candidate of controlCandidates(controls, root, labels)) {
    if (candidate.precedingFrom) readFrom.push(candidate.precedingFrom);
    const classification = classify(candidate.features);
    if (!classification) continue;
    const { control, element, elements, options } = candidate;
    fields.push({
      kind: classification.kind,
      control,
      element,
      elements,
      options,
      classification,
      visibleThrough: control === 'radio-group' && element.localName === 'input' ? radiosAndLabels(elements ?? [element]) : [element],
      anchors: control === 'radio-group' ? radiosAndLabels(elements ?? [element]) : [element],
    });
  }
  return { fields, readFrom };
}
