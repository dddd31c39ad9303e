/**
 * profiles/list as the popup uses it: the background searches its own copy of the summaries and
 * answers one page, with the number of matches and of all profiles; the copy follows every
 * change (save, delete, restore, import).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openAppDatabase } from '@/utils/background/database';
import { createProfileListing } from '@/utils/background/profile-listing';
import { createProfileStore } from '@/utils/background/profile-store';
import { makeHarness, rejection, sampleProfile, unlockedHarness, type Harness } from './harness';
import { previewFile } from './import-file';

beforeEach(() => {
  fakeBrowser.reset();
});

async function saveAll(call: Harness['call'], profiles: Record<string, unknown>[]): Promise<string[]> {
  const ids: string[] = [];
  for (const profile of profiles) ids.push((await call('profiles/save', { profile })).profile.id);
  return ids;
}

const labels = (answer: { profiles: { label: string }[] }) => answer.profiles.map((profile) => profile.label);

describe('profiles/list search', () => {
  it('finds by label, importer name, importer number with or without hyphens, bank name and last account digits', async () => {
    const { call } = await unlockedHarness();
    await saveAll(call, [
      sampleProfile({ label: 'Acme main', importerName: 'Acme Imports LLC', importerNumbers: ['12-345678900'], accountNumber: '000123456789' }),
      sampleProfile({
        label: 'Globex refunds',
        importerName: 'Globex Trading Co',
        importerNumbers: ['98-765432100'],
        routingNumber: '026009593',
        bankName: 'Bank of America',
        accountNumber: '4455667788',
      }),
      sampleProfile({ label: 'Initech', importerName: 'Initech Corp', importerNumbers: ['55-123456700'], accountNumber: '9999000011' }),
    ]);
    const search = (query: string) => call('profiles/list', { query }).then(labels);
    expect(await search('globex')).toEqual(['Globex refunds']);
    expect(await search('trading co')).toEqual(['Globex refunds']);
    expect(await search('98-765432100')).toEqual(['Globex refunds']);
    expect(await search('98765432100')).toEqual(['Globex refunds']);
    expect(await search('bank of america')).toEqual(['Globex refunds']);
    expect(await search('6789')).toEqual(['Acme main']);
    expect(await search('ACME')).toEqual(['Acme main']);
    expect(await search('nothing like it')).toEqual([]);
    expect(await search('')).toEqual(['Acme main', 'Globex refunds', 'Initech']);
    const none = await call('profiles/list', { query: 'zzz' });
    expect({ total: none.total, count: none.count }).toEqual({ total: 0, count: 3 });
  });

  it('never matches on the hidden digits of an account number', async () => {
    const { call } = await unlockedHarness();
    await saveAll(call, [sampleProfile({ label: 'Secret', accountNumber: '111122223333' })]);
    expect(labels(await call('profiles/list', { query: '2222' }))).toEqual([]);
    expect(labels(await call('profiles/list', { query: '3333' }))).toEqual(['Secret']);
  });
});

describe('profiles/list pages', () => {
  it('answers one page in label order, with the number of matches and of all profiles', async () => {
    const { call } = await unlockedHarness();
    // Saved out of order; the numbers sort as numbers (Item 2 before Item 10).
    const order = [7, 2, 11, 1, 9, 4, 12, 3, 10, 5, 8, 6];
    await saveAll(
      call,
      order.map((n) => sampleProfile({ label: `Item ${n}`, bankName: n % 2 === 0 ? 'EVEN BANK' : 'ODD BANK' })),
    );
    const first = await call('profiles/list', { offset: 0, limit: 5 });
    expect(labels(first)).toEqual(['Item 1', 'Item 2', 'Item 3', 'Item 4', 'Item 5']);
    expect({ total: first.total, count: first.count, quarantined: first.quarantined }).toEqual({ total: 12, count: 12, quarantined: 0 });
    expect(labels(await call('profiles/list', { offset: 10, limit: 5 }))).toEqual(['Item 11', 'Item 12']);
    expect(labels(await call('profiles/list', { offset: 20, limit: 5 }))).toEqual([]);

    const even = await call('profiles/list', { query: 'even bank', offset: 2, limit: 2 });
    expect(labels(even)).toEqual(['Item 6', 'Item 8']);
    expect({ total: even.total, count: even.count }).toEqual({ total: 6, count: 12 });
    // Without a limit: everything (what export and the import preview rely on).
    expect(labels(await call('profiles/list', {}))).toHaveLength(12);
    expect((await call('profiles/list', { query: 'odd' })).profiles).toHaveLength(6);
  });

  it('refuses malformed paging and over-long queries', async () => {
    const { call } = await unlockedHarness();
    for (const payload of [{ offset: -1 }, { limit: 0 }, { limit: 2.5 }, { query: 'x'.repeat(257) }]) {
      expect((await rejection(call('profiles/list', payload))).code).toBe('bad-request');
    }
  });

  it('follows saves, deletes, restores and imports', async () => {
    const { call } = await unlockedHarness();
    const [acme] = await saveAll(call, [sampleProfile({ label: 'Acme' }), sampleProfile({ label: 'Globex' })]);
    expect(labels(await call('profiles/list', { query: 'acme' }))).toEqual(['Acme']);

    const { profile } = await call('profiles/get', { id: acme! });
    await call('profiles/save', { id: acme!, profile: { ...profile, label: 'Zenith' } });
    expect(labels(await call('profiles/list', { query: 'acme' }))).toEqual([]);
    expect(labels(await call('profiles/list', { query: 'zen' }))).toEqual(['Zenith']);

    await call('profiles/delete', { id: acme! });
    const afterDelete = await call('profiles/list', { query: 'zen' });
    expect({ labels: labels(afterDelete), count: afterDelete.count }).toEqual({ labels: [], count: 1 });
    await call('profiles/restore', { id: acme! });
    expect(labels(await call('profiles/list', { query: 'zen' }))).toEqual(['Zenith']);

    const csv = [
      'label,importer_name,importer_numbers,bank_name,routing_number,account_number,account_type,account_holder_name',
      'Aardvark,Aardvark LLC,98-765432100,JPMORGAN CHASE BANK,021000021,555566667777,savings,Aardvark LLC',
    ].join('\n');
    const preview = (await previewFile(call, csv, 'profiles.csv')).preview!;
    await call('import/commit', { token: preview.token });
    const listed = await call('profiles/list', { limit: 1 });
    expect({ labels: labels(listed), total: listed.total, count: listed.count }).toEqual({ labels: ['Aardvark'], total: 3, count: 3 });
  });

  it('answers nothing while locked', async () => {
    const { call } = await unlockedHarness();
    await saveAll(call, [sampleProfile({ label: 'Acme' })]);
    await call('vault/lock', {});
    expect((await rejection(call('profiles/list', { query: 'acme', limit: 50 }))).code).toBe('locked');
  });
});

describe('the listing behind profiles/list', () => {
  it('summarises and sorts once per change of the store, and indexes after answering', async () => {
    const harness = makeHarness();
    const { call } = harness;
    await call('vault/setup', { passphrase: 'correct horse battery staple' });
    await saveAll(call, [sampleProfile({ label: 'Bravo' }), sampleProfile({ label: 'Alpha' })]);
    const store = createProfileStore(() => openAppDatabase(harness.factory));
    let lists = 0;
    const deferred: (() => void)[] = [];
    const listing = createProfileListing(
      {
        list: () => {
          lists++;
          return store.list();
        },
        // The full listing's path (the first page's own record is tested below).
        isRead: () => true,
        firstPage: () => store.firstPage(),
      },
      (task) => deferred.push(task),
    );
    const first = await listing.page({ limit: 1 });
    const second = await listing.page({ offset: 1, limit: 1 });
    expect([...first.profiles, ...second.profiles].map((profile) => profile.label)).toEqual(['Alpha', 'Bravo']);
    // The index is built once, after the first answer; the store's list is asked each time.
    expect(deferred).toHaveLength(1);
    expect(lists).toBe(2);
    deferred[0]!();
    expect((await listing.page({ query: 'bravo' })).profiles.map((profile) => profile.label)).toEqual(['Bravo']);

    const before = (await store.list()).profiles;
    expect((await store.list()).profiles).toBe(before);
    const record = before[0]!;
    await store.put([{ ...record, label: 'Charlie' }]);
    const after = (await store.list()).profiles;
    expect(after).not.toBe(before);
    const expected = before.map((profile) => (profile.id === record.id ? 'Charlie' : profile.label)).sort();
    expect((await listing.page({})).profiles.map((profile) => profile.label)).toEqual(expected);
    // A new list means a new index, built after answering again.
    expect(deferred).toHaveLength(2);
  });
});
