import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openAppDatabase } from '@/utils/background/database';
import { dumpDatabase, makeHarness, PASSPHRASE, sampleProfile, unlockedHarness, rejection } from './harness';
import { previewFile } from './import-file';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('profiles CRUD', () => {
  it('creates, lists, reads, updates; the background sets the timestamps', async () => {
    const { call, clock } = await unlockedHarness();
    const saved = await call('profiles/save', { profile: sampleProfile({ label: 'Acme', accountNumber: '000123456789' }) });
    expect(saved.profile).toMatchObject({ label: 'Acme', accountLast4: '6789', routingNumber: '021000021' });
    expect(saved.profile).not.toHaveProperty('accountNumber');
    expect(saved.profile.updatedAt).toBe(new Date(clock.now).toISOString());

    const { profiles, quarantined } = await call('profiles/list', {});
    expect(quarantined).toBe(0);
    expect(profiles).toEqual([saved.profile]);

    const { profile } = await call('profiles/get', { id: saved.profile.id });
    expect(profile).toMatchObject({ id: saved.profile.id, label: 'Acme', accountNumber: '000123456789', schemaVersion: 1 });

    clock.advance(60_000);
    const updated = await call('profiles/save', {
      id: saved.profile.id,
      profile: { ...profile, label: 'Acme Corp', accountNumber: '0001 2345 6780', createdAt: '1999-01-01T00:00:00.000Z' },
    });
    expect(updated.profile).toMatchObject({ id: saved.profile.id, label: 'Acme Corp', accountLast4: '6780' });
    const reread = (await call('profiles/get', { id: saved.profile.id })).profile;
    expect(reread.accountNumber).toBe('000123456780');
    // createdAt is the store's, not what the page sent; updatedAt moves.
    expect(reread.createdAt).toBe(profile.createdAt);
    expect(reread.updatedAt).toBe(new Date(clock.now).toISOString());
    expect((await call('profiles/list', {})).profiles).toHaveLength(1);
  });

  it('answers invalid-profile with every problem and its path', async () => {
    const { call } = await unlockedHarness();
    const error = await rejection(
      call('profiles/save', { profile: sampleProfile({ routingNumber: '021000022', importerNumbers: ['12-3456789'], label: '' }) }),
    );
    expect(error.code).toBe('invalid-profile');
    const paths = error.problems?.map((problem) => problem.path).sort();
    expect(paths).toEqual(['importerNumbers.0', 'label', 'routingNumber']);
    expect(error.problems?.find((problem) => problem.path === 'routingNumber')?.code).toBe('routing.checksum');
    expect((await call('profiles/list', {})).profiles).toEqual([]);
  });

  it('passes the bank core warnings back', async () => {
    const { call } = await unlockedHarness();
    const saved = await call('profiles/save', { profile: sampleProfile({ accountNumber: '021000021' }) });
    expect(saved.warnings).toEqual([expect.objectContaining({ code: 'account.is-routing', path: 'accountNumber' })]);
  });

  it('answers not-found for unknown ids and locked when locked', async () => {
    const { call } = await unlockedHarness();
    expect((await rejection(call('profiles/get', { id: 'nope' }))).code).toBe('not-found');
    expect((await rejection(call('profiles/save', { id: 'nope', profile: sampleProfile() }))).code).toBe('not-found');
    await call('vault/lock', {});
    for (const request of [
      call('profiles/list', {}),
      call('profiles/get', { id: 'x' }),
      call('profiles/save', { profile: sampleProfile() }),
      call('profiles/delete', { id: 'x' }),
      call('profiles/find-duplicates', { routingNumber: '021000021', accountNumber: '1234567' }),
    ]) {
      expect((await rejection(request)).code).toBe('locked');
    }
  });

  it('soft-deletes, restores, and purges deleted profiles after a day at startup', async () => {
    const { call, clock, app, factory } = await unlockedHarness();
    const kept = (await call('profiles/save', { profile: sampleProfile({ label: 'Kept' }) })).profile;
    const gone = (await call('profiles/save', { profile: sampleProfile({ label: 'Gone' }) })).profile;
    await call('profiles/delete', { id: kept.id });
    expect((await call('profiles/list', {})).profiles.map((p) => p.label)).toEqual(['Gone']);
    expect((await rejection(call('profiles/get', { id: kept.id }))).code).toBe('not-found');
    expect((await call('profiles/restore', { id: kept.id })).profile.label).toBe('Kept');
    expect((await call('profiles/list', {})).profiles.map((p) => p.label)).toEqual(['Gone', 'Kept']);

    await call('profiles/delete', { id: gone.id });
    clock.advance(23 * 60 * 60_000);
    await app.startup();
    expect(JSON.parse(await dumpDatabase(factory)).profiles).toHaveLength(2);
    clock.advance(2 * 60 * 60_000);
    await app.startup();
    const remaining = JSON.parse(await dumpDatabase(factory)).profiles;
    expect(remaining.map((p: { label: string }) => p.label)).toEqual(['Kept']);
    // A day of idle time has locked the vault meanwhile.
    expect((await rejection(call('profiles/list', {}))).code).toBe('locked');
    await call('vault/unlock', { passphrase: PASSPHRASE });
    expect((await rejection(call('profiles/restore', { id: gone.id }))).code).toBe('not-found');

    const actions = (await call('activity/list', {})).entries.map((entry) => entry.action);
    expect(actions.filter((action) => action.startsWith('profile-'))).toEqual([
      'profile-delete',
      'profile-restore',
      'profile-delete',
      'profile-create',
      'profile-create',
    ]);
  });

  it('finds other profiles with the same routing and account number', async () => {
    const { call } = await unlockedHarness();
    const a = (await call('profiles/save', { profile: sampleProfile({ label: 'A', accountNumber: '111222333444' }) })).profile;
    await call('profiles/save', { profile: sampleProfile({ label: 'B', accountNumber: '111222333444' }) });
    await call('profiles/save', { profile: sampleProfile({ label: 'C', accountNumber: '111222333445' }) });
    await call('profiles/save', {
      profile: sampleProfile({ label: 'D', accountNumber: '111222333444', routingNumber: '011000015', bankName: 'FRB BOSTON' }),
    });
    const found = await call('profiles/find-duplicates', { routingNumber: '021000021', accountNumber: '1112-2233-3444' });
    expect(found.labels).toEqual(['A', 'B']);
    expect((await call('profiles/find-duplicates', { routingNumber: '021000021', accountNumber: '111222333444', exceptId: a.id })).labels).toEqual([
      'B',
    ]);
    expect((await call('profiles/find-duplicates', { routingNumber: '0210', accountNumber: '111222333444' })).labels).toEqual([]);
  });
});

