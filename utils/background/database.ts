/**
 * The background's IndexedDB database: its stores and the migrations that build them, one step
 * per version, applied in order from whatever version a user's browser holds. Only the
 * background opens it; content scripts never do (theirs would be the page's database).
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type {
  ActivityRecord,
  DirectoryChunk,
  DirectoryMetaRecord,
  ListHeadRecord,
  QuarantineRecord,
  SettingRecord,
  StoredProfile,
  VaultMetaRecord,
  VerificationRecord,
  EnrollmentDigestRecord,
} from './stored-records';

export const DATABASE_NAME = 'ace-ach-assist';

export interface AppSchema extends DBSchema {
  /** `by-deleted` lists only soft-deleted profiles (an index skips records without the field). */
  profiles: { key: string; value: StoredProfile; indexes: { 'by-deleted': string } };
  settings: { key: string; value: SettingRecord };
  vaultMeta: { key: string; value: VaultMetaRecord };
  /** The FedACH directory in chunks of records: tens of thousands of single puts are too slow. */
  directory: { key: number; value: DirectoryChunk };
  directoryMeta: { key: string; value: DirectoryMetaRecord };
  activityLog: { key: number; value: ActivityRecord };
  quarantine: { key: number; value: QuarantineRecord; indexes: { 'by-store': string } };
  /** One record: the first page of the profile list, so a worker that just started need not read every profile. */
  profileListHead: { key: string; value: ListHeadRecord };
  /** Per importer number: what its ACH tab showed, and each fill and Save (background/verification-store.ts). */
  verifications: { key: string; value: VerificationRecord };
  /** One record: every importer's history digest, what the status page reads (verification-store.ts). */
  enrollmentDigest: { key: string; value: EnrollmentDigestRecord };
}

export type AppDatabase = IDBPDatabase<AppSchema>;
export type AppStoreName = StoreNames<AppSchema>;
type UpgradeTransaction = IDBPTransaction<AppSchema, AppStoreName[], 'versionchange'>;
type Migration = (database: AppDatabase, transaction: UpgradeTransaction) => void;

/**
 * MIGRATIONS[n] takes the database from version n to n + 1. Append only: a released step never
 * changes, since browsers out there already ran it.
 */
export const MIGRATIONS: readonly Migration[] = [
  // v1: profiles, settings and the vault's key.
  (database) => {
    database.createObjectStore('profiles', { keyPath: 'id' });
    database.createObjectStore('settings', { keyPath: 'key' });
    database.createObjectStore('vaultMeta', { keyPath: 'key' });
  },
  // v2: the FedACH directory, the activity log and the quarantine for unreadable records.
  (database) => {
    database.createObjectStore('directory', { keyPath: 'chunk' });
    database.createObjectStore('directoryMeta', { keyPath: 'key' });
    database.createObjectStore('activityLog', { autoIncrement: true });
    const quarantine = database.createObjectStore('quarantine', { autoIncrement: true });
    quarantine.createIndex('by-store', 'store');
  },
  // v3: the first page of the profile list (built on first need from the profiles), and the
  // soft-deleted profiles by deletion time, so the purge reads those alone.
  (database, transaction) => {
    database.createObjectStore('profileListHead', { keyPath: 'key' });
    transaction.objectStore('profiles').createIndex('by-deleted', 'deletedAt');
  },
  // v4: the verification histories of the status page, one record per importer number, and
  // their digest in one record.
  (database) => {
    database.createObjectStore('verifications', { keyPath: 'importerNumber' });
    database.createObjectStore('enrollmentDigest', { keyPath: 'key' });
  },
];

export const DATABASE_VERSION = MIGRATIONS.length;

export interface OpenOptions {
  /** Tests build older versions to check the upgrade from them. */
  readonly version?: number;
  readonly name?: string;
}

/**
 * Opens (and upgrades) the database. idb's openDB always uses the global indexedDB, so this is
 * its twin over a given factory: tests pass a fresh fake-indexeddb IDBFactory each.
 */
export function openAppDatabase(
  factory: IDBFactory = globalThis.indexedDB,
  { version = DATABASE_VERSION, name = DATABASE_NAME }: OpenOptions = {},
): Promise<AppDatabase> {
  const request = factory.open(name, version);
  request.addEventListener('upgradeneeded', (event) => {
    const database = wrap(request.result) as unknown as AppDatabase;
    const transaction = wrap(request.transaction!) as unknown as UpgradeTransaction;
    for (let step = event.oldVersion; step < (event.newVersion ?? version); step++) {
      MIGRATIONS[step]!(database, transaction);
    }
  });
  return wrap(request) as unknown as Promise<AppDatabase>;
}

/**
 * One shared connection, opened on first use and opened again after it closes (the browser may
 * close it, or a newer copy of the extension asks for an upgrade, which this steps aside for).
 */
export function createDatabaseConnection(factory?: IDBFactory): () => Promise<AppDatabase> {
  let connection: Promise<AppDatabase> | undefined;
  return () => {
    if (!connection) {
      const opening = openAppDatabase(factory);
      connection = opening;
      const forget = () => {
        if (connection === opening) connection = undefined;
      };
      opening.then(
        (database) => {
          database.addEventListener('close', forget);
          database.addEventListener('versionchange', () => {
            database.close();
            forget();
          });
        },
        forget,
      );
    }
    return connection;
  };
}
