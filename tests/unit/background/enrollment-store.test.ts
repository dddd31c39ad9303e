/**
 * The verification histories at rest and who may read them: ciphertext only in IndexedDB; a
 * record that does not open (tampered, or copied onto another importer's key) is set aside in
 * quarantine and never used, the rest still list; enrollment/list only for our own pages while
 * unlocked; Erase all data empties the store; a version 3 database upgrades with its data kept.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BURST_QUIET_MS } from '@/utils/background/compare-pacing';
import { DATABASE_VERSION, openAppDatabase, type AppDatabase, type AppStoreName } from '@/utils/background/database';
import type { SenderFacts } from '@/utils/messaging/classify-sender';
import { dumpDatabase, makeHarness, OWN_ID, OWN_ORIGIN, PASSPHRASE, rejection, unlockedHarness, type Harness } from './harness';
import {
  ACE_PAGE,
  ACME,
  ACME_ACCOUNT,
  ACME_ON_FILE,
  aceFrame,
  BETA,
  BETA_ACCOUNT,
  lookOnFile,
  rowOf,
  rows,
  showImporter,
  statusOf,
  withProfiles,
} from './enrollment-steps';

beforeEach(() => {
  fakeBrowser.reset();
});

const BETA_ON_FILE = { routing: '011000015', account: '*****9999', accountType: '02 - Savings' };

/** Acme verified, Beta a mismatch, a fill-free Save on Acme's tab recorded too. */
async function visited() {
  const harness = await unlockedHarness();
  const ids = await withProfiles(harness);
  await showImporter(harness, ACME);
  await lookOnFile(harness, ACME_ON_FILE);
  harness.clock.advance(BURST_QUIET_MS + 1_000);
  await harness.from(aceFrame())('page/saved', { form: { routing: '021000021', account: ACME_ACCOUNT }, page: ACE_PAGE });
  harness.clock.advance(BURST_QUIET_MS + 1_000);
  await lookOnFile(harness, ACME_ON_FILE);
  await showImporter(harness, BETA, 8);
  await lookOnFile(harness, BETA_ON_FILE, aceFrame(8));
  return { harness, ids };
}

async function records(harness: Harness, store: AppStoreName): Promise<Record<string, unknown>[]> {
  return (JSON.parse(await dumpDatabase(harness.factory)) as Record<string, Record<string, unknown>[]>)[store] ?? [];
}

async function database(harness: Harness): Promise<AppDatabase> {
  return harness.app.services.database();
}

/**
 * The status page reads the digest record; the histories are read (and a bad one found) when it
 * is built again: after it is lost, or does not open. The worker's memory is dropped as a
 * restart would.
 */
async function rebuildDigest(harness: Harness) {
  await (await database(harness)).delete('enrollmentDigest', 'digest');
  harness.app.services.enrollment.forget();
}

