/**
 * FedACH directory import and lookup in the background. The options page parses the user's file
 * and sends the records in chunks; they are buffered here per import and committed at once. The
 * lookup keeps an index in memory, built on first use from IndexedDB and dropped on each import.
 */
import { bankMessage } from '@/utils/bank/messages';
import type { FedAchRecord } from '@/utils/bank/fedach-record';
import { buildFedAchIndex, type FedAchIndex } from '@/utils/bank/fedach-directory';
import { RequestError } from '@/utils/messaging/request-error';
import type { DirectoryStatus } from '@/utils/messaging/shapes';
import type { AppDatabase } from './database';
import { readDirectoryRecords, readDirectoryStatus, replaceDirectory } from './directory-store';

/** Far above the real directory's ~19,000 records; stops a runaway sender filling memory. */
export const MAX_DIRECTORY_RECORDS = 200_000;
export const IMPORT_BUFFER_TTL_MS = 10 * 60_000;

interface PendingImport {
  readonly sourceName: string;
  readonly startedAt: number;
  readonly records: FedAchRecord[];
}

export interface DirectoryService {
  begin(sourceName: string): string;
  addChunk(importId: string, records: readonly FedAchRecord[]): number;
  commit(importId: string): Promise<DirectoryStatus>;
  status(): Promise<DirectoryStatus | undefined>;
  /** The index, or undefined when no directory was imported. */
  index(): Promise<FedAchIndex | undefined>;
  /** Drops the index and the imports under way (the database was erased). */
  forget(): void;
}

export interface DirectoryServiceOptions {
  readonly database: () => Promise<AppDatabase>;
  readonly now: () => number;
  readonly newId: () => string;
}

const INTERRUPTED = 'The directory import was interrupted. Choose the file again to restart it.';

export function createDirectoryService({ database, now, newId }: DirectoryServiceOptions): DirectoryService {
  const pending = new Map<string, PendingImport>();
  let loaded: Promise<FedAchIndex | undefined> | undefined;

  function dropStale(): void {
    for (const [id, entry] of pending) if (now() - entry.startedAt > IMPORT_BUFFER_TTL_MS) pending.delete(id);
  }

  function pendingImport(importId: string): PendingImport {
    dropStale();
    const entry = pending.get(importId);
    if (!entry) throw new RequestError('not-found', INTERRUPTED);
    return entry;
  }

  return {
    forget() {
      pending.clear();
      loaded = undefined;
    },

    begin(sourceName) {
      dropStale();
      const importId = newId();
      // The file's name, shown in the options page and the activity log: kept short.
      pending.set(importId, { sourceName: sourceName.slice(0, 200), startedAt: now(), records: [] });
      return importId;
    },

    addChunk(importId, records) {
      const entry = pendingImport(importId);
      if (entry.records.length + records.length > MAX_DIRECTORY_RECORDS) {
        pending.delete(importId);
        throw new RequestError('invalid-import', `A FedACH directory has far fewer than ${MAX_DIRECTORY_RECORDS} records; this file is not one.`);
      }
      entry.records.push(...records);
      return entry.records.length;
    },

    async commit(importId) {
      const entry = pendingImport(importId);
      pending.delete(importId);
      // The first record of a routing number wins, as in the parsers and the index.
      const records = [...buildFedAchIndex(entry.records).values()];
      if (records.length === 0) throw new RequestError('invalid-import', bankMessage('fedach.no-records'));
      let newestChangeDate: string | undefined;
      for (const record of records) {
        if (record.changeDate && (!newestChangeDate || record.changeDate > newestChangeDate)) newestChangeDate = record.changeDate;
      }
      const status: DirectoryStatus = {
        recordCount: records.length,
        importedAt: new Date(now()).toISOString(),
        sourceName: entry.sourceName,
      };
      if (newestChangeDate) status.newestChangeDate = newestChangeDate;
      await replaceDirectory(await database(), records, status);
      loaded = Promise.resolve(buildFedAchIndex(records));
      return status;
    },

    async status() {
      return readDirectoryStatus(await database());
    },

    index() {
      if (!loaded) {
        const loading = (async () => {
          const db = await database();
          if (!(await readDirectoryStatus(db))) return undefined;
          return buildFedAchIndex(await readDirectoryRecords(db));
        })();
        loaded = loading;
        loading.catch(() => {
          if (loaded === loading) loaded = undefined;
        });
      }
      return loaded;
    },
  };
}
