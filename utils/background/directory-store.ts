/**
 * The imported FedACH directory in IndexedDB: records in chunks (one put per few thousand
 * records keeps a 20,000-record import well under the 2 s target) and one metadata record.
 * An import replaces the previous directory in a single transaction.
 */
import type { FedAchRecord } from '@/utils/bank/fedach-record';
import type { DirectoryStatus } from '@/utils/messaging/shapes';
import type { AppDatabase } from './database';
import { readAllParsed, readParsed } from './quarantine';
import { DIRECTORY_META_RECORD, directoryChunkSchema, directoryMetaRecordSchema } from './stored-records';
import { writeTransaction } from './transactions';

export const DIRECTORY_CHUNK_SIZE = 5_000;

export async function replaceDirectory(
  database: AppDatabase,
  records: readonly FedAchRecord[],
  status: DirectoryStatus,
): Promise<void> {
  await writeTransaction(database, ['directory', 'directoryMeta'], async (transaction) => {
    const chunks = transaction.objectStore('directory');
    await chunks.clear();
    for (let start = 0, chunk = 0; start < records.length; start += DIRECTORY_CHUNK_SIZE, chunk++) {
      await chunks.put({ chunk, records: records.slice(start, start + DIRECTORY_CHUNK_SIZE) });
    }
    await transaction.objectStore('directoryMeta').put({ key: DIRECTORY_META_RECORD, ...status });
  });
}

export async function readDirectoryStatus(database: AppDatabase): Promise<DirectoryStatus | undefined> {
  const record = await readParsed(database, 'directoryMeta', DIRECTORY_META_RECORD, directoryMetaRecordSchema);
  if (!record) return undefined;
  const { key: _key, ...status } = record;
  return status;
}

export async function readDirectoryRecords(database: AppDatabase): Promise<FedAchRecord[]> {
  const { records } = await readAllParsed(database, 'directory', directoryChunkSchema);
  return records.flatMap((chunk) => chunk.value.records as FedAchRecord[]);
}