describe('the verifications store at rest', () => {
  it('holds ciphertext only: no label, routing number, last 4, profile id or result in clear', async () => {
    const { harness, ids } = await visited();
    const stored = await records(harness, 'verifications');
    expect(stored.map((record) => record.importerNumber).sort()).toEqual([ACME, BETA]);
    for (const record of stored) {
      expect(Object.keys(record).sort()).toEqual(['history', 'importerNumber', 'updatedAt']);
      expect(Object.keys(record.history as object).sort()).toEqual(['data', 'iv']);
    }
    const digest = await records(harness, 'enrollmentDigest');
    expect(digest.map((record) => Object.keys(record).sort())).toEqual([['digest', 'key', 'updatedAt']]);
    const json = JSON.stringify([stored, digest]);
    for (const secret of ['Acme main', 'Beta savings', '021000021', '011000015', '3579', '1122', '9999', ids.acme, ids.beta]) {
      expect(json).not.toContain(secret);
    }
    for (const word of ['on-file', 'saved', 'match', 'routing', 'checking', 'savings']) expect(json).not.toContain(word);
    // The whole database holds no account number either.
    const dump = await dumpDatabase(harness.factory);
    expect(dump).not.toContain(ACME_ACCOUNT);
    expect(dump).not.toContain(BETA_ACCOUNT);
  });

  it('sets a tampered record aside in quarantine, never uses it, and lists the rest', async () => {
    const { harness } = await visited();
    const db = await database(harness);
    const stored = (await db.get('verifications', ACME))!;
    const data = stored.history.data;
    const flipped = `${data.slice(0, 10)}${data[10] === 'A' ? 'B' : 'A'}${data.slice(11)}`;
    await db.put('verifications', { ...stored, history: { ...stored.history, data: flipped } });
    await rebuildDigest(harness);

    const listed = await rows(harness);
    // Acme falls back to its profile's own last verification; Beta's history still reads.
    expect(listed.find((row) => row.importerNumber === ACME)?.status).toBe('verified');
    expect(listed.find((row) => row.importerNumber === BETA)).toMatchObject({ status: 'mismatch', differs: ['account'] });
    expect(await db.get('verifications', ACME)).toBeUndefined();
    const quarantined = await records(harness, 'quarantine');
    expect(quarantined).toEqual([expect.objectContaining({ store: 'verifications', key: ACME, record: { ...stored, history: { ...stored.history, data: flipped } } })]);
    expect(harness.errors).toEqual([]);

    // The next look starts a fresh history; the quarantined one stays where it is.
    harness.clock.advance(BURST_QUIET_MS + 1_000);
    await lookOnFile(harness, { ...ACME_ON_FILE, account: '*****1111' });
    expect((await rowOf(harness, ACME)).status).toBe('mismatch');
    expect(await records(harness, 'quarantine')).toHaveLength(1);
  });

  it('builds the digest again from the histories when its record does not open, and never uses it', async () => {
    const { harness } = await visited();
    const before = await rows(harness);
    const db = await database(harness);
    const record = (await db.get('enrollmentDigest', 'digest'))!;
    const data = record.digest.data;
    await db.put('enrollmentDigest', { ...record, digest: { ...record.digest, data: `${data.slice(0, 10)}${data[10] === 'A' ? 'B' : 'A'}${data.slice(11)}` } });
    harness.app.services.enrollment.forget();
    expect(await rows(harness)).toEqual(before);
    expect((await db.get('enrollmentDigest', 'digest'))!.digest.data).not.toBe(record.digest.data);
    expect(harness.errors).toEqual([]);
  });

  it('does not open a history copied onto another importer’s number', async () => {
    const { harness } = await visited();
    const db = await database(harness);
    // Acme's history (a match, made with Acme's bank details) under Beta's key: if it opened,
    // Beta's row would stop showing its mismatch.
    const acme = (await db.get('verifications', ACME))!;
    await db.put('verifications', { ...acme, importerNumber: BETA });
    await rebuildDigest(harness);

    expect(await statusOf(harness, BETA)).toEqual({ status: 'mismatch', statuses: ['mismatch'] });
    expect(await statusOf(harness, ACME)).toEqual({ status: 'verified', statuses: ['verified'] });
    expect((await records(harness, 'quarantine')).map((entry) => [entry.store, entry.key])).toEqual([['verifications', BETA]]);

    // A record that does not even parse is set aside the same way, on the next write too.
    await db.put('verifications', { importerNumber: ACME, history: 'plain text', updatedAt: 'yesterday' } as never);
    harness.clock.advance(BURST_QUIET_MS + 1_000);
    await lookOnFile(harness, ACME_ON_FILE);
    expect((await records(harness, 'quarantine')).map((entry) => entry.key)).toEqual([BETA, ACME]);
    expect((await rowOf(harness, ACME)).status).toBe('verified');
    expect(harness.errors).toEqual([]);
  });
});

