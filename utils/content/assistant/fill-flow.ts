/**
 * Filling the bank form from a profile, on the page's side: opens the picker (the Fill button,
 * or the background relaying the popup or the shortcut), and once the user chose a profile
 * fetches its values, asks before replacing what the form already holds, fills, outlines the
 * filled fields and reports what it filled (kinds only) for the activity log.
 */
import type { AssistantCommand } from '@/utils/messaging/assistant-commands';
import { sendContentRequest as sendRequest } from '@/utils/messaging/content-replies';
import type { ResponseOf } from '@/utils/messaging/protocol';
import type { Transport } from '@/utils/messaging/send-request';
import { FIELD_LABELS } from '@/utils/detection/field-kind-labels';
import { planFill, type FillPlan } from '@/utils/form-checks/plan-fill';
import { pickerPath } from '@/utils/messaging/picker-messages';
import type { DetectedForm } from '../detected-form';
import { fillForm, fillInputsOf } from '../fill/fill-form';
import { FILL_MEASURE, markTiming, PICKER_OPEN_MARK, recordTiming } from '../scan-timing';
import { focusedInRoot, showDialog, type DialogChoice } from './assistant-dialog';
import { candidateLabel, FORM_QUESTION } from './form-question';
import type { AssistantUi } from './assistant-ui';
import { openPickerFrame, type PickerFrame } from './picker-frame';
import { HIDDEN_CLICK_MESSAGE } from '../visibility-gate';
import { importerQuestion, needsImporterQuestion } from '@/utils/messaging/importer-question';

export interface FillFlowOptions {
  readonly doc: Document;
  readonly signal: AbortSignal;
  readonly transport: Transport;
  readonly ui: AssistantUi;
  /** The form as detected now. */
  readonly form: () => DetectedForm | null;
  /** runtime.getURL: where the picker page lives. */
  readonly extensionUrl: (path: string) => string;
  readonly setTimeout: (callback: () => void, ms: number) => unknown;
  /** Runs the field checks again on the filled values, against the profile they came from. */
  readonly afterFill: (profileId: string | undefined) => void;
  /** The user's answer when the page holds several bank forms (DetectedForm.candidates). */
  readonly chooseForm?: (index: number) => void;
}

export interface FillFlow {
  /**
   * Opens the picker beside `anchor` (the routing field), or focuses the open one; closing it
   * gives the focus back to `opener`, else to whatever had it.
   */
  openPicker(anchor?: Element, opener?: HTMLElement): Promise<void>;
  /** A command from the background; true when this frame took it. */
  onCommand(command: AssistantCommand): boolean;
}

type Overwrite = 'replace' | 'empty-only' | 'cancel';

/** Said on the page (to screen readers) while the other-importer question waits in our window. */
export const ASKED_IN_WINDOW = "Answer in the ACE ACH Assist window: fill another importer's bank details?";

function messageOf(error: unknown, fallback: string): string {
  return error instanceof Error ? error.message : fallback;
}

