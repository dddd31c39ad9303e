/**
 * The field detector of the content script: finds the bank form in this frame (the document and
 * every shadow root below it, forms that appear later), marks its fields, draws their badges and
 * reports the form whenever it changes.
 *
 * Until the frame shows a routing word (bank-signal.ts: in the text or the naming attributes of
 * each root as it is adopted, and of each added subtree), nothing is classified and no layout is
 * read: roots are only adopted and observed, so a late form or shadow root opens the gate. Then
 * every known root is scanned, and from there on work per DOM change is bounded: mutations are
 * batched (one pass per burst, on the timers the caller passes in); a batch looks only at added
 * subtrees and at roots whose controls or labels changed; visibility is read only for fields
 * already found, after the browser's next layout rather than by forcing one.
 */
import type { FieldKind } from '@/utils/detection/field-kinds';
import { classifyField, type ClassifyField } from '@/utils/detection/classify-field';
import { addedNodeSignals, elementSignals, rootSignals } from './bank-signal';
import { createRootRegistry, type FoundInSubtree } from './collect-roots';
import type { DetectedField, DetectedForm, FieldBadges, OnFileValue, SearchRoot } from './detected-form';
import { UI_HOST_TAG } from './ui-host';
import { applyFieldMarks, removeFieldMarks } from './field-marks';
import { isFieldVisible, type VisibilityCheck } from './field-visibility';
import { pickRefundForm, onFileOnlyForm } from './form-sections';
import { ON_FILE_SELECTOR, VALUE_HEADER_SELECTOR, valueText } from './on-file-values';
import { scanAdded } from './scan-added';
import { scanRoot, WATCHED_SELECTOR } from './scan-root';
import { BATCH_MEASURE, FIRST_SCAN_MEASURE, recordTiming, SETTLE_MEASURE } from './scan-timing';
import { createShadowRootAccess, type ShadowRootOf } from './shadow-root-access';

export type { DetectedField, DetectedForm, OnFileValue } from './detected-form';

export interface FieldDetectionOptions {
  root: Document;
  signal: AbortSignal;
  /** The content script context's timer (stops when the extension reloads). */
  setTimeout: (callback: () => void, ms: number) => unknown;
  /** Called whenever the form changed: the form, or null when this frame holds none. */
  onChange?: (form: DetectedForm | null) => void;
  /** Injectable for DOM tests, where there is no layout. */
  isVisible?: VisibilityCheck;
  shadowRootOf?: ShadowRootOf;
  /** Runs `callback` once layout is fresh (default: after the next frame, or 100 ms at most). */
  afterLayout?: (callback: () => void) => void;
  batchDelayMs?: number;
  /**
   * Draws badges beside recognised fields (the bench's detector-only build passes
   * createFieldBadges); the page assistant draws its own chips, so by default there are none
   * and the content script does not carry the badge code.
   */
  badges?: (doc: Document, signal: AbortSignal) => FieldBadges;
  /** The classifier of controls (tests count its calls). */
  classify?: ClassifyField;
}

export interface FieldDetection {
  /** The form as last reported. */
  readonly form: DetectedForm | null;
  /** The document and the shadow roots (open and closed) found so far: where page text is read. */
  roots(): SearchRoot[];
  /** The user's answer when the form offered `candidates`: that one is the refund form. */
  chooseForm(index: number): void;
}

/** What one batch added to a root: the records' added nodes and the elements of interest in them. */
interface AddedInRoot extends FoundInSubtree {
  nodes: Set<Node>;
}

/** A batch's changes: additions per root, and the roots that changed in other ways too (rescanned whole). */
interface BatchChanges {
  added: Map<SearchRoot, AddedInRoot>;
  full: Set<SearchRoot>;
}

/** Mutations within this time after the first one are handled together. */
const BATCH_DELAY_MS = 50;
/** Looks again for shadow roots of custom elements the page had not defined yet. */
const UPGRADE_RETRY_MS = [250, 1000, 3000];
/** Past this many additions under one parent, one query over the parent may be cheaper. */
const BULK_ADDED = 32;
/** Batches with DOM changes between two sweeps of every known root. */
const FULL_PRUNE_EVERY = 20;
const LAYOUT_FALLBACK_MS = 100;
const VISIBILITY_ATTRIBUTES = ['style', 'class', 'hidden', 'open'];
/** Kept short: every name costs on each observe() call, once per shadow root. */
const LABEL_ATTRIBUTES = ['label', 'aria-label', 'aria-labelledby'];
const OBSERVE_ADDITIONS: MutationObserverInit = { childList: true, subtree: true };
const OBSERVE_ATTRIBUTES: MutationObserverInit = {
  subtree: true,
  attributes: true,
  attributeFilter: [...VISIBILITY_ATTRIBUTES, ...LABEL_ATTRIBUTES],
};
/** A change inside these may rename a field, change its choices or its value on file. */
const LABEL_CONTEXT = `label, legend, dt, select, [role=listbox], ${ON_FILE_SELECTOR}, ${VALUE_HEADER_SELECTOR}`;
const NAMING_ELEMENTS = `${WATCHED_SELECTOR}, ${LABEL_CONTEXT}, fieldset, [role=radiogroup], [id]`;

