/**
 * Reading records through their schema. A record that fails to parse is moved, in one
 * transaction, to the quarantine store with the reasons, so the rest of the data stays usable
 * and the bad record is kept for recovery rather than silently dropped or half-used.
 */
import type { IDBPDatabase } from 'idb';
import type { z } from 'zod/mini';
import type { AppDatabase, AppStoreName } from './database';
import type { QuarantineRecord } from './stored-records';

export interface KeyedRecord<T> {
  readonly key: IDBValidKey;
  readonly value: T;
}

export interface ParsedStore<T> {
  readonly records: KeyedRecord<T>[];
  /** How many records this read set aside. */
  readonly quarantined: number;
}

type Schema<T> = z.ZodMiniType<T>;

/** Reasons without the values themselves: a damaged profile may still hold private data. */
export function describeIssues(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(record)'}: ${issue.message}`);
}

// The stores are addressed by name at run time here, so idb's per-store typing is set aside.
function untyped(database: AppDatabase): IDBPDatabase {
  return database as unknown as IDBPDatabase;
}

/** Every record of a store, parsed, in key order; failures go to quarantine. */
export async function readAllParsed<T>(database: AppDatabase, store: AppStoreName, schema: Schema<T>): Promise<ParsedStore<T>> {
  const transaction = untyped(database).transaction(store, 'readonly');
  const [keys, values] = await Promise.all([transaction.store.getAllKeys(), transaction.store.getAll()]);
  await transaction.done;
  const records: KeyedRecord<T>[] = [];
  const failed: IDBValidKey[] = [];
  values.forEach((value: unknown, i) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) records.push({ key: keys[i]!, value: parsed.data });
    else failed.push(keys[i]!);
  });
  const quarantined = failed.length ? await quarantineKeys(database, store, failed, schema) : 0;
  return { records, quarantined };
}

/**
 * One record, parsed; undefined when absent or when it failed and was set aside (then
 * `onSetAside` is told).
 */
export async function readParsed<T>(
  database: AppDatabase,
  store: AppStoreName,
  key: IDBValidKey,
  schema: Schema<T>,
  onSetAside?: () => void,
): Promise<T | undefined> {
  const value: unknown = await untyped(database).get(store, key);
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  if ((await quarantineKeys(database, store, [key], schema)) > 0) onSetAside?.();
  return undefined;
}

/**
 * Moves the records at `keys` that still fail `schema` to quarantine. Each is read again inside
 * the moving transaction, so one fixed by a write in between is left where it is.
 */
export async function quarantineKeys<T>(
  database: AppDatabase,
  store: AppStoreName,
  keys: readonly IDBValidKey[],
  schema: Schema<T>,
  now: () => Date = () => new Date(),
): Promise<number> {
  const transaction = untyped(database).transaction([store, 'quarantine'], 'readwrite');
  let moved = 0;
  for (const key of keys) {
    const value: unknown = await transaction.objectStore(store).get(key);
    if (value === undefined) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) continue;
    const entry: QuarantineRecord = { store, key, record: value, problems: describeIssues(parsed.error), at: now().toISOString() };
    await transaction.objectStore('quarantine').add(entry);
    await transaction.objectStore(store).delete(key);
    moved++;
  }
  await transaction.done;
  return moved;
}

/** How many records from `store` sit in quarantine. */
export function countQuarantined(database: AppDatabase, store: AppStoreName): Promise<number> {
  return database.countFromIndex('quarantine', 'by-store', store);
}
