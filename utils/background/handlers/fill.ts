/**
 * Filling the ACE bank form from a profile. A frame's page assistant opens a picker
 * session (page/picker-open); the picker page lists the profiles (picker/list) and says which
 * one the user chose (picker/choose); the background then tells that frame, which fetches the
 * values (page/fill) and reports what it filled (page/fill-done) for the activity log.
 *
 * Profile data goes only to the frame the session was opened for, checked on every request
 * from the browser's sender facts (tab, frame, document, origin): never to a sandboxed frame or
 * one of another origin (fill-recipient.ts). Refusals are logged.
 */
import { FIELD_LABELS } from '@/utils/detection/field-kind-labels';
import { profileFingerprint } from '@/utils/enrollment/verification-event';
import { matchImporterProfiles } from '@/utils/form-checks/match-importer-profiles';
import type { AssistantCommand } from '@/utils/messaging/assistant-commands';
import { FILL_REFUSAL_WORDS, fillRefusal } from '@/utils/messaging/fill-recipient';
import type { Handlers, SenderInfo } from '@/utils/messaging/handle-request';
import { RequestError } from '@/utils/messaging/request-error';
import type { FillSession, FillSessions } from '../fill-sessions';
import type { FormFrames } from '../form-frames';
import { pickerRows } from '../picker-rows';
import { openAccountNumber } from '../profile-record';
import { isoNow, type BackgroundServices } from '../services';
import type { StoredProfile } from '../stored-records';
import type { TabImporters } from '../tab-importers';
import { pageForLog } from './page';
import { importerQuestion, needsImporterQuestion } from '@/utils/messaging/importer-question';
import type { ImporterConfirmations } from '../importer-confirmations';
import { openExtensionWindow, type UnlockWindowApis } from '../unlock-window';
import { readableAccount } from './profiles';

type FillHandlers = Pick<
  Handlers,
  | 'page/form'
  | 'page/picker-open'
  | 'page/fill'
  | 'page/fill-done'
  | 'page/settings'
  | 'picker/list'
  | 'picker/choose'
  | 'fill/open-picker'
  | 'page/confirm-importer'
  | 'confirm/question'
  | 'confirm/answer'
>;

/** The tabs API as filling needs it; absent where the browser has none (then nothing opens). */
export interface TabMessaging {
  sendToFrame(tabId: number, frameId: number, command: AssistantCommand): Promise<unknown>;
  /** The active tab of the last focused normal window: the page a popup or shortcut is about. */
  activeTabId(): Promise<number | undefined>;
}

export interface FillDependencies {
  readonly tabImporters: TabImporters;
  readonly formFrames: FormFrames;
  readonly sessions: FillSessions;
  readonly tabs?: TabMessaging;
  /** Other-importer questions asked in our own window (where the page's UI cannot be trusted to be seen). */
  readonly confirmations?: ImporterConfirmations;
  /** How that window is opened (confirmUrl); absent, the question cannot be asked and nothing is filled. */
  readonly windows?: UnlockWindowApis;
  /**
   * How long the popup and the shortcut wait for a form frame when none is known yet: a form
   * that has just appeared (a dialog opened a moment ago) is reported a few frames later.
   */
  readonly formReportWaitMs?: number;
}

/** See FillDependencies.formReportWaitMs. */
export const FORM_REPORT_WAIT_MS = 400;
const FORM_REPORT_POLL_MS = 50;

export const PICKER_EXPIRED = 'This profile list has expired. Open it again from the page.';
export const QUESTION_EXPIRED = 'This question has expired: nothing was filled. Fill again from the page.';
const NO_QUESTION_WINDOW = "The question window could not be opened, so nothing was filled. Fill again, or choose this importer's own profile.";
export const NO_FORM_MESSAGE =
  "No bank form on this page. Open the importer's ACH Refund Authorization tab (press Get Info/Refresh if the form is not shown yet), then try again.";
const NO_TAB_MESSAGE = 'No browser tab to fill. Open the ACE Portal page with the bank form, then try again.';

/** Whether `record` is the profile of the importer the page shows (ACE enrols per EIN suffix). */
function importerOf(pageNumbers: readonly string[], record: StoredProfile) {
  const fallback = record.importerNumbers[0] ?? '';
  if (pageNumbers.length === 0) return { importerMatch: 'unknown' as const, profileImporter: fallback };
  const match = matchImporterProfiles(pageNumbers, [record]);
  const found = match.matches[0] ?? match.baseOnly[0];
  const importerMatch = match.status === 'one' ? ('same' as const) : match.status === 'base-only' ? ('other-suffix' as const) : ('other' as const);
  return { importerMatch, profileImporter: found?.importerNumber ?? fallback };
}

