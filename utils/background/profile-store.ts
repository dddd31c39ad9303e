/**
 * The profiles store: reads parsed through the stored-profile schema (failures quarantined),
 * writes one transaction per logical change. Knows nothing of keys or crypto: records arrive
 * already sealed (profile-record.ts).
 *
 * The parsed records are kept in memory once read (ciphertext and all, exactly what IndexedDB
 * holds, nothing decrypted) and updated after each committed write, since the background is the
 * only writer. Reading and parsing 5,000 records costs a few hundred milliseconds in Chromium,
 * which the popup would otherwise pay on every opening while the worker is awake. The list of live
 * profiles stays the same array until something changes, so whoever derives from it (the
 * popup's search index, profile-listing.ts) can tell by identity whether to derive again.
 */
import type { AppDatabase } from './database';
import { countQuarantined, readAllParsed, readParsed } from './quarantine';
import { storedProfileSchema, type StoredProfile } from './stored-records';
import { PROFILES_READ_MEASURE, timed } from './timing';
import { requestAll, writeTransaction } from './transactions';

export interface ProfileListing {
  /** Live profiles, not the soft-deleted ones: the same array until the store changes. */
  readonly profiles: readonly StoredProfile[];
  /** Profile records in quarantine, from this read or earlier ones. */
  readonly quarantined: number;
}

export type VerificationRecord = NonNullable<StoredProfile['lastVerification']>;

export class ImportConflictError extends Error {
  constructor() {
    super('The saved profiles changed since the import was previewed.');
    this.name = 'ImportConflictError';
  }
}

export interface ProfileStore {
  list(): Promise<ProfileListing>;
  /** Live and soft-deleted records that parse. */
  all(): Promise<StoredProfile[]>;
  /** Live or soft-deleted; undefined when absent (or set aside as unreadable). */
  get(id: string): Promise<StoredProfile | undefined>;
  put(records: readonly StoredProfile[]): Promise<void>;
  /**
   * Writes an approved import in one transaction. Each profile it updates must still be there
   * and live, and an added one must not land on an id already taken (even by a deleted profile
   * that could still be restored); otherwise nothing is written (ImportConflictError).
   */
  commitImport(records: readonly StoredProfile[], updatedIds: readonly string[]): Promise<{ added: number; updated: number }>;
  /** Removes for good the profiles soft-deleted before `cutoff` (ISO time). */
  purgeDeleted(cutoff: string): Promise<number>;
  /**
   * Notes what CBP's file said about a live profile's bank details: sets `lastVerification` and,
   * on a match, `lastVerifiedAt`, in one transaction that leaves every other field (the account
   * cipher included) as stored. The updated record, or undefined when the profile is gone.
   */
  recordVerification(id: string, verification: VerificationRecord): Promise<StoredProfile | undefined>;
  /** Drops the in-memory copy, e.g. after a failure whose effect on the store is unknown. */
  forget(): void;
}