describe('enrollment/list: who may ask', () => {
  it('is refused while locked, like the profiles', async () => {
    const { harness } = await visited();
    await harness.call('vault/lock', {});
    expect((await rejection(harness.call('enrollment/list', {}))).code).toBe('locked');
    expect((await rejection(harness.call('profiles/list', {}))).code).toBe('locked');
    await harness.call('vault/unlock', { passphrase: PASSPHRASE });
    expect((await rows(harness)).length).toBe(3);
  });

  it('is refused to content scripts, even on ACE pages; our other pages may ask', async () => {
    const { harness } = await visited();
    expect((await rejection(harness.from(aceFrame())('enrollment/list', {}))).code).toBe('forbidden');
    const stranger: SenderFacts = { id: 'another-extension', url: 'chrome-extension://another-extension/status.html' };
    expect((await rejection(harness.from(stranger)('enrollment/list', {}))).code).toBe('forbidden');
    const statusPage: SenderFacts = { id: OWN_ID, url: `${OWN_ORIGIN}status.html`, tab: { id: 3 } };
    const answer = await harness.from(statusPage)('enrollment/list', {});
    expect(answer).toMatchObject({ now: new Date(harness.clock.now).toISOString(), reverifyDays: 180, directory: null });
    expect(answer.rows).toHaveLength(3);
  });

  it('answers no account number beyond its last 4 digits', async () => {
    const { harness } = await visited();
    const json = JSON.stringify(await harness.call('enrollment/list', {}));
    for (const account of [ACME_ACCOUNT, BETA_ACCOUNT]) {
      for (let start = 0; start + 5 <= account.length; start++) expect(json).not.toContain(account.slice(start, start + 5));
    }
    expect(json).toContain('3579');
  });
});

describe('erase and upgrade', () => {
  it('Erase all data empties the verifications store', async () => {
    const { harness } = await visited();
    expect(await records(harness, 'verifications')).toHaveLength(2);
    const options: SenderFacts = { id: OWN_ID, url: `${OWN_ORIGIN}options.html`, tab: { id: 3 } };
    await harness.from(options)('data/erase', { confirmation: 'ERASE' });
    expect(await records(harness, 'verifications')).toEqual([]);
    await harness.call('vault/setup', { passphrase: PASSPHRASE });
    expect(await rows(harness)).toEqual([]);
  });

  it('upgrades a version 3 database with its vault, profiles and their last verification kept', async () => {
    expect(DATABASE_VERSION).toBe(4);
    // What a user of version 3 had: the vault, profiles, one of them verified (written by the
    // current app, then copied store by store into a database created at version 3).
    const { harness, ids } = await visited();
    const v3 = new IDBFactory();
    const old = await openAppDatabase(v3, { version: 3 });
    expect([...old.objectStoreNames]).not.toContain('verifications');
    const source = await database(harness);
    for (const store of ['profiles', 'settings', 'vaultMeta', 'profileListHead'] as const) {
      for (const value of await source.getAll(store)) await old.put(store, value as never);
    }
    old.close();
    fakeBrowser.reset();

    const upgraded = makeHarness({ indexedDB: v3, clock: harness.clock });
    expect((await upgraded.call('vault/status', {})).state).toBe('locked');
    await upgraded.call('vault/unlock', { passphrase: PASSPHRASE });
    expect((await upgraded.call('profiles/list', {})).count).toBe(3);
    expect((await upgraded.call('profiles/get', { id: ids.acme })).profile.accountNumber).toBe(ACME_ACCOUNT);
    // No history yet: each profile's own last verification stands in for it.
    expect((await rows(upgraded)).map((row) => [row.importerNumber, row.status])).toEqual([
      [ACME, 'verified'],
      ['55-555555500', 'never-seen'],
      [BETA, 'mismatch'],
    ]);
    await showImporter(upgraded, ACME);
    harness.clock.advance(BURST_QUIET_MS + 1_000);
    await lookOnFile(upgraded, { ...ACME_ON_FILE, account: '*****1111' });
    expect((await rowOf(upgraded, ACME)).status).toBe('mismatch');
    expect(await records(upgraded, 'verifications')).toHaveLength(1);
    expect(upgraded.errors).toEqual([]);
  });
});
