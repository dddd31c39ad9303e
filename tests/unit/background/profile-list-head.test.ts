/**
 * The first page of the profile list kept in its own record (profile-list-head.ts): after every
 * kind of write it is what a full listing of the stored profiles gives; a write that fails
 * leaves it and the profiles as they were; a database from before it existed gets it built; and
 * a worker that has just started answers the popup's first page from it alone, never while
 * locked.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openAppDatabase } from '@/utils/background/database';
import { readListHead } from '@/utils/background/profile-list-head';
import { createProfileListing } from '@/utils/background/profile-listing';
import { summarizeProfile } from '@/utils/background/profile-record';
import { createProfileStore } from '@/utils/background/profile-store';
import { storedProfileSchema } from '@/utils/background/stored-records';
import { PROFILE_PAGE_SIZE } from '@/utils/messaging/protocol';
import { compareListOrder } from '@/utils/background/profile-list-order';
import { dumpDatabase, makeHarness, PASSPHRASE, rejection, sampleProfile, unlockedHarness, type Harness } from './harness';
import { previewFile } from './import-file';

beforeEach(() => {
  fakeBrowser.reset();
});

const CSV_HEADER = 'label,importer_name,importer_numbers,bank_name,routing_number,account_number,account_type,account_holder_name';

/** `count` profiles numbered from `first`, as a CSV import file; labels sort as numbers ("Item 9" before "Item 10"). */
function profilesCsv(count: number, first = 1, bank = 'JPMORGAN CHASE BANK'): string {
  const lines = [CSV_HEADER];
  for (let n = first; n < first + count; n++) {
    const suffix = String(n % 100).padStart(2, '0');
    const base = String(10_000_000 + n).slice(-7);
    lines.push(`Item ${n},Item ${n} LLC,12-${base}${suffix},${bank},021000021,55556666${String(n).padStart(4, '0')},checking,Item ${n} LLC`);
  }
  return lines.join('\n');
}

async function importCsv(call: Harness['call'], csv: string): Promise<void> {
  const { check, preview } = await previewFile(call, csv, 'profiles.csv');
  if (!preview) throw new Error(`import refused: ${JSON.stringify(check)}`);
  await call('import/commit', { token: preview.token });
}

/**
 * What is stored: the head record, and the first page and count a full listing of the stored
 * profile records gives (read straight from IndexedDB, not from the app's memory).
 */
async function stored(factory: IDBFactory) {
  const db = await openAppDatabase(factory);
  const head = await readListHead(db);
  const live = (await db.getAll('profiles')).map((record) => storedProfileSchema.parse(record)).filter((record) => !record.deletedAt);
  db.close();
  const ordered = [...live].sort(compareListOrder).map(summarizeProfile);
  return { head, full: { profiles: ordered.slice(0, PROFILE_PAGE_SIZE), count: ordered.length } };
}

async function expectInStep({ factory, call }: Harness, step: string): Promise<void> {
  const { head, full } = await stored(factory);
  expect(head, step).toBeDefined();
  expect({ profiles: head!.profiles, count: head!.count }, step).toEqual(full);
  // The app's own full listing says the same.
  const listed = await call('profiles/list', {});
  expect({ profiles: listed.profiles.slice(0, PROFILE_PAGE_SIZE), count: listed.count }, step).toEqual(full);
}

const labels = (profiles: readonly { label: string }[]) => profiles.map((profile) => profile.label);