function sameFrame(session: FillSession, sender: SenderInfo): boolean {
  if (sender.tabId !== session.tabId || sender.frameId !== session.frameId) return false;
  // A frame that navigated since is another document, whatever its frame id.
  return !(session.documentId && sender.documentId && session.documentId !== sender.documentId);
}

export function fillHandlers(services: BackgroundServices, deps: FillDependencies): FillHandlers & {
  openPickerInTab(tabId: number | undefined): Promise<{ opened: boolean; message?: string }>;
} {
  const { vault } = services;
  const { sessions } = deps;

  /** Logs a refusal (`detail`) and answers it (`reason`): profile data stays in the background. */
  async function refuse(sender: SenderInfo, detail: string, reason = detail): Promise<never> {
    const page = sender.url ? pageForLog(sender.url, sender) : undefined;
    await services.log({ action: 'fill-refused', ...(page ? { page } : {}), detail });
    throw new RequestError('forbidden', `ACE ACH Assist does not fill this form: ${reason}.`);
  }

  /** The sender may receive profile data; else the refusal is logged and answered. */
  async function requireRecipient(sender: SenderInfo): Promise<void> {
    const refusal = sender.tabId === undefined ? 'unknown-frame' : fillRefusal(sender, (await services.settings.get()).extraHosts);
    if (refusal) await refuse(sender, FILL_REFUSAL_WORDS[refusal]);
  }

  /** Whether the frame's page assistant took the command (a gone frame takes nothing). */
  async function frameTook(tabId: number, frameId: number, command: AssistantCommand): Promise<boolean> {
    try {
      const answer = await deps.tabs?.sendToFrame(tabId, frameId, command);
      return (answer as { handled?: unknown } | undefined)?.handled === true;
    } catch {
      return false;
    }
  }

  function pickerSession(token: string, sender: SenderInfo): FillSession {
    const session = sessions.get(token);
    // The picker is our page inside the session's tab; another tab's page has no business here.
    if (!session || sender.tabId !== session.tabId) throw new RequestError('not-found', PICKER_EXPIRED);
    return session;
  }

  async function formFramesOf(tabId: number): Promise<readonly number[]> {
    const wait = deps.formReportWaitMs ?? FORM_REPORT_WAIT_MS;
    let frames = await deps.formFrames.of(tabId);
    for (let waited = 0; frames.length === 0 && waited < wait; waited += FORM_REPORT_POLL_MS) {
      await new Promise((resolve) => setTimeout(resolve, FORM_REPORT_POLL_MS));
      frames = await deps.formFrames.of(tabId);
    }
    return frames;
  }

  async function openPickerInTab(tabId: number | undefined) {
    if (tabId === undefined || !deps.tabs) return { opened: false, message: NO_TAB_MESSAGE };
    for (const frameId of await formFramesOf(tabId)) {
      if (await frameTook(tabId, frameId, { type: 'ace-ach/open-picker' })) return { opened: true };
      // That frame is gone (removed, navigated) or shows no form now: forget it, try the next.
      await deps.formFrames.report(tabId, frameId, false);
    }
    return { opened: false, message: NO_FORM_MESSAGE };
  }

  return {
    openPickerInTab,

    'page/form': async ({ present }, _kind, { tabId, frameId }) => {
      if (tabId !== undefined && frameId !== undefined) await deps.formFrames.report(tabId, frameId, present);
      return { done: true };
    },

    'page/picker-open': async (_payload, _kind, sender) => {
      await requireRecipient(sender);
      const { token } = sessions.open({
        tabId: sender.tabId!,
        frameId: sender.frameId!,
        ...(sender.documentId ? { documentId: sender.documentId } : {}),
      });
      return { token };
    },

    'picker/list': async ({ token, query }, _kind, sender) => {
      const session = pickerSession(token, sender);
      const importerNumbers = [...((await deps.tabImporters.get(session.tabId))?.importerNumbers ?? [])];
      const { state } = await vault.status();
      if (state !== 'unlocked') return { vault: state, importerNumbers, rows: [], total: 0 };
      await vault.requireKey();
      const { profiles } = await services.profiles.list();
      const { rows, total } = await pickerRows(importerNumbers, profiles, services.profileListing, query);
      return { vault: state, importerNumbers, rows, total };
    },

    'picker/choose': async ({ token, profileId }, _kind, sender) => {
      const session = pickerSession(token, sender);
      await vault.requireKey();
      const record = await services.profiles.get(profileId);
      if (!record || record.deletedAt) throw new RequestError('not-found', 'This profile no longer exists; choose another.');
      session.profileId = profileId;
      if (!(await frameTook(session.tabId, session.frameId, { type: 'ace-ach/fill-ready', token }))) {
        sessions.end(token);
        throw new RequestError('not-found', 'The page changed while the list was open. Open it again from the page.');
      }
      return { done: true };
    },

    'page/fill': async ({ token }, _kind, sender) => {
      await requireRecipient(sender);
      const session = sessions.get(token);
      if (!session || !session.profileId || session.released) throw new RequestError('not-found', PICKER_EXPIRED);
      if (!sameFrame(session, sender)) {
        await refuse(sender, 'asked by a frame the profile list was not opened for', 'the profile was chosen for another frame');
      }
      const key = await vault.requireKey();
      const record = await services.profiles.get(session.profileId);
      if (!record || record.deletedAt) throw new RequestError('not-found', 'This profile no longer exists; choose another.');
      const account = await readableAccount(() => openAccountNumber(key, record));
      const pageNumbers = (await deps.tabImporters.get(session.tabId))?.importerNumbers ?? [];
      const { importerMatch, profileImporter } = importerOf(pageNumbers, record);
      const importerNumber = pageNumbers[0] ?? record.importerNumbers[0];
      const facts = { profileLabel: record.label, profileImporter, pageImporter: pageNumbers[0], importerMatch };
      session.released = {
        profileLabel: record.label,
        ...(importerNumber ? { importerNumber } : {}),
        fingerprint: profileFingerprint(record),
        ...(needsImporterQuestion(facts) ? { question: importerQuestion(facts) } : {}),
      };
      return {
        profileId: record.id,
        profileLabel: record.label,
        profileImporter,
        ...(pageNumbers[0] ? { pageImporter: pageNumbers[0] } : {}),
        importerMatch,
        values: {
          routing: record.routingNumber,
          account,
          accountType: record.accountType,
          ...(record.bankName ? { bankName: record.bankName } : {}),
          ...(record.accountHolderName ? { holderName: record.accountHolderName } : {}),
        },
      };
    },

    'page/fill-done': async ({ token, filled, page }, _kind, sender) => {
      const session = sessions.get(token);
      if (!session?.released || !sameFrame(session, sender)) throw new RequestError('not-found', PICKER_EXPIRED);
      sessions.end(token);
      const logPage = pageForLog(page, sender);
      const kinds = [...new Set(filled)].map((kind) => FIELD_LABELS[kind]);
      await services.log({
        action: kinds.length > 0 ? 'profile-fill' : 'profile-fill-cancelled',
        profileLabel: session.released.profileLabel,
        ...(session.released.importerNumber ? { importerNumber: session.released.importerNumber } : {}),
        ...(logPage ? { page: logPage } : {}),
        ...(kinds.length > 0 ? { detail: `Filled: ${kinds.join(', ')}` } : {}),
      });
      const { importerNumber, fingerprint, profileLabel } = session.released;
      if (importerNumber && session.profileId && (filled.includes('routing') || filled.includes('account'))) {
        const event = { at: isoNow(services), kind: 'filled', profileId: session.profileId, profileLabel, profile: fingerprint } as const;
        // Entered, not yet confirmed by CBP: the status page says so until a refresh shows the values.
        await services.profileWrites(() => services.enrollment.record(importerNumber, event)).catch(() => false);
      }
      return { done: true };
    },

    'page/confirm-importer': async ({ token }, _kind, sender) => {
      await requireRecipient(sender);
      const session = sessions.get(token);
      if (!session?.released || !sameFrame(session, sender)) throw new RequestError('not-found', PICKER_EXPIRED);
      const { question } = session.released;
      // Our own judgement: a profile of the page's importer needs no question.
      if (!question) return { fill: true };
      if (session.confirming || !deps.confirmations) throw new RequestError('not-found', PICKER_EXPIRED);
      session.confirming = true;
      const url = deps.windows?.confirmUrl;
      const confirmations = deps.confirmations;
      const fill = await confirmations.ask(question, (id) => openExtensionWindow(deps.windows, url && `${url}#${id}`, NO_QUESTION_WINDOW));
      return { fill };
    },

    'confirm/question': async ({ id }) => {
      const question = deps.confirmations?.question(id);
      if (!question) throw new RequestError('not-found', QUESTION_EXPIRED);
      return { title: question.title, lines: [...question.lines] };
    },

    'confirm/answer': async ({ id, fill }) => {
      if (!deps.confirmations?.answer(id, fill)) throw new RequestError('not-found', QUESTION_EXPIRED);
      return { done: true };
    },

    'page/settings': async () => ({ submitGuard: (await services.settings.get()).submitGuard }),

    'fill/open-picker': async () => openPickerInTab(await deps.tabs?.activeTabId()),
  };
}