/** Attribute changes that can rename a field: on a control, a label, a group or a component host. */
function namesAField(element: Element): boolean {
  return element.localName.includes('-') || element.matches(NAMING_ELEMENTS);
}

function defaultAfterLayout(setTimer: FieldDetectionOptions['setTimeout']): (callback: () => void) => void {
  return (callback) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      callback();
    };
    // After the frame's own style and layout, reading boxes costs nothing extra. Frames that do
    // not render (background tabs, hidden iframes) fall back to a timer.
    requestAnimationFrame(() => setTimer(once, 0));
    setTimer(once, LAYOUT_FALLBACK_MS);
  };
}

export function startFieldDetection(options: FieldDetectionOptions): FieldDetection {
  const { root: doc, signal } = options;
  const isVisible = options.isVisible ?? isFieldVisible;
  const accessRoot = options.shadowRootOf ?? createShadowRootAccess();
  // Our own UI's closed root is not the page.
  const shadowRootOf: ShadowRootOf = (element) => (element.localName === UI_HOST_TAG ? null : accessRoot(element));
  const afterLayout = options.afterLayout ?? defaultAfterLayout(options.setTimeout);
  const delay = options.batchDelayMs ?? BATCH_DELAY_MS;
  const badges = options.badges?.(doc, signal) ?? null;

  const queue = (records: MutationRecord[]) => {
    for (const record of records) queued.push(record);
    schedule(delay);
  };
  // Every root is watched for additions; only roots with controls and the roots above them for
  // attribute changes (an attribute filter makes observe() five times dearer, per root).
  const additions = new MutationObserver(queue);
  const attributes = new MutationObserver(queue);
  /** Roots adopted while the gate is closed and not yet read for the signal. */
  const unread: SearchRoot[] = [];
  const registry = createRootRegistry(doc, shadowRootOf, (root, closely) => {
    if (closely) attributes.observe(root, OBSERVE_ATTRIBUTES);
    else {
      additions.observe(root, OBSERVE_ADDITIONS);
      if (!gateOpen) unread.push(root);
    }
  });
  const { scans } = registry;

  const classify = options.classify ?? classifyField;
  /** Whether the frame has shown a routing word: until then nothing is classified. */
  let gateOpen = false;
  /** A batch's records showed a routing word (read only while the gate is closed). */
  let signalSeen = false;
  /** Roots with something to scan, waiting for the gate to open. */
  const gatedRoots = new Set<SearchRoot>();
  let queued: MutationRecord[] = [];
  let batchPending = false;
  let settlePending = false;
  let retryPending = false;
  let upgradeRetries = 0;
  let sweepCountdown = 0;
  let marks = new Map<Element, FieldKind>();
  let form: DetectedForm | null = null;
  /** The routing field of the form the user chose among look-alike forms. */
  let chosenRouting: Element | null = null;

  function scanAndWatch(root: SearchRoot) {
    scans.set(root, scanRoot(root, registry.takePrefound(root), classify));
    registry.watchClosely(root);
  }

  /** Reads the roots adopted since last time for the signal; true once the gate is open. */
  function readUnreadRoots(): boolean {
    if (!gateOpen) signalSeen ||= unread.some(rootSignals);
    unread.length = 0;
    return signalSeen;
  }

  /**
   * With the gate closed, roots with controls are watched as closely as after a scan (so a
   * label attribute set later is seen) and remembered, but not scanned. The first signal scans
   * every root that has something to scan.
   */
  function scanOrWait(dirty: Set<SearchRoot>, changes?: BatchChanges): boolean {
    let toScan = dirty;
    let changed = false;
    if (!gateOpen) {
      for (const root of dirty) gatedRoots.add(root);
      if (!readUnreadRoots()) {
        for (const root of dirty) {
          // What adoption found will be stale when the gate opens: the root is searched again then.
          registry.takePrefound(root);
          registry.watchClosely(root);
        }
        return false;
      }
      gateOpen = true;
      toScan = new Set(gatedRoots);
      gatedRoots.clear();
    }
    for (const root of toScan) {
      if (!scans.has(root)) continue;
      const added = toScan === dirty && !changes?.full.has(root) ? changes?.added.get(root) : undefined;
      const previous = scans.get(root)!;
      const merged = added && scanAdded(root, previous, [...added.nodes], added.watched, classify);
      if (merged) {
        scans.set(root, merged);
        // Only additions that are fields change what settle() decides.
        changed ||= merged.fields.length > previous.fields.length;
      } else {
        scanAndWatch(root);
        changed = true;
      }
    }
    return changed;
  }

  function schedule(ms: number) {
    if (batchPending || signal.aborted) return;
    batchPending = true;
    options.setTimeout(runBatch, ms);
  }

  /**
   * Reads a batch of records touching as little of them as possible: each NodeList a record
   * hands to a content script is a new object, which is what a burst of 1,000 records costs.
   */
  function readRecords(records: MutationRecord[], dirty: Set<SearchRoot>, changes: BatchChanges): { childList: boolean; restyled: boolean } {
    let childList = false;
    let restyled = false;
    const { full } = changes;
    const byParent = new Map<Node, MutationRecord[]>();
    // Grids whose headers name bank values: a row added there (a grid row on file) is read.
    const grids: Element[] = [];
    for (const scan of scans.values()) if (scan.grids) grids.push(...scan.grids);
    for (const record of records) {
      const target = record.target;
      if (record.type === 'attributes') {
        if (VISIBILITY_ATTRIBUTES.includes(record.attributeName ?? '')) restyled = true;
        else if (!gateOpen) signalSeen ||= elementSignals(target as Element);
        else if (namesAField(target as Element)) {
          const root = target.getRootNode() as SearchRoot;
          dirty.add(root);
          full.add(root);
          const shadow = shadowRootOf(target as Element);
          if (shadow && scans.has(shadow)) {
            dirty.add(shadow);
            full.add(shadow);
          }
        }
        continue;
      }
      childList = true;
      const same = byParent.get(target);
      if (same) same.push(record);
      else byParent.set(target, [record]);
    }
    for (const [parent, parentRecords] of byParent) {
      const root = parent.getRootNode() as SearchRoot;
      if (!scans.has(root)) continue;
      if (!gateOpen && !signalSeen) signalSeen = parentRecords.some(recordSignals);
      // What a batch removed may have named or stopped others: only additions are merged.
      if (parentRecords.some((record) => record.removedNodes.length > 0)) {
        full.add(root);
        // A label may have gone: the root's label index is built again when next needed.
        const scan = scans.get(root);
        if (scan?.labels) scan.labels = undefined;
      }
      let added = changes.added.get(root);
      if (!added) changes.added.set(root, (added = { nodes: new Set(), watched: [], labels: [] }));
      if (parent.nodeType !== 1) {
        if (parent === root) for (const record of parentRecords) inspectNodes(record.addedNodes, root, dirty, added);
        continue;
      }
      const element = parent as Element;
      // A parent that is mostly new content (a table body filled at once) is searched in one
      // query; new rows at the end of a long table are searched row by row.
      if (parentRecords.length > BULK_ADDED && element.childElementCount < 4 * parentRecords.length) {
        registry.inspect(element, root, dirty);
        full.add(root);
        const scan = scans.get(root);
        if (scan?.labels) scan.labels = undefined;
      } else {
        for (const record of parentRecords) inspectNodes(record.addedNodes, root, dirty, added);
      }
      const known = dirty.has(root) && full.has(root);
      if (!known && (element.closest(LABEL_CONTEXT) || grids.some((grid) => grid.contains(element)))) {
        dirty.add(root);
        full.add(root);
      }
    }
    return { childList, restyled };
  }

  function recordSignals(record: MutationRecord): boolean {
    const nodes = record.addedNodes;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if ((node.nodeType === 1 || node.nodeType === 3) && node.isConnected && addedNodeSignals(node)) return true;
    }
    return false;
  }

  function inspectNodes(nodes: NodeList, root: SearchRoot, dirty: Set<SearchRoot>, added: AddedInRoot) {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.nodeType === 1 && (node as Element).localName !== UI_HOST_TAG) {
        registry.inspect(node as Element, root, dirty, added);
        if (node.isConnected) added.nodes.add(node);
      } else if (node.nodeType === 3 && node.isConnected) added.nodes.add(node);
    }
  }

  function runBatch() {
    batchPending = false;
    if (signal.aborted) return;
    const start = performance.now();
    const records = queued;
    queued = [];
    const dirty = new Set<SearchRoot>();
    const changes: BatchChanges = { added: new Map(), full: new Set() };
    const waiting = registry.waitingForUpgrade;
    const { childList, restyled } = readRecords(records, dirty, changes);
    // Labels added anywhere (also where no control came) keep each root's label index current.
    for (const [root, added] of changes.added) if (added.labels.length > 0) scans.get(root)?.labels?.add(added.labels);
    if (registry.waitingForUpgrade > waiting) upgradeRetries = 0;
    let dropped = false;
    if (childList) {
      // Roots with known elements each batch; all roots (detached shadow hosts) now and then.
      sweepCountdown = sweepCountdown > 0 ? sweepCountdown - 1 : FULL_PRUNE_EVERY;
      dropped = registry.prune(dirty, sweepCountdown === 0);
    }
    if (waiting > 0) registry.recheckUpgrades(dirty);
    const changed = scanOrWait(dirty, changes);
    if (gateOpen && (changed || restyled || dropped)) requestSettle();
    retryUpgradesLater();
    recordTiming(BATCH_MEASURE, start);
  }

  /** Its own timer, so a far retry never delays the batch of a real mutation. */
  function retryUpgradesLater() {
    if (registry.waitingForUpgrade === 0 || retryPending || signal.aborted) return;
    const wait = UPGRADE_RETRY_MS[upgradeRetries];
    if (wait === undefined) {
      registry.forgetUpgrades();
      return;
    }
    upgradeRetries++;
    retryPending = true;
    options.setTimeout(() => {
      retryPending = false;
      schedule(0);
    }, wait);
  }

  function requestSettle() {
    if (settlePending) return;
    settlePending = true;
    afterLayout(() => {
      settlePending = false;
      if (signal.aborted) return;
      const start = performance.now();
      settle();
      recordTiming(SETTLE_MEASURE, start);
    });
  }

  /** Decides visibility and presence over all roots, then writes marks, badges and the report. */
  function settle() {
    const fields: DetectedField[] = [];
    const anchors = new Map<DetectedField, HTMLElement[]>();
    const onFile: OnFileValue[] = [];
    for (const scan of scans.values()) {
      for (const field of scan.fields) {
        if (!field.visibleThrough.some((element) => element.isConnected && isVisible(element))) continue;
        const { kind, control, element, elements, options: choices, classification } = field;
        const detected: DetectedField = { kind, control, element, elements, options: choices, classification };
        fields.push(detected);
        anchors.set(detected, field.anchors);
      }
      for (const value of scan.values) {
        if (value.element.isConnected && isVisible(value.element)) {
          onFile.push({ kind: value.kind, element: value.element, text: valueText(value.element) });
        }
      }
    }
    // Only the refund form: never a look-alike form (ACH debit, a broker's account) beside it.
    // CBP's file alone (view mode of an inline-edit record, a read-only section) showing a
    // routing and an account number is a form too: nothing to fill, but compared with the profile.
    const next = pickRefundForm(fields, onFile, isVisible, chosenRouting) ?? onFileOnlyForm(fields, onFile, isVisible);
    const nextMarks = new Map<Element, FieldKind>();
    for (const item of [...(next?.fields ?? []), ...(next?.onFile ?? [])]) nextMarks.set(item.element, item.kind);
    // Boxes are read before the marks are written.
    badges?.show(next ? next.fields.map((field) => ({ kind: field.kind, anchors: anchors.get(field)! })) : []);
    applyFieldMarks(marks, nextMarks);
    marks = nextMarks;
    if (!sameForm(form, next)) {
      form = next;
      options.onChange?.(next);
    }
  }

  signal.addEventListener(
    'abort',
    () => {
      additions.disconnect();
      attributes.disconnect();
      removeFieldMarks(marks.keys());
      marks.clear();
    },
    { once: true },
  );

  const start = performance.now();
  const dirty = new Set<SearchRoot>();
  registry.adopt(doc, dirty);
  scanOrWait(dirty, undefined);
  recordTiming(FIRST_SCAN_MEASURE, start);
  if (gateOpen) requestSettle();
  retryUpgradesLater();

  return {
    get form() {
      return form;
    },
    roots: () => [...scans.keys()],
    chooseForm(index) {
      const routing = form?.candidates?.[index]?.fields.find((field) => field.kind === 'routing');
      if (!routing || signal.aborted) return;
      chosenRouting = routing.element;
      settle();
    },
  };
}

function sameForm(a: DetectedForm | null, b: DetectedForm | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.fields.length !== b.fields.length || a.onFile.length !== b.onFile.length) return false;
  const routingOf = (candidate: { fields: DetectedField[] }) => candidate.fields.find((field) => field.kind === 'routing')?.element;
  const ac = a.candidates ?? [];
  const bc = b.candidates ?? [];
  if (ac.length !== bc.length || ac.some((candidate, i) => routingOf(candidate) !== routingOf(bc[i]!) || candidate.title !== bc[i]!.title)) return false;
  const sameField = (x: DetectedField, i: number) => {
    const y = b.fields[i]!;
    return x.element === y.element && x.kind === y.kind && x.options?.length === y.options?.length;
  };
  const sameValue = (x: OnFileValue, i: number) => {
    const y = b.onFile[i]!;
    return x.element === y.element && x.kind === y.kind && x.text === y.text;
  };
  return a.fields.every(sameField) && a.onFile.every(sameValue);
}
