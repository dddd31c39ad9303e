/**
 * The profiles store: reads parsed through the stored-profile schema (failures quarantined),
 * writes one transaction per logical change. Knows nothing of keys or crypto: records arrive
 * already sealed (profile-record.ts).
 *
 * The parsed records are kept in memory once read (ciphertext and all, exactly what IndexedDB
 * holds, nothing decrypted) and updated after each committed write, since the background is the
 * only writer. Reading and parsing 5,000 records costs a few hundred milliseconds in Chromium,
 * which the popup would otherwise pay on every opening while the worker is awake.
 */
import type { AppDatabase } from './database';
import { countQuarantined, readAllParsed, readParsed } from './quarantine';
import { storedProfileSchema, type StoredProfile } from './stored-records';
import { requestAll, writeTransaction } from './transactions';

export interface ProfileListing {
  /** Live profiles, not the soft-deleted ones. */
  readonly profiles: StoredProfile[];
  /** Profile records in quarantine, from this read or earlier ones. */
  readonly quarantined: number;
}

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
  /** Drops the in-memory copy, e.g. after a failure whose effect on the store is unknown. */
  forget(): void;
}

export function createProfileStore(database: () => Promise<AppDatabase>): ProfileStore {
  let cache: Promise<Map<string, StoredProfile>> | undefined;

  function records(): Promise<Map<string, StoredProfile>> {
    if (!cache) {
      const loading = (async () => {
        const { records: parsed } = await readAllParsed(await database(), 'profiles', storedProfileSchema);
        return new Map(parsed.map(({ value }) => [value.id, value]));
      })();
      cache = loading;
      loading.catch(() => {
        if (cache === loading) cache = undefined;
      });
    }
    return cache;
  }

  /** Runs a write; on success applies `change` to the cached records, on failure drops them. */
  async function writing<T>(work: (db: AppDatabase) => Promise<T>, change: (cached: Map<string, StoredProfile>) => void): Promise<T> {
    const cached = cache;
    try {
      const result = await work(await database());
      if (cached && cache === cached) change(await cached);
      return result;
    } catch (error) {
      cache = undefined;
      throw error;
    }
  }

  return {
    async list() {
      const all = [...(await records()).values()];
      return {
        profiles: all.filter((profile) => !profile.deletedAt),
        quarantined: await countQuarantined(await database(), 'profiles'),
      };
    },

    async all() {
      return [...(await records()).values()];
    },

    async get(id) {
      if (cache) return (await cache).get(id);
      return readParsed(await database(), 'profiles', id, storedProfileSchema);
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

    forget() {
      cache = undefined;
    },
  };
}