function listOf(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function createFillFlow(options: FillFlowOptions): FillFlow {
  const { doc, signal, transport, ui } = options;
  let picker: PickerFrame | undefined;
  let opening = false;

  function routingField(form: DetectedForm | null): Element | undefined {
    return form?.fields.find((field) => field.kind === 'routing')?.element;
  }

  async function openPicker(anchor?: Element, opener?: HTMLElement) {
    if (picker) return picker.focus();
    if (opening || signal.aborted) return;
    opening = true;
    markTiming(PICKER_OPEN_MARK);
    try {
      // Several bank forms and nothing says which is the refund's: asked before anything is filled.
      const candidates = options.form()?.candidates;
      if (candidates) {
        const answer = await showDialog(doc, ui.overlay, {
          title: 'Which form is the ACH refund form?',
          lines: [FORM_QUESTION],
          choices: [
            { value: 'cancel', label: 'Cancel' },
            ...candidates.map((candidate, index): DialogChoice<string> => ({ value: String(index), label: candidateLabel(candidate, index) })),
          ],
          dismiss: 'cancel',
        }, signal, ui.gate);
        if (answer === 'cancel' || !options.chooseForm) return;
        options.chooseForm(Number(answer));
        if (!options.form()?.fields.length) return;
      }
      const { token } = await sendRequest(transport, 'page/picker-open', {});
      if (signal.aborted) return;
      const at = anchor ?? routingField(options.form());
      picker = openPickerFrame({
        doc,
        container: ui.overlay,
        url: options.extensionUrl(pickerPath(token)),
        token,
        ...(at ? { anchor: at } : {}),
        ...(opener ? { opener } : {}),
        signal,
        setTimeout: options.setTimeout,
        onClosed: () => (picker = undefined),
      });
      ui.gate.watch(picker.element);
    } catch (error) {
      await tell('ACE ACH Assist cannot fill here', [messageOf(error, 'The profile list could not be opened.')]);
    } finally {
      opening = false;
    }
  }

  /** Something the user must read before going on; the alertdialog takes the focus, so screen readers say it. */
  async function tell(title: string, lines: readonly string[], items?: readonly string[]) {
    await showDialog(doc, ui.overlay, { title, lines, ...(items ? { items } : {}), choices: [{ value: 'ok', label: 'OK' }], dismiss: 'ok' }, signal);
  }

  /**
   * Another importer's bank details in this importer's form is the costliest slip: ask. Where the
   * browser cannot tell whether the user sees our page UI (no visibility tracking: Firefox), the
   * question is asked in the extension's own window, which no page can hide or cover.
   */
  async function confirmImporter(fill: ResponseOf<'page/fill'>, token: string): Promise<boolean> {
    if (!needsImporterQuestion(fill)) return true;
    if (!ui.gate.tracked) {
      ui.announce(ASKED_IN_WINDOW);
      return (await sendRequest(transport, 'page/confirm-importer', { token })).fill;
    }
    const answer = await showDialog(doc, ui.overlay, {
      ...importerQuestion(fill),
      choices: [
        { value: 'cancel', label: 'Cancel' },
        { value: 'fill', label: 'Fill anyway' },
      ],
      dismiss: 'cancel',
    }, signal, ui.gate);
    return answer === 'fill';
  }

  async function askOverwrite(plan: FillPlan, label: string): Promise<Overwrite> {
    const names = plan.conflicts.map((kind) => FIELD_LABELS[kind]);
    const emptyOnes = plan.fills.some((fill) => !fill.conflict);
    return showDialog<Overwrite>(doc, ui.overlay, {
      title: 'Replace what the form holds?',
      lines: [`${listOf(names)} already ${names.length === 1 ? 'holds' : 'hold'} other values than the profile "${label}".`],
      choices: [
        { value: 'replace', label: `Replace with "${label}"` },
        ...(emptyOnes ? [{ value: 'empty-only' as const, label: 'Fill only the empty fields' }] : []),
        { value: 'cancel', label: 'Cancel' },
      ],
      dismiss: 'cancel',
    }, signal, ui.gate);
  }

  async function fillFromSession(token: string) {
    // The picker checks its own rows; its frame is checked here too, as the page shows it.
    const frame = picker?.element;
    const seen = frame ? await ui.gate.check(frame) : false;
    if (frame) ui.gate.unwatch(frame);
    picker?.close(true);
    if (!seen) {
      ui.announce(HIDDEN_CLICK_MESSAGE);
      await tell('ACE ACH Assist ignored a click', [HIDDEN_CLICK_MESSAGE]);
      return;
    }
    const chosen = await sendRequest(transport, 'page/fill', { token });
    const { profileId, profileLabel, values } = chosen;
    const form = options.form();
    if (!form || signal.aborted) return;
    if (!(await confirmImporter(chosen, token))) {
      await sendRequest(transport, 'page/fill-done', { token, filled: [], page: doc.location.href });
      return;
    }
    const planStart = performance.now();
    const plan = planFill(fillInputsOf(form), values);
    const asked = plan.conflicts.length > 0;
    const answer = asked ? await askOverwrite(plan, profileLabel) : 'replace';
    // The page may have redrawn the form while the question was open: plan again on what is there.
    const now = options.form();
    // Timed without the user's time on the question.
    const start = asked ? performance.now() : planStart;
    // Filling moves the focus through the fields; a control of ours that had it (the Fill button)
    // gets it back here, as the page's activeElement shows only our host.
    const ours = focusedInRoot(ui.overlay);
    const outcome =
      answer === 'cancel' || !now
        ? { filled: [], skipped: [], elements: [] }
        : fillForm(now, now === form ? plan : planFill(fillInputsOf(now), values), { replaceConflicts: answer === 'replace' });
    if (answer !== 'cancel') recordTiming(FILL_MEASURE, start);
    if (ours?.isConnected) ours.focus({ preventScroll: true });
    ui.flash(outcome.elements);
    options.afterFill(outcome.filled.length > 0 ? profileId : undefined);
    const problems = [...plan.unfillable.map((item) => item.reason), ...outcome.skipped.filter((s) => s.reason === 'failed').map((s) => `${FIELD_LABELS[s.kind]} could not be set.`)];
    ui.announce(
      outcome.filled.length > 0
        ? `Filled ${outcome.filled.length} ${outcome.filled.length === 1 ? 'field' : 'fields'} from "${profileLabel}". Check them, then save.${problems.length ? ` ${problems.join(' ')}` : ''}`
        : `Nothing was filled.${problems.length ? ` ${problems.join(' ')}` : ''}`,
    );
    await sendRequest(transport, 'page/fill-done', { token, filled: outcome.filled, page: doc.location.href });
    // A field left unfilled (no Checking/Savings choice, a page that refused the value) must not
    // go unnoticed: the refund would be rejected.
    if (problems.length > 0) await tell('Some fields were not filled', [`Enter these by hand from the profile "${profileLabel}":`], problems);
  }

  return {
    openPicker,
    onCommand(command) {
      if (!options.form()?.fields.length) return false;
      if (command.type === 'ace-ach/open-picker') void openPicker();
      // A fill that failed after the user chose a profile must not fail silently.
      else if (picker?.token === command.token) {
        void fillFromSession(command.token).catch((error: unknown) => tell('The form was not filled', [messageOf(error, 'The form could not be filled.')]));
      }
      else return false;
      return true;
    },
  };
}