describe('encryption at rest', () => {
  it('keeps no account number in clear anywhere in IndexedDB or storage.local', async () => {
    const { call, factory } = await unlockedHarness();
    const accounts = ['000123456789', '98765432109876543', '55501234987601234'];
    for (const accountNumber of accounts) await call('profiles/save', { profile: sampleProfile({ accountNumber }) });
    const [first] = (await call('profiles/list', {})).profiles;
    await call('profiles/delete', { id: first!.id });
    await call('export/plain', { format: 'json' });
    const dump = await dumpDatabase(factory);
    for (const accountNumber of accounts) {
      expect(dump).not.toContain(accountNumber);
      // Not even the part that stays hidden (all but the last 4 digits; long enough that random ciphertext or ids never hold it by chance).
      expect(dump).not.toContain(accountNumber.slice(0, -4));
    }
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe('{}');
    expect(JSON.parse(dump).profiles.map((p: { accountLast4: string }) => p.accountLast4).sort()).toEqual(['1234', '6789', '6543'].sort());
  });

  it('gives each record and each write its own IV', async () => {
    const { call, factory } = await unlockedHarness();
    const one = (await call('profiles/save', { profile: sampleProfile({ accountNumber: '123412341234' }) })).profile;
    await call('profiles/save', { profile: sampleProfile({ accountNumber: '123412341234' }) });
    const before = JSON.parse(await dumpDatabase(factory)).profiles;
    expect(before[0].accountCipher.iv).not.toBe(before[1].accountCipher.iv);
    expect(before[0].accountCipher.data).not.toBe(before[1].accountCipher.data);
    const { profile } = await call('profiles/get', { id: one.id });
    await call('profiles/save', { id: one.id, profile });
    const after = JSON.parse(await dumpDatabase(factory)).profiles.find((p: { id: string }) => p.id === one.id);
    expect(after.accountCipher.iv).not.toBe(before.find((p: { id: string }) => p.id === one.id).accountCipher.iv);
  });

  it('refuses an account ciphertext moved onto another profile', async () => {
    const { call: callBefore, factory } = await unlockedHarness();
    const a = (await callBefore('profiles/save', { profile: sampleProfile({ accountNumber: '111111112222' }) })).profile;
    const b = (await callBefore('profiles/save', { profile: sampleProfile({ accountNumber: '333333334444' }) })).profile;
    const db = await openAppDatabase(factory);
    const recordA = await db.get('profiles', a.id);
    const recordB = await db.get('profiles', b.id);
    await db.put('profiles', { ...recordB!, accountCipher: recordA!.accountCipher });
    db.close();
    // Changed at rest: what the next worker (a new app, still unlocked) reads.
    const { call } = makeHarness({ indexedDB: factory });
    const error = await rejection(call('profiles/get', { id: b.id }));
    expect(error.code).toBe('storage');
    expect(error.message).not.toMatch(/1111|3333/);
  });

  it('shows at most the last 4 digits and always keeps 4 hidden', async () => {
    const { call } = await unlockedHarness();
    const short = await call('profiles/save', { profile: sampleProfile({ accountNumber: '1234567' }) });
    expect(short.profile.accountLast4).toBe('567');
    const tiny = await call('profiles/save', { profile: sampleProfile({ accountNumber: '98765' }) });
    expect(tiny.profile.accountLast4).toBe('5');
  });
});

