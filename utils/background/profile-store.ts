/**
 * The profiles store: reads parsed through the stored-profile schema (failures quarantined),
 * writes one transaction per logical change, one change at a time. Knows nothing of keys or
 * crypto: records arrive already sealed (profile-record.ts).
 *
 * The parsed records are kept in memory once read (ciphertext and all, exactly what IndexedDB
 * holds, nothing decrypted) and updated after each committed write, since the background is the
 * only writer. Reading and parsing 5,000 records costs a few hundred milliseconds in Chromium,
 * which the popup would otherwise pay on every opening while the worker is awake. The list of live
 * profiles stays the same array until something changes, so whoever derives from it (the
 * popup's search index, profile-listing.ts) can tell by identity whether to derive again.
 *
 * Each write also puts the first page of the list (profile-list-head.ts) in the same
 * transaction, worked out from the records in memory with the change applied: a worker that has
 * just started answers the popup's first page from that one record, and a write that fails
 * leaves both as they were.
 */
import type { ProfileSummary } from '@/utils/messaging/shapes';
import type { AppDatabase } from './database';
import { listHeadOf, readListHead, sameListHead } from './profile-list-head';
import { countQuarantined, readAllParsed, readParsed } from './quarantine';
import { LIST_HEAD_RECORD, listHeadRecordSchema, storedProfileSchema, type StoredProfile } from './stored-records';
import { PROFILES_READ_MEASURE, timed } from './timing';
import { createSerialQueue, requestAll, writeTransaction, type WriteTransaction } from './transactions';

export interface LiveProfiles {
  /** Live profiles, not the soft-deleted ones: the same array until the store changes. */
  readonly profiles: readonly StoredProfile[];
  /** Profile records in quarantine, from this read or earlier ones. */
  readonly quarantined: number;
}

/** The first page of the list as kept beside the profiles. */
export interface StoredFirstPage {
  /** The first live profiles in list order (profile-list-order.ts), PROFILE_PAGE_SIZE at most. */
  readonly profiles: readonly ProfileSummary[];
  /** Every live profile. */
  readonly count: number;
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
  list(): Promise<LiveProfiles>;
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
  /** Whether the records are in memory, so that list() reads nothing from IndexedDB. */
  isRead(): boolean;
  /**
   * The first page of the list from its own record: one read, however many profiles there are.
   * Undefined until it has been built (after the first full read of a database that had none).
   */
  firstPage(): Promise<StoredFirstPage | undefined>;
}

type ProfilesWrite = WriteTransaction<['profiles', 'profileListHead']>;

