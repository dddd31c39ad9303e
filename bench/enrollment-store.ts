/**
 * For bench/enrollment.bench.ts, in Node: the background's other share of enrollment/list, over
 * fake-indexeddb with WebCrypto's AES-GCM as the service worker has it: reading the one digest
 * record (background/verification-store.ts readDigests, what a worker that has just started
 * does), and building it from every importer's history (readAll, when the digest is missing).
 * fake-indexeddb is slower than a browser's IndexedDB, so these are upper bounds for the reads;
 * the decryption and parsing are the real code's.
 */
// idb checks results against the IndexedDB globals, which Node has only from the fake.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openAppDatabase } from '../utils/background/database';
import { createVerificationStore } from '../utils/background/verification-store';
import type { VerificationEvent } from '../utils/enrollment/verification-event';
import { createDataKey } from '../utils/vault/data-key';
import { encryptField } from '../utils/vault/field-cipher';

/** Milliseconds of each read of the digest record, and of each build of it from the histories (sealed as the store seals them). */
export async function timeHistoryReads(
  histories: ReadonlyMap<string, readonly VerificationEvent[]>,
  runs: number,
): Promise<{ digest: number[]; histories: number[] }> {
  const database = await openAppDatabase(new IDBFactory());
  const key = await createDataKey();
  const records = await Promise.all(
    [...histories].map(async ([importerNumber, history]) => ({
      importerNumber,
      history: await encryptField(key, JSON.stringify(history), `ace-ach-assist/verifications/${importerNumber}`),
      updatedAt: history.at(-1)?.at ?? new Date(0).toISOString(),
    })),
  );
  // One transaction with no await inside: it would commit while the encryption awaited.
  const transaction = database.transaction('verifications', 'readwrite');
  for (const record of records) void transaction.store.put(record);
  await transaction.done;
  const store = createVerificationStore(async () => database);
  const times = { digest: [] as number[], histories: [] as number[] };
  for (let run = 0; run < runs + 1; run++) {
    let started = performance.now();
    const read = await store.readAll(key);
    if (read.size !== histories.size) throw new Error(`read ${read.size} histories of ${histories.size}`);
    if (run > 0) times.histories.push(performance.now() - started);
    // The first readDigests builds and writes the record; the later ones read it.
    started = performance.now();
    const digests = await store.readDigests(key);
    if (digests.size !== histories.size) throw new Error(`read ${digests.size} digests of ${histories.size}`);
    if (run > 0) times.digest.push(performance.now() - started);
  }
  database.close();
  return times;
}
