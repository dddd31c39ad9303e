/**
 * The ACE page assistant: runs the field detector, checks every bank field as the user types,
 * pastes or leaves it (format rules at once; FedACH directory and profile comparison through
 * the background), writes the `data-ace-ach-state` contract and shows the messages.
 */
import { scanDigitInput } from '@/utils/bank/digit-input';
import {
  formatReports,
  withDirectory,
  withVerdicts,
  type DirectoryAnswer,
  type FieldReport,
  type ReportedKind,
} from '@/utils/form-checks/field-reports';
import { sendContentRequest as sendRequest } from '@/utils/messaging/content-replies';
import type { Transport } from '@/utils/messaging/send-request';
import { FIELD_LABELS } from '@/utils/field-kind-labels';
import type { DetectedForm } from '../detected-form';
import type { FieldKind } from '@/utils/detection/field-kinds';
import { applyFieldMarks } from '../field-marks';
import { isFieldVisible, type VisibilityCheck } from '../field-visibility';
import { readPageImporter } from '../page-importer-runs';
import { UI_HOST_TAG } from '../ui-host';
import { startFieldDetection, type FieldDetection, type FieldDetectionOptions } from '../watch-bank-fields';
import type { AssistantCommand } from '@/utils/messaging/assistant-commands';
import { createAssistantUi, type FieldView } from './assistant-ui';
import { createFillFlow } from './fill-flow';
import { createRootListeners } from './listen-in-roots';
import { formQuestionCard } from './form-question';
import { startFormSubmitGuard } from './form-submit-guard';
import { fieldValue, readFormValues, readOnFileValues } from './read-values';
import { sendableValues } from '@/utils/form-checks/sendable-values';
import { statusCard, type Comparison, type ComparisonGaps } from './status-card';
import { startUserActivityReports } from './user-activity';

export const STATE_ATTRIBUTE = 'data-ace-ach-state';
const COMPARE_DELAY_MS = 120;
const IMPORTER_POLL_MS = 3000;
/** A frame below the top asks again this many times while the top frame has not said the importer. */
const FRAME_IMPORTER_RETRIES = 5;

export interface PageAssistantOptions {
  doc: Document;
  signal: AbortSignal;
  setTimeout: (callback: () => void, ms: number) => unknown;
  transport: Transport;
  isTopFrame: boolean;
  /** runtime.getURL: the picker page's address. */
  extensionUrl: (path: string) => string;
  /** Injectable for DOM tests, where there is no layout (default: isFieldVisible). */
  isVisible?: VisibilityCheck;
  /** Hands the background's commands (open the picker, fill) to `listener`; it answers whether this frame took one. */
  onCommand: (listener: (command: AssistantCommand) => boolean) => void;
  /** The detector's injectable parts, for DOM tests (no layout, no extension API for closed roots). */
  detection?: Pick<FieldDetectionOptions, 'shadowRootOf' | 'isVisible' | 'afterLayout' | 'batchDelayMs'>;
}

const FIELD_EVENTS = ['input', 'change', 'focusout', 'paste'];

