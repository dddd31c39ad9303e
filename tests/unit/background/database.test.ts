import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DATABASE_NAME, DATABASE_VERSION, MIGRATIONS, openAppDatabase } from '@/utils/background/database';
import { makeHarness, PASSPHRASE } from './harness';

beforeEach(() => {
  fakeBrowser.reset();
});

/** idb's openDB on a given factory: it otherwise always uses the global indexedDB. */
async function withGlobalFactory<T>(factory: IDBFactory, work: () => Promise<T>): Promise<T> {
  const saved = globalThis.indexedDB;
  globalThis.indexedDB = factory;
  try {
    return await work();
  } finally {
    globalThis.indexedDB = saved;
  }
}

const ALL_STORES = ['activityLog', 'directory', 'directoryMeta', 'profileListHead', 'profiles', 'quarantine', 'settings', 'vaultMeta', 'verifications', 'enrollmentDigest'].sort();

describe('database schema', () => {
  it('creates every store on a fresh install', async () => {
    const db = await openAppDatabase(new IDBFactory());
    expect(db.version).toBe(DATABASE_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
    expect([...db.transaction('quarantine').store.indexNames]).toEqual(['by-store']);
    expect([...db.transaction('profiles').store.indexNames]).toEqual(['by-deleted']);
    db.close();
  });

  it('has one migration step per version', () => {
    expect(MIGRATIONS.length).toBe(DATABASE_VERSION);
    expect(DATABASE_VERSION).toBeGreaterThanOrEqual(2);
  });
});

describe('upgrade from version 1', () => {
  it('keeps a v1 database written by raw idb and adds the new stores', async () => {
    const factory = new IDBFactory();
    // Version 1 as it shipped: profiles, settings, vaultMeta, written here by hand.
    const v1Profile = {
      schemaVersion: 1,
      id: 'p-1',
      label: 'Acme',
      importerName: 'Acme Imports LLC',
      importerNumbers: ['12-345678900'],
      bankName: 'JPMORGAN CHASE BANK',
      routingNumber: '021000021',
      accountType: 'checking',
      accountHolderName: 'Acme Imports LLC',
      accountLast4: '6789',
      accountCipher: { iv: 'AAAAAAAAAAAAAAAA', data: 'AAAAAAAAAAAAAAAAAAAAAA==' },
      createdAt: '2026-01-05T09:00:00.000Z',
      updatedAt: '2026-01-05T09:00:00.000Z',
    };
    await withGlobalFactory(factory, async () => {
      const v1 = await openDB(DATABASE_NAME, 1, {
        upgrade(db) {
          db.createObjectStore('profiles', { keyPath: 'id' });
          db.createObjectStore('settings', { keyPath: 'key' });
          db.createObjectStore('vaultMeta', { keyPath: 'key' });
        },
      });
      await v1.put('profiles', v1Profile);
      await v1.put('settings', { key: 'autoLockMinutes', value: 30 });
      v1.close();
    });

    const db = await openAppDatabase(factory);
    expect(db.version).toBe(DATABASE_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
    expect(await db.get('profiles', 'p-1')).toEqual(v1Profile);
    expect(await db.get('settings', 'autoLockMinutes')).toEqual({ key: 'autoLockMinutes', value: 30 });
    db.close();
  });

  it('upgrades from every earlier version with its data kept and readable by the app', async () => {
    for (let version = 1; version < DATABASE_VERSION; version++) {
      const factory = new IDBFactory();
      const old = await openAppDatabase(factory, { version });
      expect(old.version).toBe(version);
      await old.put('settings', { key: 'autoLockMinutes', value: 42 });
      old.close();

      const { call } = makeHarness({ indexedDB: factory });
      expect(await call('settings/get', {})).toMatchObject({ autoLockMinutes: 42 });
      // The stores the newer versions added work at once.
      await call('vault/setup', { passphrase: PASSPHRASE });
      expect((await call('activity/list', {})).entries.map((entry) => entry.action)).toEqual(['vault-setup']);
      expect((await call('directory/status', {})).status).toBeNull();
    }
  });
});
