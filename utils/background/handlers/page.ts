/**
 * page/* requests: the ACE page assistant's questions (content scripts only; handleRequest
 * checks the sender). The top frame says which importer its page shows; any frame of the tab
 * then asks how the form and CBP's values on file compare with that importer's profile. The
 * account number is decrypted here and only verdicts go back, whose words show at most its last
 * 4 digits. With the vault not unlocked the answer holds no profile data at all.
 *
 * Every answer may reach the page's scripts (they set the values and can watch the verdict), so
 * a tab gets one comparison a second at most (compare-pacing.ts), a sandboxed frame gets none,
 * and no answer lists profiles other than the page's importer's.
 */
import { normaliseImporterNumber } from '@/utils/bank/importer-number';
import { compareWithProfile, onFileVerification, type FieldVerdict } from '@/utils/form-checks/compare-with-profile';
import { profileFingerprint, VERIFICATION_REPEAT_MS, verdictFields } from '@/utils/enrollment/verification-event';
import { fillRefusal } from '@/utils/messaging/fill-recipient';
import type { Handlers, SenderInfo } from '@/utils/messaging/handle-request';
import type { ResponseOf } from '@/utils/messaging/protocol';
import type { ComparePacing, PacedTurn } from '../compare-pacing';
import { choosePageProfile, type ProfileChoice } from '../page-profile-choices';
import { openAccountNumber } from '../profile-record';
import { isoNow, type BackgroundServices } from '../services';
import type { StoredProfile } from '../stored-records';
import { tabImporterFrom, type TabImporter, type TabImporters } from '../tab-importers';
import { openUnlockWindow, type UnlockWindowApis } from '../unlock-window';
import { readableAccount } from './profiles';
import type { AssistantScript } from './assistant-script';

type PageHandlers = Pick<Handlers, 'page/importer' | 'page/compare' | 'page/saved' | 'page/open-unlock'>;
type CompareRequest = Parameters<PageHandlers['page/compare']>[0];
type CompareAnswer = ResponseOf<'page/compare'>;

export interface PageDependencies {
  readonly tabImporters: TabImporters;
  /** Absent: page/open-unlock answers that it cannot open the window. */
  readonly unlockWindow?: UnlockWindowApis;
  readonly pacing: ComparePacing;
  /** Waits out a tab's pacing (a timer; tests move their clock instead). */
  readonly sleep: (ms: number) => Promise<void>;
  /** Injects the page assistant into a frame; absent where the browser cannot (page/assistant answers so). */
  readonly assistantScript?: AssistantScript;
}


const KIND_WORDS: Record<FieldVerdict['kind'], string> = {
  routing: 'routing number',
  account: 'account number',
  'account-type': 'account type',
};

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The live profiles by label, sorted again only when the store's list changes. */
function createLabelOrder(): (profiles: readonly StoredProfile[]) => readonly StoredProfile[] {
  let last: { readonly source: readonly StoredProfile[]; readonly sorted: readonly StoredProfile[] } | undefined;
  return (profiles) => {
    if (last?.source !== profiles) last = { source: profiles, sorted: [...profiles].sort((a, b) => collator.compare(a.label, b.label)) };
    return last.sorted;
  };
}

/** The page's address for the log without query or fragment, where typed text may travel. */
export function pageForLog(page: string, senderInfo: SenderInfo): string | undefined {
  for (const candidate of [page, senderInfo.url]) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate);
      return `${url.origin}${url.pathname}`;
    } catch {
      // Not an address: try the next.
    }
  }
  return undefined;
}

/**
 * The importer numbers a comparison uses: the tab's labelled one, else the user's choice among
 * the page's unclear numbers (only one of those counts), else none; with the candidates to
 * offer whenever the page left it unclear.
 */
export function pageImporterNumbers(
  importer: TabImporter | undefined,
  chosen: string | undefined,
): { importerNumbers: string[]; candidates?: string[] } {
  const importerNumbers = [...(importer?.importerNumbers ?? [])];
  const candidates = importer?.candidates ?? [];
  if (importerNumbers.length > 0 || candidates.length === 0) return { importerNumbers };
  const choice = chosen === undefined ? undefined : normaliseImporterNumber(chosen);
  const valid = choice !== undefined && candidates.includes(choice);
  return { importerNumbers: valid ? [choice] : [], candidates: [...candidates] };
}