export function createProfileStore(database: () => Promise<AppDatabase>): ProfileStore {
  let cache: Promise<Map<string, StoredProfile>> | undefined;
  /** Bumped on every change to the cached records (or their loss): when `live` is stale. */
  let revision = 0;
  let live: { readonly revision: number; readonly profiles: readonly StoredProfile[] } | undefined;
  /** Only reads of this store move profile records to quarantine: counted again after those. */
  let quarantineCount: Promise<number> | undefined;

  function dropCache(): void {
    cache = undefined;
    quarantineCount = undefined;
    revision++;
  }

  function quarantined(): Promise<number> {
    if (!quarantineCount) {
      const counting = database().then((db) => countQuarantined(db, 'profiles'));
      quarantineCount = counting;
      counting.catch(() => {
        if (quarantineCount === counting) quarantineCount = undefined;
      });
    }
    return quarantineCount;
  }

  function records(): Promise<Map<string, StoredProfile>> {
    if (!cache) {
      const loading = timed(PROFILES_READ_MEASURE, async () => {
        const { records: parsed, quarantined: moved } = await readAllParsed(await database(), 'profiles', storedProfileSchema);
        if (moved > 0) quarantineCount = undefined;
        return new Map(parsed.map(({ value }) => [value.id, value]));
      });
      cache = loading;
      loading.catch(() => {
        if (cache === loading) dropCache();
      });
    }
    return cache;
  }

  /** Runs a write; on success applies `change` to the cached records, on failure drops them. */
  async function writing<T>(work: (db: AppDatabase) => Promise<T>, change: (cached: Map<string, StoredProfile>) => void): Promise<T> {
    const cached = cache;
    try {
      const result = await work(await database());
      if (cached && cache === cached) {
        change(await cached);
        revision++;
      }
      return result;
    } catch (error) {
      dropCache();
      throw error;
    }
  }

  return {
    async list() {
      const current = await records();
      // Nothing awaited between reading the map and noting the revision it is at.
      if (live?.revision !== revision) {
        live = { revision, profiles: [...current.values()].filter((profile) => !profile.deletedAt) };
      }
      return { profiles: live.profiles, quarantined: await quarantined() };
    },

    async all() {
      return [...(await records()).values()];
    },

    async get(id) {
      if (cache) return (await cache).get(id);
      try {
        return await readParsed(await database(), 'profiles', id, storedProfileSchema);
      } finally {
        // The read may have moved a damaged record to quarantine.
        quarantineCount = undefined;
      }
    },

    put: (written) =>
      writing(
        (db) =>
          writeTransaction(db, ['profiles'], async (transaction) => {
            // Requested all at once (they still run in order): one await per record would cost
            // a round trip to the database each, seconds for an import of thousands.
            await requestAll(written, (record) => transaction.store.put(record));
          }),
        (cached) => written.forEach((record) => cached.set(record.id, record)),
      ),

    commitImport: (written, updatedIds) => {
      const updating = new Set(updatedIds);
      return writing(
        (db) =>
          writeTransaction(db, ['profiles'], async (transaction) => {
            const current = await requestAll(written, (record) => transaction.store.get(record.id));
            written.forEach((record, i) => {
              const found = current[i];
              if (updating.has(record.id) ? !found || found.deletedAt : found) throw new ImportConflictError();
            });
            await requestAll(written, (record) => transaction.store.put(record));
            return { added: written.length - updating.size, updated: updating.size };
          }),
        (cached) => written.forEach((record) => cached.set(record.id, record)),
      );
    },

    async purgeDeleted(cutoff) {
      const expired = [...(await records()).values()].filter(
        (record) => record.deletedAt !== undefined && record.deletedAt < cutoff,
      );
      if (expired.length === 0) return 0;
      const purged: string[] = [];
      await writing(
        (db) =>
          writeTransaction(db, ['profiles'], async (transaction) => {
            for (const { id } of expired) {
              // Read again in the transaction: a restore since the listing keeps the profile.
              const current = storedProfileSchema.safeParse(await transaction.store.get(id));
              if (current.success && current.data.deletedAt !== undefined && current.data.deletedAt < cutoff) {
                await transaction.store.delete(id);
                purged.push(id);
              }
            }
          }),
        (cached) => purged.forEach((id) => cached.delete(id)),
      );
      return purged.length;
    },

    async recordVerification(id, verification) {
      let updated: StoredProfile | undefined;
      await writing(
        (db) =>
          writeTransaction(db, ['profiles'], async (transaction) => {
            // Read in the transaction: what is written back is the record as it is now.
            const current = storedProfileSchema.safeParse(await transaction.store.get(id));
            if (!current.success || current.data.deletedAt !== undefined) return;
            const record: StoredProfile = { ...current.data, lastVerification: { ...verification } };
            if (verification.result === 'match') record.lastVerifiedAt = verification.at;
            await transaction.store.put(record);
            updated = record;
          }),
        (cached) => {
          if (updated) cached.set(id, updated);
        },
      );
      return updated;
    },

    forget() {
      dropCache();
    },
  };
}
