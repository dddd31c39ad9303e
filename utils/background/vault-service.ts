/**
 * The vault's state in the background: new, locked or unlocked; setup, unlock, lock, change of
 * passphrase, the slowing down of wrong passphrases and the auto-lock after idle time. The data
 * key lives in this module's memory and in storage.session (vault-session.ts), nowhere else.
 */
import { RequestError } from '@/utils/messaging/request-error';
import type { VaultStatus } from '@/utils/messaging/shapes';
import {
  createDataKey,
  exportDataKey,
  importDataKey,
  openDataKey,
  sealDataKey,
  WrongPassphraseError,
} from '@/utils/vault/data-key';
import { unlockRetryAfterMs } from '@/utils/vault/unlock-throttle';
import type { ActivityInput } from './activity-actions';
import type { AppDatabase } from './database';
import { createSerialQueue } from './transactions';
import type { VaultSession } from './vault-session';
import {
  clearUnlockFailures,
  createVaultKey,
  readUnlockFailures,
  readVaultKey,
  writeUnlockFailures,
  writeVaultKey,
} from './vault-store';

export interface VaultServiceOptions {
  readonly database: () => Promise<AppDatabase>;
  readonly session: VaultSession;
  /** PBKDF2 iterations for new seals: PBKDF2_ITERATIONS in production. */
  readonly iterations: number;
  readonly now: () => number;
  readonly autoLockMinutes: () => Promise<number>;
  readonly log: (entry: ActivityInput) => Promise<void>;
  /** Told when the vault unlocks (to start the auto-lock alarm). */
  readonly onUnlock?: () => Promise<void>;
  /** Told when the vault locks, to drop anything decrypted it holds (pending import plans). */
  readonly onLock?: () => Promise<void>;
}

export interface VaultService {
  status(): Promise<VaultStatus>;
  setup(passphrase: string): Promise<VaultStatus>;
  unlock(passphrase: string): Promise<VaultStatus>;
  lock(): Promise<VaultStatus>;
  changePassphrase(current: string, next: string): Promise<void>;
  /** The data key, or RequestError('locked'). */
  requireKey(): Promise<CryptoKey>;
  /** A request came from one of our pages or content scripts: postpones the auto-lock. */
  recordActivity(): Promise<void>;
  /** Locks when idle for longer than the auto-lock time; true if it locked. */
  lockIfIdle(): Promise<boolean>;
  /**
   * Locks (nothing logged) and runs `wipe` before any other setup, unlock or change of
   * passphrase can start: Erase all data.
   */
  erase(wipe: () => Promise<void>): Promise<void>;
}

export const WRONG_PASSPHRASE_MESSAGE = 'That passphrase is not right. Check Caps Lock and try again.';
const LOCKED_MESSAGE = 'The vault is locked. Unlock it with your passphrase first.';