describe('the first page kept beside the profiles', () => {
  it('stays what a full listing gives after every kind of write', async () => {
    const harness = await unlockedHarness();
    const { call, app, clock } = harness;

    await importCsv(call, profilesCsv(60));
    await expectInStep(harness, 'import of 60');
    expect((await stored(harness.factory)).head!.profiles).toHaveLength(PROFILE_PAGE_SIZE);

    const aaron = (await call('profiles/save', { profile: sampleProfile({ label: 'Aaron' }) })).profile;
    await expectInStep(harness, 'a new profile that sorts first');

    // The same label but for case: their ids keep them in one order.
    await call('profiles/save', { profile: sampleProfile({ label: 'acme' }) });
    await call('profiles/save', { profile: sampleProfile({ label: 'ACME' }) });
    await expectInStep(harness, 'two profiles with the same label');

    // A profile leaves the first page: the next one moves up into it.
    const { profile: opened } = await call('profiles/get', { id: aaron.id });
    await call('profiles/save', { id: aaron.id, profile: { ...opened, label: 'Zulu' } });
    await expectInStep(harness, 'renamed out of the first page');

    const [first, second] = (await call('profiles/list', { limit: 2 })).profiles;
    await call('profiles/delete', { id: first!.id });
    await expectInStep(harness, 'deleted');
    await call('profiles/restore', { id: first!.id });
    await expectInStep(harness, 'restored');

    const verified = await app.services.profiles.recordVerification(second!.id, { at: new Date(clock.now).toISOString(), result: 'match' });
    expect(verified?.lastVerifiedAt).toBeDefined();
    await expectInStep(harness, 'verification recorded');
    expect((await stored(harness.factory)).head!.profiles.find((profile) => profile.id === second!.id)?.lastVerification?.result).toBe('match');

    // Updates (same labels, another bank) and additions in one import.
    await importCsv(call, profilesCsv(8, 55, 'BANK OF AMERICA'));
    await expectInStep(harness, 'import that updates and adds');

    await call('vault/change-passphrase', { current: PASSPHRASE, next: 'a brand new passphrase' });
    await expectInStep(harness, 'passphrase changed');

    await call('profiles/delete', { id: first!.id });
    clock.advance(25 * 60 * 60_000);
    await app.startup();
    await call('vault/unlock', { passphrase: 'a brand new passphrase' });
    const { profiles: left } = JSON.parse(await dumpDatabase(harness.factory)) as { profiles: { id: string }[] };
    expect(left.map((record) => record.id)).not.toContain(first!.id);
    await expectInStep(harness, 'purged');
  });

  it('keeps the profiles and the first page as they were when the write fails, the first page included', async () => {
    const harness = await unlockedHarness();
    const { call, factory } = harness;
    await importCsv(call, profilesCsv(55));
    const before = JSON.parse(await dumpDatabase(factory));
    const listedBefore = await call('profiles/list', {});

    // The head's own write fails: the profile's is undone with it.
    const put = IDBObjectStore.prototype.put;
    const failing = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'profileListHead') throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    try {
      expect((await rejection(call('profiles/save', { profile: sampleProfile({ label: 'Aaa first' }) }))).code).toBe('internal');
      const [shown] = listedBefore.profiles;
      const { profile } = await call('profiles/get', { id: shown!.id });
      expect((await rejection(call('profiles/save', { id: shown!.id, profile: { ...profile, label: 'Zzz last' } }))).code).toBe('internal');
      expect((await rejection(call('profiles/delete', { id: shown!.id }))).code).toBe('internal');
    } finally {
      failing.mockRestore();
    }
    const after = JSON.parse(await dumpDatabase(factory));
    expect(after.profiles).toEqual(before.profiles);
    expect(after.profileListHead).toEqual(before.profileListHead);
    expect(await call('profiles/list', {})).toEqual(listedBefore);
    await expectInStep(harness, 'after the failures');

    // A profile's write fails half-way through an import: the head stays too.
    let puts = 0;
    const halfway = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'profiles' && ++puts === 3) throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    try {
      const { preview } = await previewFile(call, profilesCsv(5, 100), 'profiles.csv');
      expect((await rejection(call('import/commit', { token: preview!.token }))).code).toBe('internal');
    } finally {
      halfway.mockRestore();
    }
    expect(JSON.parse(await dumpDatabase(factory))).toMatchObject({ profiles: before.profiles, profileListHead: before.profileListHead });

    // The store works on after the failures, the head in step.
    await call('profiles/save', { profile: sampleProfile({ label: 'Aaa first' }) });
    await expectInStep(harness, 'a write after the failures');
  });

  it('is built for a database from before it existed, whose vault opens as it did', async () => {
    // An existing user's records, as this version writes them (and version 2 held them).
    const writer = await unlockedHarness();
    await importCsv(writer.call, profilesCsv(57));
    const written = JSON.parse(await dumpDatabase(writer.factory)) as { profiles: unknown[]; vaultMeta: unknown[] };

    const factory = new IDBFactory();
    const v2 = await openAppDatabase(factory, { version: 2 });
    expect([...v2.objectStoreNames]).not.toContain('profileListHead');
    for (const record of written.profiles) await v2.put('profiles', record as never);
    for (const record of written.vaultMeta) await v2.put('vaultMeta', record as never);
    v2.close();

    // The browser still holds the unlocked key (storage.session): the next worker opens v2.
    const upgraded = makeHarness({ indexedDB: factory });
    const firstPage = await upgraded.call('profiles/list', { offset: 0, limit: PROFILE_PAGE_SIZE });
    const { full } = await stored(factory);
    expect({ profiles: firstPage.profiles, count: firstPage.count }).toEqual(full);
    await expect.poll(async () => (await stored(factory)).head !== undefined).toBe(true);
    await expectInStep(upgraded, 'built after the upgrade');
    expect((await upgraded.call('profiles/get', { id: full.profiles[0]!.id })).profile.accountNumber).toMatch(/^55556666\d{4}$/);

    // And the next worker answers the first page from it.
    const next = makeHarness({ indexedDB: factory });
    expect(await next.call('profiles/list', { offset: 0, limit: PROFILE_PAGE_SIZE })).toEqual(firstPage);
  });

  it('is built again when damaged, and lists no record a full read set aside', async () => {
    const harness = await unlockedHarness();
    await importCsv(harness.call, profilesCsv(12));
    const db = await openAppDatabase(harness.factory);
    const [victim] = (await readListHead(db))!.profiles;
    await db.put('profileListHead', { key: 'first-page', version: 1, count: 'many', profiles: [] } as never);
    await db.put('profiles', { ...(await db.get('profiles', victim!.id))!, label: 42 } as never);
    db.close();

    // A new worker: the damaged head is not used; the full read sets the record aside.
    const next = makeHarness({ indexedDB: harness.factory });
    const listed = await next.call('profiles/list', { offset: 0, limit: PROFILE_PAGE_SIZE });
    expect(listed.quarantined).toBe(1);
    expect(labels(listed.profiles)).not.toContain(victim!.label);
    await expect.poll(async () => (await stored(harness.factory)).head?.count).toBe(11);
    await expectInStep(next, 'rebuilt');
  });
});

