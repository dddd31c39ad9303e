/**
 * How the field detector reads one burst of DOM changes: which roots changed, what was added to
 * each, and (while the gate is closed) whether the burst showed a routing word. It touches as
 * little of the records as it can: every NodeList a record hands to a content script is a new
 * object, which is what a burst of 1,000 records costs.
 */
import { addedNodeSignals, elementSignals } from './bank-signal';
import type { FoundInSubtree, RootRegistry } from './collect-roots';
import type { SearchRoot } from './detected-form';
import { ON_FILE_SELECTOR, VALUE_HEADER_SELECTOR } from './on-file-values';
import { WATCHED_SELECTOR } from './scan-root';
import type { ShadowRootOf } from './shadow-root-access';
import { UI_HOST_TAG } from './ui-host';

export const VISIBILITY_ATTRIBUTES = ['style', 'class', 'hidden', 'open'];
/** Kept short: every name costs on each observe() call, once per shadow root. */
export const LABEL_ATTRIBUTES = ['label', 'aria-label', 'aria-labelledby'];
/** Past this many additions under one parent, one query over the parent may be cheaper. */
const BULK_ADDED = 32;
/** A change inside these may rename a field, change its choices or its value on file. */
const LABEL_CONTEXT = `label, legend, dt, select, [role=listbox], ${ON_FILE_SELECTOR}, ${VALUE_HEADER_SELECTOR}`;
const NAMING_ELEMENTS = `${WATCHED_SELECTOR}, ${LABEL_CONTEXT}, fieldset, [role=radiogroup], [id]`;

/** What one batch added to a root: the records' added nodes and the elements of interest in them. */
export interface AddedInRoot extends FoundInSubtree {
  nodes: Set<Node>;
}

/** A batch's changes: additions per root, and the roots that changed in other ways too (rescanned whole). */
export interface BatchChanges {
  added: Map<SearchRoot, AddedInRoot>;
  full: Set<SearchRoot>;
}

export interface BatchReading {
  /** Roots with something to scan again. */
  dirty: Set<SearchRoot>;
  changes: BatchChanges;
  /** Nodes were added or removed. */
  childList: boolean;
  /** An attribute that can show or hide a field changed. */
  restyled: boolean;
  /** The gate's signal, as it was or as this batch showed it. */
  signalSeen: boolean;
}

export interface BatchContext {
  registry: RootRegistry;
  shadowRootOf: ShadowRootOf;
  /** Once open, records are read for fields; until then, for the signal only. */
  gateOpen: boolean;
  signalSeen: boolean;
}

/** Attribute changes that can rename a field: on a control, a label, a group or a component host. */
function namesAField(element: Element): boolean {
  return element.localName.includes('-') || element.matches(NAMING_ELEMENTS);
}

function recordSignals(record: MutationRecord): boolean {
  const nodes = record.addedNodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if ((node.nodeType === 1 || node.nodeType === 3) && node.isConnected && addedNodeSignals(node)) return true;
  }
  return false;
}

/** A label may have gone: the root's label index is built again when next needed. */
function forgetLabels(registry: RootRegistry, root: SearchRoot) {
  const scan = registry.scans.get(root);
  if (scan?.labels) scan.labels = undefined;
}

export function readMutationBatch(records: readonly MutationRecord[], context: BatchContext): BatchReading {
  const { registry, shadowRootOf, gateOpen } = context;
  const { scans } = registry;
  const dirty = new Set<SearchRoot>();
  const changes: BatchChanges = { added: new Map(), full: new Set() };
  const { full } = changes;
  let { signalSeen } = context;
  let childList = false;
  let restyled = false;
  const byParent = new Map<Node, MutationRecord[]>();
  // Grids whose headers name bank values: a row added there (a grid row on file) is read.
  const grids: Element[] = [];
  for (const scan of scans.values()) if (scan.grids) grids.push(...scan.grids);
  const rescan = (root: SearchRoot) => {
    dirty.add(root);
    full.add(root);
  };
  for (const record of records) {
    const target = record.target;
    if (record.type === 'attributes') {
      if (VISIBILITY_ATTRIBUTES.includes(record.attributeName ?? '')) restyled = true;
      else if (!gateOpen) signalSeen ||= elementSignals(target as Element);
      else if (namesAField(target as Element)) {
        rescan(target.getRootNode() as SearchRoot);
        const shadow = shadowRootOf(target as Element);
        if (shadow && scans.has(shadow)) rescan(shadow);
      }
      continue;
    }
    childList = true;
    const same = byParent.get(target);
    if (same) same.push(record);
    else byParent.set(target, [record]);
  }
  const inspectNodes = (nodes: NodeList, root: SearchRoot, added: AddedInRoot) => {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.nodeType === 1 && (node as Element).localName !== UI_HOST_TAG) {
        registry.inspect(node as Element, root, dirty, added);
        if (node.isConnected) added.nodes.add(node);
      } else if (node.nodeType === 3 && node.isConnected) added.nodes.add(node);
    }
  };
  for (const [parent, parentRecords] of byParent) {
    const root = parent.getRootNode() as SearchRoot;
    if (!scans.has(root)) continue;
    if (!gateOpen && !signalSeen) signalSeen = parentRecords.some(recordSignals);
    // What a batch removed may have named or stopped others: only additions are merged.
    if (parentRecords.some((record) => record.removedNodes.length > 0)) {
      full.add(root);
      forgetLabels(registry, root);
    }
    let added = changes.added.get(root);
    if (!added) changes.added.set(root, (added = { nodes: new Set(), watched: [], labels: [] }));
    if (parent.nodeType !== 1) {
      if (parent === root) for (const record of parentRecords) inspectNodes(record.addedNodes, root, added);
      continue;
    }
    const element = parent as Element;
    // A parent that is mostly new content (a table body filled at once) is searched in one
    // query; new rows at the end of a long table are searched row by row.
    if (parentRecords.length > BULK_ADDED && element.childElementCount < 4 * parentRecords.length) {
      registry.inspect(element, root, dirty);
      full.add(root);
      forgetLabels(registry, root);
    } else {
      for (const record of parentRecords) inspectNodes(record.addedNodes, root, added);
    }
    const known = dirty.has(root) && full.has(root);
    if (!known && (element.closest(LABEL_CONTEXT) || grids.some((grid) => grid.contains(element)))) rescan(root);
  }
  return { dirty, changes, childList, restyled, signalSeen };
}