export function pageHandlers(services: BackgroundServices, page: PageDependencies): PageHandlers {
  const { vault } = services;
  const labelOrder = createLabelOrder();

  /**
   * Records what CBP's file showed: in the importer's history for the status page (unless it
   * repeats the latest event), and as the profile's last verification with a log line (unless
   * the same result was recorded within VERIFICATION_REPEAT_MS). True when anything was written.
   */
  async function recordVerification(
    record: StoredProfile,
    choice: ProfileChoice,
    result: 'match' | 'mismatch',
    verdicts: readonly FieldVerdict[],
    context: { readonly importerNumbers: readonly string[]; readonly page: string; readonly senderInfo: SenderInfo },
  ): Promise<boolean> {
    const at = isoNow(services);
    // The enrolment CBP's file belongs to is the page's importer, which a chosen profile may not name.
    const importerNumber = context.importerNumbers[0] ?? choice.importerNumber;
    const fields = verdictFields(verdicts, 'on-file');
    const event = { at, kind: 'on-file', profileId: record.id, profileLabel: record.label, fields, profile: profileFingerprint(record) } as const;
    const inHistory = await services.enrollment.record(importerNumber, event);

    const previous = record.lastVerification;
    if (previous?.result === result && services.now() - Date.parse(previous.at) < VERIFICATION_REPEAT_MS) return inHistory;
    const recorded = await services.profiles.recordVerification(record.id, { at, result });
    if (!recorded) return inHistory;
    const differing = [...new Set(verdicts.filter((v) => v.source === 'on-file' && v.result === 'mismatch').map((v) => KIND_WORDS[v.kind]))];
    const logPage = pageForLog(context.page, context.senderInfo);
    await services.log({
      action: result === 'match' ? 'verify-on-file' : 'on-file-mismatch',
      profileLabel: record.label,
      importerNumber,
      ...(logPage ? { page: logPage } : {}),
      ...(differing.length > 0 ? { detail: `Differs on file: ${differing.join(', ')}` } : {}),
    });
    return true;
  }

  /**
   * Waits for the tab's next turn while the vault is unlocked (a locked vault's answer holds no
   * profile data, so it needs none). Outside the profile writes' queue: a page that keeps asking
   * never holds up the user's saves.
   */
  async function waitForTurn(request: CompareRequest, senderInfo: SenderInfo): Promise<PacedTurn | undefined> {
    if ((await vault.status()).state !== 'unlocked') return undefined;
    const turn = page.pacing.take(senderInfo.tabId ?? -1, JSON.stringify(request.onFile), services.now());
    if (turn.waitMs > 0) await page.sleep(turn.waitMs);
    return turn;
  }

  async function compare(
    request: CompareRequest,
    senderInfo: SenderInfo,
    importerNumbers: string[],
    turn: PacedTurn | undefined,
  ): Promise<CompareAnswer> {
    const { state } = await vault.status();
    if (state !== 'unlocked') return { vault: state, importerNumbers, match: 'unknown-importer', choices: [], verdicts: [] };
    // Unlocked since the turn was asked for: the user just unlocked, this answer need not wait.
    turn ??= page.pacing.take(senderInfo.tabId ?? -1, JSON.stringify(request.onFile), services.now());
    const paced = turn.repeatedChanges ? { repeatedChanges: true as const } : {};
    const key = await vault.requireKey();
    const { profiles } = await services.profiles.list();
    const { match, choices, profile: choice } = choosePageProfile(importerNumbers, labelOrder(profiles), request.profileId);
    const answer = { vault: state, importerNumbers, match, choices, ...paced };
    const record = choice && profiles.find((candidate) => candidate.id === choice.id);
    if (!choice || !record) return { ...answer, verdicts: [] };

    const accountNumber = await readableAccount(() => openAccountNumber(key, record));
    const comparable = { label: record.label, routingNumber: record.routingNumber, accountNumber, accountType: record.accountType };
    const verdicts = [
      ...compareWithProfile(request.form, comparable, 'form'),
      ...compareWithProfile(request.onFile, comparable, 'on-file'),
    ];
    const verification = onFileVerification(verdicts);
    if (verification && request.recordVerification && turn.mayRecord) {
      const context = { importerNumbers, page: request.page, senderInfo };
      if (await recordVerification(record, choice, verification, verdicts, context)) page.pacing.recorded(senderInfo.tabId ?? -1);
    }
    return {
      ...answer,
      profile: choice,
      verdicts: verdicts.map((verdict) => ({ ...verdict })),
      ...(verification ? { verification } : {}),
    };
  }

  return {
    'page/importer': async ({ importerNumbers, candidates, accountName }, _kind, { tabId, frameId, url }) => {
      // Only the top frame knows the page's importer; an iframe's word would replace it.
      if (tabId !== undefined && frameId === 0) {
        const before = (await page.tabImporters.get(tabId))?.importerNumbers.join() ?? '';
        const report = { importerNumbers, candidates, accountName, url };
        await page.tabImporters.set(tabId, report);
        // Compared as stored (normalised): the same importer written another way is no new one.
        if (tabImporterFrom(report).importerNumbers.join() !== before) page.pacing.newImporter(tabId);
      }
      return { done: true };
    },

    'page/compare': async (request, _kind, senderInfo) => {
      // A sandboxed frame's origin is opaque: whatever its address says, any site may have made it.
      const refusal = fillRefusal(senderInfo, (await services.settings.get()).extraHosts);
      if (refusal === 'sandboxed' || refusal === 'not-ace-origin' || refusal === 'not-https') {
        const { state } = await vault.status();
        return { vault: state, importerNumbers: [], match: 'unknown-importer', choices: [], verdicts: [], formatOnly: true };
      }
      const importer = senderInfo.tabId === undefined ? undefined : await page.tabImporters.get(senderInfo.tabId);
      const { importerNumbers, candidates } = pageImporterNumbers(importer, request.importerNumber);
      const turn = await waitForTurn(request, senderInfo);
      const answer = async (): Promise<CompareAnswer> => {
        const compared = await compare(request, senderInfo, importerNumbers, turn);
        if (!candidates) return compared;
        // The candidates stay offered after a choice, so the user can change it.
        return { ...compared, importerCandidates: candidates, ...(importerNumbers.length === 0 ? { match: 'unclear-importer' as const } : {}) };
      };
      // Recording runs with the other profile writes, so a save in between cannot make it stale.
      return request.recordVerification ? services.profileWrites(answer) : answer();
    },

    'page/saved': async (request, _kind, senderInfo) => {
      // As for comparisons: only an ACE page over https, never a sandboxed frame, and nothing
      // to record while locked. The answer is the same whatever happens, so it tells the page nothing.
      if (fillRefusal(senderInfo, (await services.settings.get()).extraHosts)) return { done: true };
      if ((await vault.status()).state !== 'unlocked') return { done: true };
      if (!request.form.routing && !request.form.account) return { done: true };
      const importer = senderInfo.tabId === undefined ? undefined : await page.tabImporters.get(senderInfo.tabId);
      const { importerNumbers } = pageImporterNumbers(importer, request.importerNumber);
      await services.profileWrites(async () => {
        const { profiles } = await services.profiles.list();
        const { profile: choice } = choosePageProfile(importerNumbers, labelOrder(profiles), request.profileId);
        const record = choice && profiles.find((candidate) => candidate.id === choice.id);
        if (!choice || !record) return;
        const key = await vault.requireKey();
        const accountNumber = await readableAccount(() => openAccountNumber(key, record));
        const comparable = { label: record.label, routingNumber: record.routingNumber, accountNumber, accountType: record.accountType };
        await services.enrollment.record(importerNumbers[0] ?? choice.importerNumber, {
          at: isoNow(services),
          kind: 'saved',
          profileId: record.id,
          profileLabel: record.label,
          fields: verdictFields(compareWithProfile(request.form, comparable, 'form'), 'form'),
          profile: profileFingerprint(record),
        });
      });
      return { done: true };
    },

    'page/open-unlock': async () => {
      await openUnlockWindow(page.unlockWindow);
      return { done: true };
    },
  };
}
