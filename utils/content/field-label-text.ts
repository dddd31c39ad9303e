/**
 * The words a page puts around a control or a read-only value: label[for] in its own (shadow)
 * root (or naming the component that wraps it, as SAP UI5 does), a wrapping label, aria-label /
 * aria-labelledby, a custom element host's `label` attribute (Lightning), the header of its
 * column in a table or grid, the table cell or label-like sibling before it, a fieldset legend.
 */
import type { SearchRoot } from './detected-form';
import { CELL_SELECTOR, columnHeaders } from './table-cells';

/** Longer "labels" are help text or instructions, not names. */
const MAX_LABEL_LENGTH = 160;
/** Nearby text (a cell, a sibling, a legend) longer than this is a sentence, not a label. */
const MAX_NEARBY_LENGTH = 64;
/** How far up the tree the sibling search goes before giving up. */
const MAX_ANCESTOR_STEPS = 3;

const NOT_LABEL_TEXT = 'select, option, datalist, textarea, script, style, template, button, [role=listbox], [role=combobox]';
export const CONTROL_SELECTOR = 'input, select, textarea, [role=combobox]';

export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Visible words of an element, leaving out the texts of controls and lists inside it. */
export function textOf(element: Element): string {
  if (!element.firstElementChild || !element.querySelector(NOT_LABEL_TEXT)) return collapse(element.textContent ?? '');
  return textOutside(element, NOT_LABEL_TEXT);
}

/** The text of `element`, leaving out whatever is inside elements matching `excluded`; spaces collapsed. */
export function textOutside(element: Element, excluded: string): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1 && !(child as Element).matches(excluded)) walk(child);
    }
  };
  walk(element);
  return collapse(parts.join(' '));
}

function limited(text: string, max: number): string | undefined {
  return text && text.length <= max ? text : undefined;
}

function byId(root: SearchRoot, id: string): Element | null {
  return root.getElementById(id);
}

/**
 * label[for] of one root, indexed once per scan. (`control.labels` would walk the whole tree
 * for every control; one query for the tag is the engine's fast path.)
 */
export interface LabelIndex {
  readonly root: SearchRoot;
  labelsFor(id: string): readonly Element[];
  /** Labels added to the root since (kept in document order): the index serves later scans. */
  add(labels: readonly Element[]): void;
}

export function createLabelIndex(root: SearchRoot): LabelIndex {
  let byFor: Map<string, Element[]> | undefined;
  return {
    root,
    labelsFor(id) {
      if (!byFor) {
        byFor = new Map();
        const labels = root.querySelectorAll('label');
        for (let i = 0; i < labels.length; i++) {
          const label = labels[i]!;
          const target = label.getAttribute('for');
          if (!target) continue;
          const list = byFor.get(target);
          if (list) list.push(label);
          else byFor.set(target, [label]);
        }
      }
      return byFor.get(id) ?? [];
    },
    add(labels) {
      if (!byFor) return;
      for (const label of labels) {
        const target = label.getAttribute('for');
        if (!target) continue;
        const list = byFor.get(target);
        if (!list) byFor.set(target, [label]);
        else if (!list.includes(label)) {
          list.push(label);
          list.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
        }
      }
    },
  };
}

/**
 * A label[for] naming the component around the control ("__input0" for the input
 * "__input0-inner"), when that component holds no other control.
 */
function wrapperLabels(control: Element, labels: LabelIndex): Element[] {
  let node = control.parentElement;
  for (let step = 0; node && step < MAX_ANCESTOR_STEPS; step++, node = node.parentElement) {
    if (!node.id) continue;
    const found = labels.labelsFor(node.id);
    if (found.length === 0) continue;
    return node.querySelectorAll(CONTROL_SELECTOR).length === 1 ? [...found] : [];
  }
  return [];
}

/** label[for] and the wrapping label. */
function associatedLabels(control: Element, labels: LabelIndex): Element[] {
  const found = control.id ? [...labels.labelsFor(control.id)] : [];
  if (found.length === 0) found.push(...wrapperLabels(control, labels));
  const wrapping = control.closest('label');
  if (wrapping && !found.includes(wrapping)) found.push(wrapping);
  return found;
}

/** The `label` attribute of the custom element that renders the control (lightning-input). */
function hostLabel(control: Element): string | undefined {
  let node: Element | null = control.parentElement;
  for (let step = 0; node && step <= MAX_ANCESTOR_STEPS; step++, node = node.parentElement) {
    if (node.localName.includes('-') && node.hasAttribute('label')) return node.getAttribute('label') ?? undefined;
  }
  const root = control.getRootNode();
  if (isShadowRoot(root) && root.host.hasAttribute('label')) return root.host.getAttribute('label') ?? undefined;
  return undefined;
}

