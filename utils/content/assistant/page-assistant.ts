/**
 * The ACE page assistant, in a frame that shows a bank form (or the top frame of a tab where a
 * frame does): follows the detector's form, checks every bank field as the user types, pastes or
 * leaves it (format rules at once; FedACH directory and profile comparison through the
 * background), writes the `data-ace-ach-state` contract, shows the messages and says which
 * importer the page shows. Nothing of it runs on a page without a bank form (page-watch.ts).
 */
import { lookupRequest as directoryLookupRequest, routingDigitsForLookup } from '@/utils/form-checks/bank-entry-check';
import { fieldReports, onFileFieldReports, type FieldReport, type ReportedKind } from '@/utils/form-checks/field-reports';
import { FIELD_LABELS } from '@/utils/detection/field-kind-labels';
import type { DetectedForm } from '../detected-form';
import { isFieldVisible } from '../field-visibility';
import { startPageWatch, type PageWatch, type PageWatchOptions } from '../page-watch';
import type { FieldView } from './assistant-view';
import { createDirectoryLookup } from './directory-lookup';
import { createFieldEvents } from './field-events';
import { createFormTools, type FormTools } from './form-tools';
import { formQuestionCard } from './form-question';
import { startImporterReport } from './importer-report';
import { createProfileComparison } from './profile-comparison';
import { fieldValue, readFormValues } from './read-values';
import { statusCard } from './status-card';

export const STATE_ATTRIBUTE = 'data-ace-ach-state';

/** The detector and the assistant together, in one script: what DOM tests start. */
export type PageAssistantOptions = Omit<PageWatchOptions, 'loadAssistant'>;

export function startPageAssistant(options: PageAssistantOptions): PageAssistant {
  return runPageAssistant(startPageWatch({ ...options, loadAssistant: () => {} }));
}

export interface PageAssistant {
  /** A frame of this tab showed a form: the top frame reads its importer again. */
  formInTab(): void;
}

/** Takes over a page the detector watches (the second script's entry). */
export function runPageAssistant(options: PageWatch): PageAssistant {
  const { doc, signal, transport, detection } = options;
  let form: DetectedForm | null = null;
  let chosenProfileId: string | undefined;
  let chosenImporter: string | undefined;
  /** The last reports drawn, for the submit guard's question. */
  let lastReports: Partial<Record<ReportedKind, FieldReport>> = {};
  const announced = new Map<HTMLElement, string>();

  const importer = startImporterReport({
    doc,
    signal,
    transport,
    setTimeout: options.setTimeout,
    isVisible: options.isVisible ?? isFieldVisible,
    roots: () => detection.roots(),
    onReported: () => form && comparison.soon(0),
  });
  const directory = createDirectoryLookup(transport, render);
  const fieldEvents = createFieldEvents(() => form, options.setTimeout, refresh);
  const comparison = createProfileComparison({
    doc,
    signal,
    transport,
    setTimeout: options.setTimeout,
    isTopFrame: options.isTopFrame,
    form: () => form,
    chosen: () => ({ profileId: chosenProfileId, importer: chosenImporter }),
    readImporterAgain: () => importer.readAgain(),
    onChange: render,
  });

  /** The UI, the fill flow and the listeners: made when this frame first shows a form. */
  let tools: FormTools | undefined;
  function formTools(): FormTools {
    tools ??= createFormTools({
      doc,
      signal,
      transport,
      setTimeout: options.setTimeout,
      extensionUrl: options.extensionUrl,
      onCommand: (listener) => options.onCommand(listener),
      form: () => form,
      reports: () => lastReports,
      onChooseProfile(id) {
        chosenProfileId = id;
        comparison.soon(0);
      },
      onChooseImporter(importerNumber) {
        chosenImporter = importerNumber;
        comparison.soon(0);
      },
      onChooseForm: (index) => detection.chooseForm(index),
      afterFill(profileId) {
        if (profileId) chosenProfileId = profileId;
        refresh();
      },
      onSaved: () => comparison.saved(),
      onFieldEvent: fieldEvents.onFieldEvent,
      onField: fieldEvents.onField,
    });
    return tools;
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
    const routingDigits = routingDigitsForLookup(values.routing);
    const verdicts = comparison.current?.verdicts;
    const reports = fieldReports(values, { directory: directory.answerFor(routingDigits), verdicts });
    lastReports = reports;
    const onFileReports = onFileFieldReports({ verdicts });
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
    ui.render(views, statusCard(comparison.current, comparison.gaps));
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
    const profileId = chosenProfileId ?? comparison.current?.profile?.id;
    return { ...directoryLookupRequest(routing, bankField ? fieldValue(bankField) : ''), ...(profileId ? { profileId } : {}) };
  }

  function refresh() {
    if (!form) return;
    // The values were just read for the reports: reuse their routing digits for the lookup.
    const routing = render();
    if (routing) directory.ask(lookupRequest(routing));
    comparison.soon();
  }

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
    if (options.isTopFrame && appeared) importer.read();
    refresh();
  });
  // The top frame of a tab whose form is in a frame below: it only says the importer.
  if (options.isTopFrame && !form) importer.read();
  return {
    formInTab() {
      if (options.isTopFrame && !signal.aborted) importer.read();
    },
  };
}
