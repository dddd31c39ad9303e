/**
 * The two rules every write follows. One logical change is one IndexedDB transaction, aborted on
 * any error so the previous state stays whole (idb would otherwise commit the requests already
 * made once the callback throws). And changes to the same data run one after another, because a
 * change that reads, encrypts and then writes cannot hold a transaction open across the crypto.
 */
import type { IDBPTransaction } from 'idb';
import type { AppDatabase, AppSchema, AppStoreName } from './database';

export type WriteTransaction<Names extends AppStoreName[]> = IDBPTransaction<AppSchema, Names, 'readwrite'>;

/**
 * Runs `work` in one readwrite transaction and resolves once it has committed. `work` may await
 * only requests of this transaction: awaiting anything else lets the transaction commit early.
 */
export async function writeTransaction<const Names extends AppStoreName[], T>(
  database: AppDatabase,
  stores: Names,
  work: (transaction: WriteTransaction<Names>) => Promise<T>,
): Promise<T> {
  const transaction = database.transaction(stores, 'readwrite');
  try {
    const result = await work(transaction);
    await transaction.done;
    return result;
  } catch (error) {
    try {
      transaction.abort();
    } catch {
      // Already finished or aborted by the failing request itself.
    }
    await transaction.done.catch(() => {});
    throw error;
  }
}

/** Runs tasks one at a time in the order they were queued; a failed task does not stop the queue. */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => {});
    return run;
  };
}

/**
 * Makes one request per item at once (they still run in order) and waits for all. When making
 * one throws before it is queued, the requests already made are settled quietly: the aborting
 * transaction rejects them, and nobody else is listening.
 */
export async function requestAll<I, T>(items: readonly I[], request: (item: I) => Promise<T>): Promise<T[]> {
  const pending: Promise<T>[] = [];
  try {
    for (const item of items) pending.push(request(item));
  } catch (error) {
    for (const made of pending) made.catch(() => {});
    throw error;
  }
  return Promise.all(pending);
}
