/**
 * A small in-memory background for the popup tests: it answers the real protocol through the
 * real handleRequest (so requests and replies are parsed with the protocol's schemas, as in the
 * extension), keeps profiles, a vault state with wrong-passphrase throttling, soft deletes for
 * undo, and an optional FedACH directory. It words errors the way a background would; the tests
 * check that the popup shows whatever words it gets.
 */
import { directoryAnswer } from '@/utils/background/directory-answer';
import { checkAccountNumber } from '@/utils/bank/account-number';
import { buildFedAchIndex, type FedAchIndex } from '@/utils/bank/fedach-directory';
import type { FedAchRecord } from '@/utils/bank/fedach-record';
import { parseBankProfile, type BankProfile, type BankProfileInput } from '@/utils/bank/profile-schema';
import { checkRoutingNumber } from '@/utils/bank/routing-number';
import { handleRequest, type Handlers } from '@/utils/messaging/handle-request';
import { RequestError } from '@/utils/messaging/request-error';
import type { ProfileSummary, VaultStatus } from '@/utils/messaging/shapes';
import type { Transport } from '@/utils/messaging/send-request';
import { createProfileSearch, searchPage } from '@/utils/background/profile-search';

export const WRONG_PASSPHRASE = 'That passphrase is not right. Check Caps Lock and try again.';
export const LOCKED = 'The vault is locked. Unlock it with your passphrase first.';

export interface FakeBackgroundOptions {
  state?: VaultStatus['state'];
  passphrase?: string;
  profiles?: readonly BankProfileInput[];
  /** Summaries served as they are (thousands of them), on top of `profiles`. */
  summaries?: readonly ProfileSummary[];
  directory?: readonly FedAchRecord[];
  quarantined?: number;
  /** Wrong tries before the next one is slowed down, and for how long. */
  throttleAfter?: number;
  throttleMs?: number;
  /** Answers wait this long (ms, setTimeout), to see busy states. */
  delayMs?: number;
  /** Per request: how long its answer waits (ms), to make answers arrive out of order. */
  delayFor?: (request: { type: string; payload: unknown }) => number;
  /** Per request: a promise its answer waits for, so a test decides when it arrives (no clock). */
  holdFor?: (request: { type: string; payload: unknown }) => Promise<void> | undefined;
  /** What "Fill this page" (fill/open-picker) answers; by default that no page has a form. */
  openPicker?: { opened: boolean; message?: string };
  /** Refuses every save with these problems, as a background with stricter rules would. */
  refuseSaveWith?: readonly { code: string; severity: 'error' | 'warning' | 'info'; message: string; path?: string }[];
}

interface StoredProfile {
  profile: BankProfile;
  deletedAt?: string;
  lastVerification?: ProfileSummary['lastVerification'];
}

export interface FakeBackground {
  readonly transport: Transport;
  /** Every request, in order, as sent. */
  readonly requests: { type: string; payload: unknown }[];
  /** The type of every request answered, in the order the answers left. */
  readonly answered: string[];
  readonly stored: Map<string, StoredProfile>;
  state: VaultStatus['state'];
  /** Makes the next answers fail as though the vault locked itself. */
  lock(): void;
  setVerification(id: string, verification: ProfileSummary['lastVerification']): void;
  typesRequested(): string[];
}

function summarize(id: string, stored: StoredProfile): ProfileSummary {
  const { profile } = stored;
  const summary: ProfileSummary = {
    id,
    label: profile.label,
    importerName: profile.importerName,
    importerNumbers: [...profile.importerNumbers],
    bankName: profile.bankName,
    routingNumber: profile.routingNumber,
    accountType: profile.accountType,
    accountLast4: profile.accountNumber.slice(-4),
    accountHolderName: profile.accountHolderName,
    updatedAt: profile.updatedAt,
  };
  if (stored.lastVerification) summary.lastVerification = stored.lastVerification;
  return summary;
}