function throttled(retryAfterMs: number): RequestError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new RequestError(
    'throttled',
    `Too many wrong passphrases. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
    { retryAfterMs },
  );
}

export function createVaultService(options: VaultServiceOptions): VaultService {
  const { database, session, now, log } = options;
  // Setup, unlock, lock and passphrase changes one at a time: two unlock tries at once would
  // otherwise both pass the throttle before either failure is counted.
  const serially = createSerialQueue();
  let dataKey: CryptoKey | undefined;
  let lastActivity: number | undefined;

  /** The key from memory or, after a worker restart, from storage.session. */
  async function currentKey(): Promise<CryptoKey | undefined> {
    if (dataKey) return dataKey;
    const raw = await session.readDataKey();
    if (!raw) return undefined;
    dataKey = await importDataKey(raw);
    return dataKey;
  }

  async function keep(key: CryptoKey): Promise<void> {
    dataKey = key;
    lastActivity = now();
    await session.writeDataKey(await exportDataKey(key));
    await session.writeLastActivity(lastActivity);
    await options.onUnlock?.();
  }

  async function forget(): Promise<boolean> {
    const wasUnlocked = (await currentKey()) !== undefined;
    dataKey = undefined;
    lastActivity = undefined;
    await session.clear();
    await options.onLock?.();
    return wasUnlocked;
  }

  async function retryAfter(db: AppDatabase): Promise<number> {
    return unlockRetryAfterMs(await readUnlockFailures(db), now());
  }

  /** Opens the sealed key with `passphrase`, counting and slowing down failures. */
  async function openWith(db: AppDatabase, passphrase: string): Promise<CryptoKey> {
    const record = await readVaultKey(db);
    if (!record) throw new RequestError('no-vault', 'There is no vault yet. Choose a passphrase to create one.');
    const wait = await retryAfter(db);
    if (wait > 0) throw throttled(wait);
    try {
      const key = await openDataKey(record, passphrase);
      await clearUnlockFailures(db);
      return key;
    } catch (error) {
      if (!(error instanceof WrongPassphraseError)) throw error;
      const previous = await readUnlockFailures(db);
      const failures = { failedAttempts: (previous?.failedAttempts ?? 0) + 1, lastFailedAt: now() };
      await writeUnlockFailures(db, failures);
      await log({ action: 'vault-unlock-failed', detail: `Attempt ${failures.failedAttempts} in a row` });
      const nextWait = unlockRetryAfterMs(failures, now());
      throw new RequestError('wrong-passphrase', WRONG_PASSPHRASE_MESSAGE, nextWait > 0 ? { retryAfterMs: nextWait } : {});
    }
  }

  async function lockIfIdle(): Promise<boolean> {
    if (!(await currentKey())) return false;
    lastActivity ??= await session.readLastActivity();
    if (lastActivity === undefined) {
      // Unlocked but no activity on record: count from now rather than lock at once.
      lastActivity = now();
      await session.writeLastActivity(lastActivity);
      return false;
    }
    const limit = (await options.autoLockMinutes()) * 60_000;
    if (now() - lastActivity < limit) return false;
    await forget();
    await log({ action: 'vault-auto-lock', detail: `After ${Math.round(limit / 60_000)} minutes without use` });
    return true;
  }

  async function status(): Promise<VaultStatus> {
    await lockIfIdle();
    const db = await database();
    const autoLockMinutes = await options.autoLockMinutes();
    if (!(await readVaultKey(db))) return { state: 'new', autoLockMinutes };
    if (await currentKey()) return { state: 'unlocked', autoLockMinutes };
    const wait = await retryAfter(db);
    return wait > 0 ? { state: 'locked', autoLockMinutes, retryAfterMs: wait } : { state: 'locked', autoLockMinutes };
  }

  return {
    status,
    lockIfIdle,

    setup: (passphrase) =>
      serially(async () => {
        const db = await database();
        const key = await createDataKey();
        const sealed = await sealDataKey(key, passphrase, options.iterations);
        const created = await createVaultKey(db, { key: 'vault', ...sealed, createdAt: new Date(now()).toISOString() });
        if (!created) throw new RequestError('vault-exists', 'A vault already exists. Unlock it with its passphrase.');
        await keep(key);
        await log({ action: 'vault-setup' });
        return status();
      }),

    unlock: (passphrase) =>
      serially(async () => {
        const key = await openWith(await database(), passphrase);
        await keep(key);
        await log({ action: 'vault-unlock' });
        return status();
      }),

    lock: () =>
      serially(async () => {
        if (await forget()) await log({ action: 'vault-lock' });
        return status();
      }),

    changePassphrase: (current, next) =>
      serially(async () => {
        const db = await database();
        const key = await openWith(db, current);
        const record = await readVaultKey(db);
        if (!record) throw new RequestError('no-vault', 'There is no vault yet. Choose a passphrase to create one.');
        // Same data key, new salt and wrapping: the profiles' ciphertexts stay as they are.
        const sealed = await sealDataKey(key, next, options.iterations);
        await writeVaultKey(db, { ...record, ...sealed, passphraseChangedAt: new Date(now()).toISOString() });
        await keep(key);
        await log({ action: 'vault-passphrase-changed' });
      }),

    erase: (wipe) =>
      serially(async () => {
        await forget();
        await wipe();
      }),

    async requireKey() {
      await lockIfIdle();
      const key = await currentKey();
      if (!key) throw new RequestError('locked', LOCKED_MESSAGE);
      return key;
    },

    async recordActivity() {
      if (await lockIfIdle()) return;
      if (!(await currentKey())) return;
      const at = now();
      // One session write per second at most: a burst of requests is one moment of use.
      if (lastActivity !== undefined && at - lastActivity < 1_000) return;
      lastActivity = at;
      await session.writeLastActivity(at);
    },
  };
}