export function createProfileStore(database: () => Promise<AppDatabase>): ProfileStore {
  let cache: Promise<Map<string, StoredProfile>> | undefined;
  /** `cache` once it has resolved: the records are in memory. */
  let settled: Promise<Map<string, StoredProfile>> | undefined;
  /** Bumped on every change to the cached records (or their loss): when `live` is stale. */
  let revision = 0;
  let live: { readonly revision: number; readonly profiles: readonly StoredProfile[] } | undefined;
  /** Only reads of this store move profile records to quarantine: counted again after those. */
  let quarantineCount: Promise<number> | undefined;
  /**
   * Writes, and the list head's upkeep, one at a time: each works out the next head from the
   * records the previous one left.
   */
  const serially = createSerialQueue();

  function dropCache(): void {
    cache = undefined;
    settled = undefined;
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

  /** Stores the head of what `source` read, unless it is already what is stored. */
  async function keepHeadOf(source: Promise<Map<string, StoredProfile>>): Promise<void> {
    // A newer read (or a write since) has its own upkeep.
    if (cache !== source) return;
    const head = listHeadOf((await source).values());
    await writeTransaction(await database(), ['profileListHead'], async (transaction) => {
      const stored = listHeadRecordSchema.safeParse(await transaction.store.get(LIST_HEAD_RECORD));
      if (!sameListHead(stored.success ? stored.data : undefined, head)) await transaction.store.put(head);
    });
  }

  function records(): Promise<Map<string, StoredProfile>> {
    if (!cache) {
      const loading = timed(PROFILES_READ_MEASURE, async () => {
        const { records: parsed, quarantined: moved } = await readAllParsed(await database(), 'profiles', storedProfileSchema);
        if (moved > 0) quarantineCount = undefined;
        return new Map(parsed.map(({ value }) => [value.id, value]));
      });
      cache = loading;
      loading.then(
        () => {
          if (cache !== loading) return;
          settled = loading;
          // Builds the head where there was none (a database from before it existed) and mends
          // one that lists a record this read set aside. It is derived: a failure here leaves
          // the stored one, and the next read tries again.
          serially(() => keepHeadOf(loading)).catch(() => {});
        },
        () => {
          if (cache === loading) dropCache();
        },
      );
    }
    return cache;
  }

  /**
   * Runs a write in one transaction with the list head: `work` makes the changes, `change`
   * applies them to a copy of the records in memory, whose head is written before the
   * transaction commits. On success the copy becomes the records in memory; on failure nothing
   * was written, and the records are read again when next needed.
   */
  function writing<T>(work: (transaction: ProfilesWrite) => Promise<T>, change: (records: Map<string, StoredProfile>) => void): Promise<T> {
    return serially(async () => {
      const base = records();
      try {
        const current = await base;
        let next: Map<string, StoredProfile> | undefined;
        const result = await writeTransaction(await database(), ['profiles', 'profileListHead'], async (transaction) => {
          const done = await work(transaction);
          next = new Map(current);
          change(next);
          await transaction.objectStore('profileListHead').put(listHeadOf(next.values()));
          return done;
        });
        if (cache === base && next) {
          cache = settled = Promise.resolve(next);
          revision++;
        }
        return result;
      } catch (error) {
        dropCache();
        throw error;
      }
    });
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
      let setAside = false;
      try {
        return await readParsed(await database(), 'profiles', id, storedProfileSchema, () => {
          setAside = true;
        });
      } finally {
        // The read may have moved a damaged record to quarantine: counted again, and the head
        // (which may list it) worked out again from a full read.
        quarantineCount = undefined;
        if (setAside) records().catch(() => {});
      }
    },

    put: (written) =>
      writing(
        async (transaction) => {
          // Requested all at once (they still run in order): one await per record would cost
          // a round trip to the database each, seconds for an import of thousands.
          const profiles = transaction.objectStore('profiles');
          await requestAll(written, (record) => profiles.put(record));
        },
        (records) => written.forEach((record) => records.set(record.id, record)),
      ),

    commitImport: (written, updatedIds) => {
      const updating = new Set(updatedIds);
      return writing(
        async (transaction) => {
          const profiles = transaction.objectStore('profiles');
          const current = await requestAll(written, (record) => profiles.get(record.id));
          written.forEach((record, i) => {
            const found = current[i];
            if (updating.has(record.id) ? !found || found.deletedAt : found) throw new ImportConflictError();
          });
          await requestAll(written, (record) => profiles.put(record));
          return { added: written.length - updating.size, updated: updating.size };
        },
        (records) => written.forEach((record) => records.set(record.id, record)),
      );
    },

    purgeDeleted(cutoff) {
      // Soft-deleted profiles only, found by their index: the purge runs as the worker starts,
      // where reading every profile would hold up the popup's first page. They are never in
      // the list, so the head stays as it is.
      return serially(async () => {
        const purged: string[] = [];
        const base = cache;
        try {
          await writeTransaction(await database(), ['profiles'], async (transaction) => {
            const expired = await transaction.store.index('by-deleted').getAllKeys(IDBKeyRange.upperBound(cutoff, true));
            for (const id of expired) {
              // Parsed before it goes: a record that does not read as a deleted profile stays.
              const current = storedProfileSchema.safeParse(await transaction.store.get(id));
              if (current.success && current.data.deletedAt !== undefined && current.data.deletedAt < cutoff) {
                await transaction.store.delete(id);
                purged.push(id);
              }
            }
          });
        } catch (error) {
          dropCache();
          throw error;
        }
        if (purged.length > 0 && base && cache === base) {
          const next = new Map(await base);
          purged.forEach((id) => next.delete(id));
          cache = settled = Promise.resolve(next);
          revision++;
        }
        return purged.length;
      });
    },

    async recordVerification(id, verification) {
      let updated: StoredProfile | undefined;
      await writing(
        async (transaction) => {
          const profiles = transaction.objectStore('profiles');
          // Read in the transaction: what is written back is the record as it is now.
          const current = storedProfileSchema.safeParse(await profiles.get(id));
          if (!current.success || current.data.deletedAt !== undefined) return;
          const record: StoredProfile = { ...current.data, lastVerification: { ...verification } };
          if (verification.result === 'match') record.lastVerifiedAt = verification.at;
          await profiles.put(record);
          updated = record;
        },
        (records) => {
          if (updated) records.set(id, updated);
        },
      );
      return updated;
    },

    forget() {
      dropCache();
    },

    isRead() {
      return settled !== undefined && cache === settled;
    },

    async firstPage() {
      const db = await database();
      const [head, setAside] = await Promise.all([readListHead(db), quarantined()]);
      return head && { profiles: head.profiles, count: head.count, quarantined: setAside };
    },
  };
}