describe('quarantine', () => {
  it('sets a damaged record aside, reports it, and keeps it', async () => {
    const { call: callBefore, factory } = await unlockedHarness();
    await callBefore('profiles/save', { profile: sampleProfile({ label: 'Good' }) });
    const db = await openAppDatabase(factory);
    const damaged = { id: 'broken', label: 42, accountCipher: 'garbage' };
    await db.put('profiles', damaged as never);
    db.close();
    // Damaged at rest: what the next worker (a new app, still unlocked) reads.
    const { call } = makeHarness({ indexedDB: factory });

    const listing = await call('profiles/list', {});
    expect(listing.profiles.map((p) => p.label)).toEqual(['Good']);
    expect(listing.quarantined).toBe(1);
    // Reported again on the next read, not moved twice.
    expect((await call('profiles/list', {})).quarantined).toBe(1);

    const dump = JSON.parse(await dumpDatabase(factory));
    expect(dump.profiles.map((p: { id: string }) => p.id)).not.toContain('broken');
    expect(dump.quarantine).toEqual([
      expect.objectContaining({ store: 'profiles', key: 'broken', record: damaged, problems: expect.arrayContaining([expect.stringMatching(/^label/)]) }),
    ]);
  });

  it('sets aside a damaged setting and falls back to its default', async () => {
    const { call, factory } = makeHarness();
    const db = await openAppDatabase(factory);
    await db.put('settings', { key: 'autoLockMinutes', value: -5 });
    await db.put('settings', { key: 'submitGuard', value: false });
    db.close();
    expect(await call('settings/get', {})).toEqual({ autoLockMinutes: 15, submitGuard: false, extraHosts: [], reverifyDays: 180 });
    expect(JSON.parse(await dumpDatabase(factory)).quarantine).toEqual([expect.objectContaining({ store: 'settings', key: 'autoLockMinutes' })]);
  });
});