export function startPageAssistant(options: PageAssistantOptions): void {
  const { doc, signal, transport } = options;
  let form: DetectedForm | null = null;
  let directory: { routing: string; answer: DirectoryAnswer; key: string } | undefined;
  let comparison: Comparison | undefined;
  let chosenProfileId: string | undefined;
  let chosenImporter: string | undefined;
  /** Why the last comparison could not be made, for the card. */
  let gaps: ComparisonGaps = {};
  let compareTimer = false;
  let comparing = false;
  let compareAgain = false;
  let lastRecorded = '';
  let lastImporter = '';
  let importerRetries = 0;
  let detection: FieldDetection | undefined;
  let importerMarks = new Map<Element, FieldKind>();
  const announced = new Map<HTMLElement, string>();
  const ui = createAssistantUi(doc, UI_HOST_TAG, signal, {
    onChoose(id) {
      chosenProfileId = id;
      compareSoon(0);
    },
    onChooseImporter(importerNumber) {
      chosenImporter = importerNumber;
      compareSoon(0);
    },
    onUnlock() {
      void sendRequest(transport, 'page/open-unlock', {}).catch(() => {});
    },
    onChooseForm(index) {
      detection?.chooseForm(index);
    },
    onFill(field, button) {
      void fill.openPicker(field, button);
    },
  }, options.setTimeout);
  const fill = createFillFlow({
    doc,
    signal,
    transport,
    ui,
    form: () => form,
    extensionUrl: options.extensionUrl,
    setTimeout: options.setTimeout,
    afterFill(profileId) {
      if (profileId) chosenProfileId = profileId;
      refresh();
    },
    chooseForm: (index) => detection?.chooseForm(index),
  });
  options.onCommand((command) => fill.onCommand(command));
  /** The last reports drawn, for the submit guard's question. */
  let lastReports: Partial<Record<ReportedKind, FieldReport>> = {};
  startFormSubmitGuard({ doc, signal, transport, ui, form: () => form, reports: () => lastReports });

  /** Draws every field's report; answers the routing number's 9 digits, when it has them. */
  function render(): string | undefined {
    if (!form) return undefined;
    if (form.candidates) {
      // Nothing is checked or marked until the user says which form is the refund's.
      ui.render([], formQuestionCard(form.candidates));
      return undefined;
    }
    const values = readFormValues(form);
    const routingDigits = nineDigits(values.routing);
    let reports = formatReports(values);
    const known = directory;
    reports.routing = withDirectory(reports.routing, known && known.routing === routingDigits ? known.answer : undefined);
    reports = withVerdicts(reports, comparison?.verdicts ?? [], 'form');
    lastReports = reports;
    const onFileReports = withVerdicts({}, comparison?.verdicts ?? [], 'on-file');
    const views: FieldView[] = [];
    for (const field of form.fields) {
      const report = reports[field.kind as ReportedKind];
      views.push({
        element: field.element,
        name: FIELD_LABELS[field.kind],
        ...(report ? { report } : {}),
        ...(field.kind === 'routing' ? { fillButton: true } : {}),
      });
      setState(field.element, report);
      announceChange(field.element, report);
    }
    for (const value of form.onFile) {
      const report = onFileReports[value.kind as ReportedKind];
      setState(value.element, report);
    }
    ui.render(views, statusCard(comparison, gaps));
    return routingDigits;
  }

  function setState(element: HTMLElement, report: FieldReport | undefined) {
    const state = report?.state;
    if (!state) element.removeAttribute(STATE_ATTRIBUTE);
    else if (element.getAttribute(STATE_ATTRIBUTE) !== state) element.setAttribute(STATE_ATTRIBUTE, state);
  }

  function announceChange(element: HTMLElement, report: FieldReport | undefined) {
    const text = report?.messages.find((m) => m.severity !== 'info')?.text ?? '';
    if (announced.get(element) === text) return;
    announced.set(element, text);
    if (text) ui.announce(text);
  }

  /** The bank names the user gave: the form's Bank Name field and the compared profile's bank (the background reads it). */
  function lookupRequest(routing: string) {
    const bankField = form?.fields.find((field) => field.kind === 'bank-name');
    const bankName = bankField ? fieldValue(bankField).trim().slice(0, 128) : '';
    const profileId = chosenProfileId ?? comparison?.profile?.id;
    return { routingNumber: routing, ...(bankName ? { bankNames: [bankName] } : {}), ...(profileId ? { profileId } : {}) };
  }

  async function lookUpDirectory(request: ReturnType<typeof lookupRequest>) {
    const routing = request.routingNumber;
    try {
      const answer = await sendRequest(transport, 'directory/lookup', request);
      directory = { routing, answer, key: JSON.stringify(request) };
      render();
    } catch {
      // The format checks still stand without the directory.
    }
  }

  async function compare() {
    compareTimer = false;
    if (!form || form.candidates || signal.aborted) return;
    // One question at a time: the background answers a tab once a second at most, so asking
    // again before the answer would only queue stale values behind it.
    if (comparing) {
      compareAgain = true;
      return;
    }
    comparing = true;
    try {
      await compareOnce();
    } finally {
      comparing = false;
    }
    if (compareAgain) {
      compareAgain = false;
      compareSoon();
    }
  }

  async function compareOnce() {
    if (!form) return;
    const onFile = readOnFileValues(form);
    const snapshot = JSON.stringify([chosenProfileId, onFile]);
    const hasOnFile = Boolean(onFile.routing || onFile.account || onFile.accountType);
    const values = readFormValues(form);
    const sent = sendableValues(
      { routing: values.routing, account: values.account, accountType: values.accountType },
      onFile,
    );
    try {
      comparison = await sendRequest(transport, 'page/compare', {
        ...(chosenProfileId ? { profileId: chosenProfileId } : {}),
        ...(chosenImporter ? { importerNumber: chosenImporter } : {}),
        form: sent.form,
        onFile: sent.onFile,
        recordVerification: hasOnFile && snapshot !== lastRecorded,
        page: doc.location.href,
      });
      gaps = { unreadable: sent.unreadable, ...(chosenImporter ? { chosenImporter } : {}) };
      if (comparison.verification && hasOnFile) lastRecorded = snapshot;
      if (comparison.match === 'unknown-importer') askImporterAgain();
      else importerRetries = 0;
    } catch (error) {
      comparison = undefined;
      // Said on the card: a comparison that cannot be made never just disappears.
      gaps = { failure: error instanceof Error && error.message ? error.message : 'the extension did not answer.' };
    }
    render();
  }

  function compareSoon(delay = COMPARE_DELAY_MS) {
    if (compareTimer) return;
    compareTimer = true;
    options.setTimeout(() => void compare(), delay);
  }

  /** Whether the event is on one of the form's fields, seen from where it was heard: inside a closed root only a listener on that root sees the field. */
  function onField(event: Event): boolean {
    const target = event.composedPath()[0];
    return Boolean(
      form?.fields.some(
        (field) => field.element === target || (target instanceof Node && field.element.contains(target)) || field.elements?.includes(target as HTMLElement),
      ),
    );
  }

  /** Events already handled, at the document or in an outer root: each is checked once. */
  const handled = new WeakSet<Event>();
  function onFieldEvent(event: Event) {
    if (!form || handled.has(event) || !onField(event)) return;
    handled.add(event);
    // Pasted text lands after the paste event: check it on the next turn.
    if (event.type === 'paste') options.setTimeout(refresh, 0);
    else refresh();
  }

  function refresh() {
    if (!form) return;
    // The values were just read for the reports: reuse their routing digits for the lookup.
    const routing = render();
    const request = routing ? lookupRequest(routing) : undefined;
    if (request && directory?.key !== JSON.stringify(request)) void lookUpDirectory(request);
    compareSoon();
  }

  /**
   * The top frame reads its page again; a frame below it (the form in an iframe) asks the
   * background again a few times, since the top frame may not have said the importer yet.
   */
  function askImporterAgain() {
    if (options.isTopFrame) reportImporter();
    else if (importerRetries < FRAME_IMPORTER_RETRIES) {
      importerRetries++;
      compareSoon(IMPORTER_POLL_MS);
    }
  }

  /** The top frame says which importer its page shows, and marks the number's element. */
  function reportImporter() {
    const { importer, elements } = readPageImporter(detection?.roots() ?? [doc], options.isVisible ?? isFieldVisible);
    const nextMarks = new Map<Element, FieldKind>(elements.map((element) => [element, 'importer-number']));
    applyFieldMarks(importerMarks, nextMarks);
    importerMarks = nextMarks;
    const importerNumbers = importer.status === 'found' ? [importer.importerNumber] : [];
    const candidates = importer.status === 'unclear' ? importer.candidates.map((candidate) => candidate.importerNumber) : [];
    const key = `${importerNumbers.join(',')};${candidates.join(',')}`;
    if (key === lastImporter) return;
    lastImporter = key;
    void sendRequest(transport, 'page/importer', { importerNumbers, ...(candidates.length > 0 ? { candidates } : {}) }).then(
      () => form && compareSoon(0),
      () => {},
    );
  }

  for (const type of FIELD_EVENTS) {
    doc.addEventListener(type, onFieldEvent, { capture: true, signal });
  }
  signal.addEventListener('abort', () => applyFieldMarks(importerMarks, new Map()), { once: true });
  // Inside the form's shadow roots: typing in a closed root, `change` of any root, and scrolling
  // within a root (which moves the fields under our chips and Fill button).
  const fieldRoots = createRootListeners(signal, FIELD_EVENTS, onFieldEvent);
  const scrollRoots = createRootListeners(signal, ['scroll'], () => ui.reposition());
  // The user's own key presses and clicks on the fields or our UI keep the vault unlocked; nothing a page script does.
  const uiHost = (ui.overlay.getRootNode() as ShadowRoot).host;
  const userActivity = startUserActivityReports({
    doc,
    signal,
    transport,
    setTimeout: options.setTimeout,
    isOurs: (event) => onField(event) || event.composedPath().includes(uiHost),
  });
  if (options.isTopFrame) {
    const poll = () => {
      if (signal.aborted) return;
      reportImporter();
      options.setTimeout(poll, IMPORTER_POLL_MS);
    };
    options.setTimeout(poll, IMPORTER_POLL_MS);
  }
  detection = startFieldDetection({
    ...options.detection,
    root: doc,
    signal,
    setTimeout: options.setTimeout,
    ...(options.isVisible ? { isVisible: options.isVisible } : {}),
    onChange(next) {
      // Where the popup and the shortcut open the picker: frames that hold fields to fill (CBP's
      // file shown alone is compared, not filled).
      const fillable = Boolean(next?.fields.length);
      if (Boolean(form?.fields.length) !== fillable) void sendRequest(transport, 'page/form', { present: fillable }).catch(() => {});
      form = next;
      const elements = next?.fields.map((field) => field.element) ?? [];
      fieldRoots.follow(elements);
      userActivity.follow(elements);
      scrollRoots.follow([...elements, ...(next?.onFile.map((value) => value.element) ?? [])]);
      if (!next) {
        ui.render([], null);
        return;
      }
      if (options.isTopFrame) reportImporter();
      refresh();
    },
  });
  if (options.isTopFrame) reportImporter();
}

function nineDigits(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const scan = scanDigitInput(value, 0);
  return scan.flaggedCount === 0 && scan.digits.length === 9 ? scan.digits : undefined;
}