export function createFakeBackground(options: FakeBackgroundOptions = {}): FakeBackground {
  const passphrase = { current: options.passphrase ?? 'correct horse battery staple' };
  const throttleAfter = options.throttleAfter ?? 3;
  const throttleMs = options.throttleMs ?? 30_000;
  const stored = new Map<string, StoredProfile>();
  const directory: FedAchIndex | undefined = options.directory ? buildFedAchIndex(options.directory) : undefined;
  const requests: { type: string; payload: unknown }[] = [];
  const answered: string[] = [];
  let failures = 0;
  let retryAt = 0;
  let nextId = 1;

  for (const input of options.profiles ?? []) {
    const parsed = parseBankProfile(input);
    if (!parsed.ok) throw new Error(`Fixture profile ${input.label} is invalid: ${parsed.problems[0]?.message}`);
    stored.set(`id-${nextId++}`, { profile: parsed.profile });
  }

  const background: FakeBackground = {
    transport,
    requests,
    answered,
    stored,
    state: options.state ?? 'unlocked',
    lock() {
      background.state = 'locked';
    },
    setVerification(id, verification) {
      stored.get(id)!.lastVerification = verification;
    },
    typesRequested: () => requests.map((request) => request.type),
  };

  const status = (): VaultStatus => {
    const wait = retryAt - Date.now();
    return wait > 0 ? { state: background.state, autoLockMinutes: 15, retryAfterMs: wait } : { state: background.state, autoLockMinutes: 15 };
  };

  function requireUnlocked(): void {
    if (background.state === 'new') throw new RequestError('no-vault', 'There is no vault yet.');
    if (background.state === 'locked') throw new RequestError('locked', LOCKED);
  }

  function live(id: string): StoredProfile {
    const found = stored.get(id);
    if (!found || found.deletedAt) throw new RequestError('not-found', 'This profile no longer exists.');
    return found;
  }

  const handlers: Partial<Handlers> = {
    'vault/status': async () => status(),
    'fill/open-picker': async () => options.openPicker ?? { opened: false, message: 'No bank form on this page.' },
    'vault/setup': async ({ passphrase: chosen }) => {
      if (background.state !== 'new') throw new RequestError('vault-exists', 'A vault already exists.');
      passphrase.current = chosen;
      background.state = 'unlocked';
      return status();
    },
    'vault/unlock': async ({ passphrase: tried }) => {
      const wait = retryAt - Date.now();
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        throw new RequestError('throttled', `Too many wrong passphrases. Try again in ${seconds} seconds.`, { retryAfterMs: wait });
      }
      if (tried !== passphrase.current) {
        failures++;
        if (failures >= throttleAfter) retryAt = Date.now() + throttleMs;
        throw new RequestError('wrong-passphrase', WRONG_PASSPHRASE, failures >= throttleAfter ? { retryAfterMs: throttleMs } : {});
      }
      failures = 0;
      background.state = 'unlocked';
      return status();
    },
    'vault/lock': async () => {
      background.state = 'locked';
      return status();
    },
    // Searched and paged like the background's listing, with the same pure search.
    'profiles/list': async ({ query = '', offset, limit }) => {
      requireUnlocked();
      const profiles = [...stored].filter(([, entry]) => !entry.deletedAt).map(([id, entry]) => summarize(id, entry));
      const page = searchPage(createProfileSearch([...profiles, ...(options.summaries ?? [])]), query, offset, limit);
      return { profiles: [...page.profiles], total: page.total, count: page.count, quarantined: options.quarantined ?? 0 };
    },
    'profiles/get': async ({ id }) => {
      requireUnlocked();
      return { profile: { id, ...live(id).profile } };
    },
    'profiles/save': async ({ id, profile: input }) => {
      requireUnlocked();
      const existing = id === undefined ? undefined : live(id);
      if (options.refuseSaveWith) {
        throw new RequestError('invalid-profile', 'The profile was not saved: 1 field needs attention.', {
          problems: [...options.refuseSaveWith],
        });
      }
      const parsed = parseBankProfile(input);
      if (!parsed.ok) {
        throw new RequestError('invalid-profile', `The profile was not saved: ${parsed.problems[0]!.message}`, {
          problems: parsed.problems.map(({ code, severity, message, path }) => ({ code, severity, message, path })),
        });
      }
      const profileId = id ?? `id-${nextId++}`;
      const entry: StoredProfile = existing?.lastVerification
        ? { profile: parsed.profile, lastVerification: existing.lastVerification }
        : { profile: parsed.profile };
      stored.set(profileId, entry);
      return { profile: summarize(profileId, entry), warnings: [] };
    },
    'profiles/find-duplicates': async ({ routingNumber, accountNumber, exceptId }) => {
      requireUnlocked();
      const routing = checkRoutingNumber(routingNumber).digits;
      const account = checkAccountNumber(accountNumber).digits;
      const labels = [...stored]
        .filter(([id, entry]) => id !== exceptId && !entry.deletedAt)
        .filter(([, entry]) => entry.profile.routingNumber === routing && entry.profile.accountNumber === account)
        .map(([, entry]) => entry.profile.label);
      return { labels };
    },
    'profiles/delete': async ({ id }) => {
      requireUnlocked();
      live(id).deletedAt = new Date().toISOString();
      return { done: true as const };
    },
    'profiles/restore': async ({ id }) => {
      requireUnlocked();
      const entry = stored.get(id);
      if (!entry) throw new RequestError('not-found', 'This profile can no longer be restored.');
      delete entry.deletedAt;
      return { profile: summarize(id, entry) };
    },
    // The background's own answer, so the popup is tested against the real wording.
    'directory/lookup': async ({ routingNumber, bankNames }) => directoryAnswer(directory, routingNumber, bankNames),
  };

  async function transport(message: unknown): Promise<unknown> {
    const sent = structuredClone(message) as { type: string; payload: unknown };
    requests.push(sent);
    const delay = options.delayFor?.(sent) ?? options.delayMs;
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    await options.holdFor?.(sent);
    // Through JSON, as runtime messaging would: nothing but data crosses.
    const answer = JSON.parse(JSON.stringify(await handleRequest(handlers, message, 'extension-page')));
    answered.push(sent.type);
    return answer;
  }

  return background;
}

/** A FedACH record with the fields a test cares about. */
export function fedAchRecord(routingNumber: string, name: string, extra: Partial<FedAchRecord> = {}): FedAchRecord {
  return { routingNumber, officeCode: 'O', recordType: '1', name, city: 'NEW YORK', state: 'NY', institutionStatus: '1', ...extra };
}