describe('transactions', () => {
  it('leaves the previous state whole when a write fails half-way through an import', async () => {
    const { call, factory } = await unlockedHarness();
    const existing = (await call('profiles/save', { profile: sampleProfile({ label: 'Existing', accountNumber: '222233334444' }) })).profile;
    const csv = [
      'label,importer_name,importer_numbers,bank_name,routing_number,account_number,account_type,account_holder_name',
      'Existing,Changed Name LLC,12-345678900,JPMORGAN CHASE BANK,021000021,999988887777,checking,Changed Name LLC',
      'New One,New One LLC,98-765432100,JPMORGAN CHASE BANK,021000021,555566667777,savings,New One LLC',
      'New Two,New Two LLC,98-765432101,JPMORGAN CHASE BANK,021000021,555566668888,savings,New Two LLC',
    ].join('\n');
    const preview = (await previewFile(call, csv, 'profiles.csv')).preview!;
    expect(preview.update).toHaveLength(1);
    expect(preview.add).toHaveLength(2);
    const before = await dumpDatabase(factory);
    const listedBefore = await call('profiles/list', {});

    const put = IDBObjectStore.prototype.put;
    let puts = 0;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'profiles' && ++puts === 2) throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    try {
      const error = await rejection(call('import/commit', { token: preview.token }));
      expect(error.code).toBe('internal');
    } finally {
      spy.mockRestore();
    }
    expect(puts).toBe(2);
    const after = JSON.parse(await dumpDatabase(factory));
    expect(after.profiles).toEqual(JSON.parse(before).profiles);
    expect((await call('profiles/get', { id: existing.id })).profile.importerName).toBe(existing.importerName);
    expect(await call('profiles/list', {})).toEqual(listedBefore);
  });

  it('leaves a profile as it was when its update fails', async () => {
    const { call, factory } = await unlockedHarness();
    const saved = (await call('profiles/save', { profile: sampleProfile({ label: 'Stable' }) })).profile;
    const before = await dumpDatabase(factory);
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('disk full', 'QuotaExceededError');
    });
    try {
      const { profile } = await call('profiles/get', { id: saved.id });
      await rejection(call('profiles/save', { id: saved.id, profile: { ...profile, label: 'Changed' } }));
    } finally {
      spy.mockRestore();
    }
    expect(JSON.parse(await dumpDatabase(factory)).profiles).toEqual(JSON.parse(before).profiles);
  });
});

describe('senders', () => {
  it('answers ACE content scripts only vault/status and directory/lookup; web pages nothing', async () => {
    const { from } = await unlockedHarness();
    const ace = from({ id: 'test-extension-id', url: 'https://ace.cbp.gov/s/x', tab: { id: 1 } });
    expect((await ace('vault/status', {})).state).toBe('unlocked');
    expect((await ace('directory/lookup', { routingNumber: '021000021' })).imported).toBe(false);
    expect((await rejection(ace('profiles/list', {}))).code).toBe('forbidden');
    expect((await rejection(ace('profiles/get', { id: 'x' }))).code).toBe('forbidden');
    const page = from({ id: 'test-extension-id', url: 'https://evil.example/', tab: { id: 2 } });
    expect((await rejection(page('vault/status', {}))).code).toBe('forbidden');
    const other = from({ id: 'another-extension', url: 'chrome-extension://another-extension/x.html' });
    expect((await rejection(other('vault/status', {}))).code).toBe('forbidden');
  });

  it('accepts content scripts on an extra host once it is in the settings', async () => {
    const { call, from } = await unlockedHarness();
    const training = from({ id: 'test-extension-id', url: 'https://ace-test.cbp.gov/s/x', tab: { id: 1 } });
    expect((await rejection(training('vault/status', {}))).code).toBe('forbidden');
    await call('settings/set', { extraHosts: ['ACE-TEST.cbp.gov'] });
    expect((await training('vault/status', {})).state).toBe('unlocked');
  });
});