export function labelTexts(control: Element, labels: LabelIndex): string[] {
  const texts = associatedLabels(control, labels).map(textOf);
  const fromHost = hostLabel(control);
  if (fromHost) texts.push(collapse(fromHost));
  return texts.map((text) => limited(text, MAX_LABEL_LENGTH)).filter((text): text is string => !!text);
}

export function ariaTexts(element: Element, root: SearchRoot): string[] {
  const texts: string[] = [];
  const label = element.getAttribute('aria-label');
  if (label) texts.push(collapse(label));
  // One name from all the ids, in order, as browsers compute it: "Re-enter" + "Account Number"
  // names a confirmation, which neither part does alone.
  const parts: string[] = [];
  for (const id of (element.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
    const target = id ? byId(root, id) : null;
    // A part of the control itself (a select's shown choice) is its value, not its name.
    if (target && !element.contains(target)) parts.push(textOf(target));
  }
  const named = collapse(parts.join(' '));
  if (named) texts.push(named);
  return texts.map((text) => limited(text, MAX_LABEL_LENGTH)).filter((text): text is string => !!text);
}

/** The cell before the element's cell in a table row ("Bank Routing Number" | [input]). */
function previousCellText(element: Element): string | undefined {
  const cell = element.closest(CELL_SELECTOR);
  if (!cell) return undefined;
  for (let previous = cell.previousElementSibling; previous; previous = previous.previousElementSibling) {
    if (previous.querySelector(CONTROL_SELECTOR)) return undefined;
    const text = textOf(previous);
    // A cell of digits is a value (the number on file beside its entry box), not a label.
    if (text && /\p{L}/u.test(text)) return limited(text, MAX_NEARBY_LENGTH);
  }
  return undefined;
}

/**
 * The first text before the element, at its level or a few levels up: a text node, a span, a
 * label of no other control. Stops at another control, so one field never borrows another's
 * label.
 */
function previousSiblingText(element: Element): string | undefined {
  let node: Element | null = element;
  for (let step = 0; node && step <= MAX_ANCESTOR_STEPS; step++) {
    for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) {
      if (sibling.nodeType === 3) {
        const text = collapse(sibling.nodeValue ?? '');
        if (text) return limited(text, MAX_NEARBY_LENGTH);
        continue;
      }
      if (sibling.nodeType !== 1) continue;
      const other = sibling as Element;
      // label[for] names the element it points at: already read, or another control's.
      if (other.localName === 'label' && other.hasAttribute('for')) return undefined;
      if (other.matches(CONTROL_SELECTOR) || other.querySelector(CONTROL_SELECTOR)) return undefined;
      const text = textOf(other);
      if (text) return limited(text, MAX_NEARBY_LENGTH);
    }
    node = node.parentElement;
    if (node?.matches(SIBLING_SEARCH_ENDS)) return undefined;
  }
  return undefined;
}

/** Where previousSiblingText stops climbing. */
const SIBLING_SEARCH_ENDS = `${CELL_SELECTOR}, fieldset, form, [role=dialog], [role=group], [role=radiogroup]`;

/**
 * The node whose subtree previousSiblingText may read for `element` (its siblings' parents, as
 * high as the search climbs): only an addition inside it can change the element's nearby text.
 */
export function siblingTextReach(element: Element): Node | null {
  let node: Element | null = element;
  let reach: Node | null = null;
  for (let step = 0; node && step <= MAX_ANCESTOR_STEPS; step++) {
    reach = node.parentNode;
    node = node.parentElement;
    if (node?.matches(SIBLING_SEARCH_ENDS)) break;
  }
  return reach;
}

/** The header of the element's column in a table or grid, nearest header row first. */
function columnHeaderText(element: Element): string | undefined {
  for (const header of columnHeaders(element)) {
    const text = textOf(header);
    if (text) return limited(text, MAX_NEARBY_LENGTH);
  }
  return undefined;
}

/** The column header (grids), then the cell or label-like sibling before the element. */
export function precedingTexts(element: Element): string[] {
  const texts: string[] = [];
  const column = columnHeaderText(element);
  if (column) texts.push(column);
  const cell = previousCellText(element);
  if (cell) texts.push(cell);
  else {
    const sibling = previousSiblingText(element);
    if (sibling) texts.push(sibling);
  }
  return texts;
}

/** The legend of the nearest fieldset, when `holdsOnlyThis(fieldset)` says it names just this field. */
export function legendText(element: Element, holdsOnlyThis: (fieldset: Element) => boolean): string | undefined {
  const fieldset = element.localName === 'fieldset' ? element : element.closest('fieldset');
  if (!fieldset || !holdsOnlyThis(fieldset)) return undefined;
  for (let child = fieldset.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'legend') return limited(textOf(child), MAX_NEARBY_LENGTH);
  }
  return undefined;
}
