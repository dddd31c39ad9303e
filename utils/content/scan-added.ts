/**
 * The incremental scan of a root: when a batch only added controls, and nothing added can change
 * what the root's other controls and values read (their labels, nearby texts, groups, choices),
 * only the added controls are classified and merged into the root's last scan. Anything else
 * returns null: the caller rescans the whole root (scan-root.ts), which gives the same result.
 */
import type { ClassifyField } from '@/utils/detection/classify-field';
import type { SearchRoot } from './detected-form';
import { CONTROL_SELECTOR, createLabelIndex, siblingTextReach, type LabelIndex } from './field-label-text';
import { LABELLED_TEXT_SELECTOR, ON_FILE_SELECTOR } from './on-file-values';
import { classifyControls, type RootScan, type ScannedField } from './scan-root';
import { CELL_SELECTOR, GRID_SELECTOR } from './table-cells';

/**
 * An addition inside one of these may rename controls that were there: a group (legend, radios,
 * which control a fieldset holds), a grid (column headers, cells), a list of choices, a value.
 */
const SHARED_CONTEXT = [
  'fieldset, [role=radiogroup], [role=combobox], [role=listbox], select, datalist, label, legend, dt, tr, [role=row]',
  CELL_SELECTOR,
  GRID_SELECTOR,
  ON_FILE_SELECTOR,
  LABELLED_TEXT_SELECTOR,
].join(', ');
/** Attributes by which a control, a group or a value points at other elements' ids (names, listboxes). */
const POINTING_ATTRIBUTES = ['aria-labelledby', 'aria-controls', 'aria-owns'];
/** Past this many values or radio groups, checking each against the additions costs more than a rescan. */
const MAX_READ_FROM = 64;

/** The ids that the root's controls, groups and values point at: per scan, carried into the merged scan. */
const pointedAtOf = new WeakMap<RootScan, Set<string>>();

function addPointedAt(elements: Iterable<Element>, into: Set<string>) {
  for (const element of elements) {
    for (const attribute of POINTING_ATTRIBUTES) {
      const ids = element.getAttribute(attribute);
      if (ids) for (const id of ids.split(/\s+/)) if (id) into.add(id);
    }
  }
}

function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0;
}

/** The first of `sorted` (in document order) after `node`. */
function firstAfter(sorted: readonly Element[], node: Node): Element | undefined {
  // Pages mostly append: after the last one, after them all.
  if (sorted.length === 0 || precedes(sorted[sorted.length - 1]!, node)) return undefined;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (precedes(sorted[middle]!, node)) low = middle + 1;
    else high = middle;
  }
  return sorted[low];
}

/** Merges two lists, each in document order. */
function mergeInOrder<T>(a: readonly T[], b: readonly T[], elementOf: (item: T) => Node): T[] {
  // Pages mostly append: everything new after everything known.
  if (a.length === 0 || b.length === 0 || precedes(elementOf(a[a.length - 1]!), elementOf(b[0]!))) return [...a, ...b];
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(precedes(elementOf(a[i]!), elementOf(b[j]!)) ? a[i++]! : b[j++]!);
  return merged.concat(a.slice(i), b.slice(j));
}

/** Whether an added node can change what an earlier control or value of the root reads. */
function touchesOthers(
  node: Node,
  previous: RootScan,
  root: SearchRoot,
  labels: LabelIndex,
  pointedAt: Set<string>,
  isAdded: (node: Node) => boolean,
): boolean {
  const parent = node.parentElement;
  if (parent?.closest(SHARED_CONTEXT)) return true;
  // An ancestor that a label names holds the control that label names (a UI5 wrapper).
  for (let at = parent; at; at = at.parentElement) if (at.id && labels.labelsFor(at.id).length > 0) return true;
  // The nearby text of the first earlier control after the node: a control in between stops
  // the search of every later one (field-label-text.ts), so that one is all that can change.
  const next = firstAfter(previous.controls!, node);
  if (next && siblingTextReach(next)?.contains(node)) return true;
  for (const element of previous.readFrom ?? []) {
    if (!precedes(node, element)) continue;
    if (siblingTextReach(element)?.contains(node) || element.closest('.slds-form-element')?.contains(node)) return true;
  }
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  // A legend or term names what its (earlier) group or value holds; a listbox, a nearby combobox.
  if (element.matches('legend, dt, [role=listbox]') || element.querySelector('[role=listbox]')) return true;
  const inside = (selector: string) => (element.matches(selector) ? [element] : []).concat(Array.from(element.querySelectorAll(selector)));
  for (const label of inside('label[for]')) {
    const target = root.getElementById(label.getAttribute('for')!);
    if (target && !isAdded(target)) return true;
  }
  return inside('[id]').some((withId) => pointedAt.has(withId.id));
}

/**
 * The root's scan after a batch that added `nodes` (the records' added nodes, connected, in this
 * root), in which `watched` are the elements of interest found in them; null when only a full
 * rescan is right.
 */
export function scanAdded(
  root: SearchRoot,
  previous: RootScan,
  nodes: readonly Node[],
  watched: readonly Element[],
  classify: ClassifyField,
): RootScan | null {
  const controls = previous.controls;
  if (!controls || previous.grids || (previous.readFrom?.length ?? 0) > MAX_READ_FROM) return null;
  if (controls.some((control) => !control.isConnected) || previous.values.some((value) => !value.element.isConnected)) return null;
  const known = new Set(controls);
  const added: Element[] = [];
  for (const element of watched) {
    if (known.has(element)) return null;
    // Values and radios (grouped across the root) are read with their neighbours: a full scan.
    if (!element.matches(CONTROL_SELECTOR) || (element.localName === 'input' && (element as HTMLInputElement).type === 'radio')) return null;
    if (!added.includes(element)) added.push(element);
  }
  const isAdded = (node: Node) => nodes.some((top) => top.contains(node));
  let pointedAt = pointedAtOf.get(previous);
  if (!pointedAt) addPointedAt([...controls, ...(previous.readFrom ?? [])], (pointedAt = new Set()));
  const labels = previous.labels ?? createLabelIndex(root);
  for (const node of nodes) if (touchesOthers(node, previous, root, labels, pointedAt, isAdded)) return null;

  added.sort((a, b) => (precedes(a, b) ? -1 : 1));
  const { fields: newFields } = classifyControls(added, root, classify, labels);
  const groups = previous.fields.filter((field) => field.control === 'radio-group');
  const singles = previous.fields.filter((field) => field.control !== 'radio-group');
  const fields: ScannedField[] = [...mergeInOrder(singles, newFields, (field) => field.element), ...groups];
  const scan: RootScan = {
    fields,
    values: previous.values,
    controls: mergeInOrder(controls, added, (control) => control),
    readFrom: previous.readFrom,
    labels,
  };
  addPointedAt(added, pointedAt);
  pointedAtOf.set(scan, pointedAt);
  return scan;
}