describe('the first page for a worker that has just started', () => {
  it('comes from its own record; the rest is read once it has been answered', async () => {
    const harness = await unlockedHarness();
    await importCsv(harness.call, profilesCsv(70));
    const expected = await harness.call('profiles/list', { offset: 0, limit: PROFILE_PAGE_SIZE });

    const store = createProfileStore(() => openAppDatabase(harness.factory));
    const later: (() => void)[] = [];
    const listing = createProfileListing(store, (task) => later.push(task));
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    try {
      const first = await listing.page({ query: '', offset: 0, limit: PROFILE_PAGE_SIZE });
      expect({ profiles: first.profiles, total: first.total, count: first.count, quarantined: first.quarantined }).toEqual({
        profiles: expected.profiles,
        total: 70,
        count: 70,
        quarantined: 0,
      });
      expect(getAll.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'profiles')).toHaveLength(0);
      expect(store.isRead()).toBe(false);
      // A smaller first page, and a blank query, are answered from it too.
      expect(labels((await listing.page({ query: '  ', limit: 3 })).profiles)).toEqual(labels(expected.profiles.slice(0, 3)));
      expect(getAll.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'profiles')).toHaveLength(0);

      // After the answer: every profile read, then the next page and searches come from them.
      for (const task of later.splice(0)) task();
      await vi.waitFor(() => expect(store.isRead()).toBe(true));
      expect(getAll.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'profiles')).toHaveLength(1);
      expect(labels((await listing.page({ offset: PROFILE_PAGE_SIZE, limit: PROFILE_PAGE_SIZE })).profiles)).toHaveLength(20);
      expect(labels((await listing.page({ query: 'item 7', limit: PROFILE_PAGE_SIZE })).profiles)).toContain('Item 70');
    } finally {
      getAll.mockRestore();
    }
  });

  it('asks for every profile when the request is not the first page', async () => {
    const harness = await unlockedHarness();
    await importCsv(harness.call, profilesCsv(3));
    for (const request of [{ query: 'item', limit: 10 }, { offset: 1, limit: 10 }, {}, { limit: PROFILE_PAGE_SIZE + 1 }]) {
      const store = createProfileStore(() => openAppDatabase(harness.factory));
      const firstPage = vi.spyOn(store, 'firstPage');
      await createProfileListing(store, () => {}).page(request);
      expect(firstPage, JSON.stringify(request)).not.toHaveBeenCalled();
      expect(store.isRead(), JSON.stringify(request)).toBe(true);
    }
  });

  it('shows nothing while the vault is locked, from its record or otherwise', async () => {
    const harness = await unlockedHarness();
    await importCsv(harness.call, profilesCsv(3));
    await harness.call('vault/lock', {});
    const next = makeHarness({ indexedDB: harness.factory });
    expect((await rejection(next.call('profiles/list', { offset: 0, limit: PROFILE_PAGE_SIZE }))).code).toBe('locked');
    expect((await next.call('vault/status', {})).state).toBe('locked');
  });
});
