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
import { afterNextLayout, type AfterLayout } from './after-layout';
import { createRootRegistry } from './collect-roots';
import type { DetectedForm, FieldBadges, SearchRoot } from './detected-form';
import { createDetectionGate } from './detection-gate';
import { applyFieldMarks, removeFieldMarks } from './field-marks';
import { isFieldVisible, type VisibilityCheck } from './field-visibility';
import { LABEL_ATTRIBUTES, readMutationBatch, VISIBILITY_ATTRIBUTES } from './mutation-batch';
import { BATCH_MEASURE, FIRST_SCAN_MEASURE, recordTiming, SETTLE_MEASURE } from './scan-timing';
import { createShadowRootAccess, type ShadowRootOf } from './shadow-root-access';
import { UI_HOST_TAG } from './ui-host';
import { createUpgradeRetries } from './upgrade-retries';
import { readVisibleForm, sameForm } from './visible-form';

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
  afterLayout?: AfterLayout;
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

/** Mutations within this time after the first one are handled together. */
const BATCH_DELAY_MS = 50;
/** Batches with DOM changes between two sweeps of every known root. */
const FULL_PRUNE_EVERY = 20;
const OBSERVE_ADDITIONS: MutationObserverInit = { childList: true, subtree: true };
const OBSERVE_ATTRIBUTES: MutationObserverInit = {
  subtree: true,
  attributes: true,
  attributeFilter: [...VISIBILITY_ATTRIBUTES, ...LABEL_ATTRIBUTES],
};

export function startFieldDetection(options: FieldDetectionOptions): FieldDetection {
  const { root: doc, signal } = options;
  const isVisible = options.isVisible ?? isFieldVisible;
  const accessRoot = options.shadowRootOf ?? createShadowRootAccess();
  // Our own UI's closed root is not the page.
  const shadowRootOf: ShadowRootOf = (element) => (element.localName === UI_HOST_TAG ? null : accessRoot(element));
  const afterLayout = options.afterLayout ?? afterNextLayout(options.setTimeout);
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
  const registry = createRootRegistry(doc, shadowRootOf, (root, closely) => {
    if (closely) attributes.observe(root, OBSERVE_ATTRIBUTES);
    else {
      additions.observe(root, OBSERVE_ADDITIONS);
      gate.adopted(root);
    }
  });
  const { scans } = registry;
  const gate = createDetectionGate(registry, options.classify ?? classifyField);
  const upgrades = createUpgradeRetries(registry, signal, options.setTimeout, () => schedule(0));
  let queued: MutationRecord[] = [];
  let batchPending = false;
  let settlePending = false;
  let sweepCountdown = 0;
  let marks = new Map<Element, FieldKind>();
  let form: DetectedForm | null = null;
  /** The routing field of the form the user chose among look-alike forms. */
  let chosenRouting: Element | null = null;

  function schedule(ms: number) {
    if (batchPending || signal.aborted) return;
    batchPending = true;
    options.setTimeout(runBatch, ms);
  }

  function runBatch() {
    batchPending = false;
    if (signal.aborted) return;
    const start = performance.now();
    const records = queued;
    queued = [];
    const waiting = registry.waitingForUpgrade;
    const { dirty, changes, childList, restyled, signalSeen } = readMutationBatch(records, {
      registry,
      shadowRootOf,
      gateOpen: gate.open,
      signalSeen: gate.signalSeen,
    });
    if (signalSeen) gate.sawSignal();
    // Labels added anywhere (also where no control came) keep each root's label index current.
    for (const [root, added] of changes.added) if (added.labels.length > 0) scans.get(root)?.labels?.add(added.labels);
    if (registry.waitingForUpgrade > waiting) upgrades.restart();
    let dropped = false;
    if (childList) {
      // Roots with known elements each batch; all roots (detached shadow hosts) now and then.
      sweepCountdown = sweepCountdown > 0 ? sweepCountdown - 1 : FULL_PRUNE_EVERY;
      dropped = registry.prune(dirty, sweepCountdown === 0);
    }
    if (waiting > 0) registry.recheckUpgrades(dirty);
    const changed = gate.scanOrWait(dirty, changes);
    if (gate.open && (changed || restyled || dropped)) requestSettle();
    upgrades.later();
    recordTiming(BATCH_MEASURE, start);
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
    // Only the refund form: never a look-alike form (ACH debit, a broker's account) beside it.
    const { form: next, anchors } = readVisibleForm(scans.values(), isVisible, chosenRouting);
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
  gate.scanOrWait(dirty, undefined);
  recordTiming(FIRST_SCAN_MEASURE, start);
  if (gate.open) requestSettle();
  upgrades.later();

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
