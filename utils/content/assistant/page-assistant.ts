/**
 * The ACE page assistant, in a frame that shows a bank form (or the top frame of a tab where a
 * frame does): follows the detector's form, checks every bank field as the user types, pastes or
 * leaves it (format rules at once; FedACH directory and profile comparison through the
 * background), writes the `data-ace-ach-state` contract, shows the messages and says which
 * importer the page shows. Nothing of it runs on a page without a bank form (page-watch.ts).
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
import { startPageWatch, type PageWatch, type PageWatchOptions } from '../page-watch';
import { createAssistantUi, type AssistantUi, type FieldView } from './assistant-ui';
import { createFillFlow } from './fill-flow';
import { createRootListeners, type RootListeners } from './listen-in-roots';
import { formQuestionCard } from './form-question';
import { startFormSubmitGuard } from './form-submit-guard';
import { fieldValue, readFormValues, readOnFileValues } from './read-values';
import { sendableValues } from '@/utils/form-checks/sendable-values';
import { statusCard, type Comparison, type ComparisonGaps } from './status-card';
import { startUserActivityReports, type UserActivity } from './user-activity';
import { watchImporterRegion } from './importer-region';

export const STATE_ATTRIBUTE = 'data-ace-ach-state';
/** Quiet time after the last change before the profile is compared: once per burst of typing. */
const COMPARE_DELAY_MS = 150;
const IMPORTER_RETRY_MS = 3000;
/** A frame below the top asks again this many times while the top frame has not said the importer. */
const FRAME_IMPORTER_RETRIES = 5;

/** The detector and the assistant together, in one script: what DOM tests start. */
export type PageAssistantOptions = Omit<PageWatchOptions, 'loadAssistant'>;

const FIELD_EVENTS = ['input', 'change', 'focusout', 'paste'];

export function startPageAssistant(options: PageAssistantOptions): PageAssistant {
  return runPageAssistant(startPageWatch({ ...options, loadAssistant: () => {} }));
}

export interface PageAssistant {
  /** A frame of this tab showed a form: the top frame reads its importer again. */
  formInTab(): void;
}

/** Takes over a page the detector watches (the second script's entry). */
export function runPageAssistant(options: PageWatch): PageAssistant {
  const { doc, signal, transport } = options;
  const now = () => doc.defaultView?.performance.now() ?? Date.now();
  let form: DetectedForm | null = null;
  let directory: { routing: string; answer: DirectoryAnswer; key: string } | undefined;
  let comparison: Comparison | undefined;
  let chosenProfileId: string | undefined;
  let chosenImporter: string | undefined;
  /** Why the last comparison could not be made, for the card. */
  let gaps: ComparisonGaps = {};
  let compareWanted = 0;
  let comparing = false;
  let refreshPending = false;
  let lastDrawn = '';
  let lastImporterRead = -Infinity;
  let compareAgain = false;
  let lastRecorded = '';
  let lastImporter = '';
  let importerRetries = 0;
  const detection = options.detection;
  /** The last reports drawn, for the submit guard's question. */
  let lastReports: Partial<Record<ReportedKind, FieldReport>> = {};
  let importerMarks = new Map<Element, FieldKind>();
  const announced = new Map<HTMLElement, string>();
  let tools: FormTools | undefined;
  /** The UI, the fill flow and the listeners: made when this frame first shows a form. */
  function formTools(): FormTools {
    tools ??= createFormTools();
    return tools;
  }
  function createFormTools(): FormTools {
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
        detection.chooseForm(index);
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
      chooseForm: (index) => detection.chooseForm(index),
    });
    options.onCommand((command) => fill.onCommand(command));
    startFormSubmitGuard({ doc, signal, transport, ui, form: () => form, reports: () => lastReports });
    for (const type of FIELD_EVENTS) doc.addEventListener(type, onFieldEvent, { capture: true, signal });
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
    return { ui, fieldRoots, scrollRoots, userActivity };
  }
  /** Draws every field's report; answers the routing number's 9 digits, when it has them. */
  function render(): string | undefined {
    if (!form) return undefined;
    const { ui } = formTools();
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
    if (text) formTools().ui.announce(text);
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
      // Only an open vault compares with a profile: until then the importer is not needed again.
      if (comparison.match === 'unknown-importer' && comparison.vault === 'unlocked') askImporterAgain();
      else importerRetries = 0;
    } catch (error) {
      comparison = undefined;
      // Said on the card: a comparison that cannot be made never just disappears.
      gaps = { failure: error instanceof Error && error.message ? error.message : 'the extension did not answer.' };
    }
    // The same answer again (the usual case while typing) changes nothing on the page.
    const drawn = JSON.stringify([comparison, gaps]);
    if (drawn === lastDrawn) return;
    lastDrawn = drawn;
    render();
  }

  /** Compares once the changes pause for `delay`: only the last of a burst's timers asks. */
  function compareSoon(delay = COMPARE_DELAY_MS) {
    const wanted = ++compareWanted;
    options.setTimeout(() => wanted === compareWanted && void compare(), delay);
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
    // Checked on the next turn, never inside the page's own event: a key press costs the page
    // nothing more, and pasted text has landed by then.
    if (refreshPending) return;
    refreshPending = true;
    options.setTimeout(() => {
      refreshPending = false;
      refresh();
    }, 0);
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
    if (options.isTopFrame) {
      if (now() - lastImporterRead >= IMPORTER_RETRY_MS) reportImporter();
    } else if (importerRetries < FRAME_IMPORTER_RETRIES) {
      importerRetries++;
      compareSoon(IMPORTER_RETRY_MS);
    }
  }

  /**
   * The top frame says which importer its page shows, and marks the number's element: when a
   * form shows in the tab and when the region that showed the number changes (never by polling).
   */
  function reportImporter() {
    lastImporterRead = now();
    const { importer, elements } = readPageImporter(detection.roots(), options.isVisible ?? isFieldVisible);
    importerRegion.watch(elements);
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

  signal.addEventListener('abort', () => applyFieldMarks(importerMarks, new Map()), { once: true });
  const importerRegion = watchImporterRegion({ signal, setTimeout: options.setTimeout, onChange: reportImporter });

  options.followForm((next) => {
    const appeared = Boolean(next) && !form;
    form = next;
    if (!next) {
      tools?.ui.render([], null);
      return;
    }
    const { fieldRoots, scrollRoots, userActivity } = formTools();
    const elements = next.fields.map((field) => field.element);
    fieldRoots.follow(elements);
    userActivity.follow(elements);
    scrollRoots.follow([...elements, ...next.onFile.map((value) => value.element)]);
    if (options.isTopFrame && appeared) reportImporter();
    refresh();
  });
  // The top frame of a tab whose form is in a frame below: it only says the importer.
  if (options.isTopFrame && !form) reportImporter();
  return {
    formInTab() {
      if (options.isTopFrame && !signal.aborted) reportImporter();
    },
  };
}

interface FormTools {
  readonly ui: AssistantUi;
  readonly fieldRoots: RootListeners;
  readonly scrollRoots: RootListeners;
  readonly userActivity: UserActivity;
}

function nineDigits(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const scan = scanDigitInput(value, 0);
  return scan.flaggedCount === 0 && scan.digits.length === 9 ? scan.digits : undefined;
}
