/**
 * For bench/enrollment.bench.ts, in Node: the background's other share of enrollment/list,
 * reading and decrypting every importer's history (background/verification-store.ts readAll)
 * over fake-indexeddb, with WebCrypto's AES-GCM as the service worker has it. fake-indexeddb is
 * slower than a browser's IndexedDB, so this is an upper bound for the read; the decryption and
 * parsing are the real code's.
 */
// idb checks results against the IndexedDB globals, which Node has only from the fake.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openAppDatabase } from '../utils/background/database';
import { createVerificationStore } from '../utils/background/verification-store';
import type { VerificationEvent } from '../utils/enrollment/verification-event';
import { createDataKey } from '../utils/vault/data-key';
import { encryptField } from '../utils/vault/field-cipher';

/** Milliseconds of each readAll of the histories, sealed as the store seals them. */
export async function timeHistoryReads(histories: ReadonlyMap<string, readonly VerificationEvent[]>, runs: number): Promise<number[]> {
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
  const times: number[] = [];
  for (let run = 0; run < runs + 1; run++) {
    const started = performance.now();
    const read = await store.readAll(key);
    if (read.size !== histories.size) throw new Error(`read ${read.size} histories of ${histories.size}`);
    if (run > 0) times.push(performance.now() - started);
  }
  database.close();
  return times;
}
