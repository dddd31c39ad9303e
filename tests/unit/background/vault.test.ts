import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AUTO_LOCK_ALARM } from '@/utils/background/background-app';
import { PBKDF2_ITERATIONS } from '@/utils/vault/key-derivation';
import { dumpDatabase, makeHarness, PASSPHRASE, sampleProfile, TEST_ITERATIONS, unlockedHarness, rejection } from './harness';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('vault setup and unlock', () => {
  it('starts new, sets up unlocked, locks and unlocks again', async () => {
    const { call } = makeHarness();
    expect(await call('vault/status', {})).toEqual({ state: 'new', autoLockMinutes: 15 });
    expect((await call('vault/setup', { passphrase: PASSPHRASE })).state).toBe('unlocked');
    expect((await call('vault/status', {})).state).toBe('unlocked');
    expect((await call('vault/lock', {})).state).toBe('locked');
    expect((await rejection(call('profiles/list', {}))).code).toBe('locked');
    expect((await call('vault/unlock', { passphrase: PASSPHRASE })).state).toBe('unlocked');
    expect((await call('profiles/list', {})).profiles).toEqual([]);
  });

  it('refuses a second setup and a weak new passphrase', async () => {
    const { call } = await unlockedHarness();
    expect((await rejection(call('vault/setup', { passphrase: 'another long passphrase' }))).code).toBe('vault-exists');
    const fresh = makeHarness();
    const weak = await rejection(fresh.call('vault/setup', { passphrase: 'short' }));
    expect(weak.code).toBe('bad-request');
    expect(weak.message).toMatch(/at least 10 characters/);
    expect((await fresh.call('vault/status', {})).state).toBe('new');
  });

  it('refuses a passphrase zxcvbn scores under 3, with its advice, and creates no vault', async () => {
    const { call, factory } = makeHarness();
    const repeated = await rejection(call('vault/setup', { passphrase: 'aaaaaaaaaa' }));
    expect(repeated.code).toBe('bad-request');
    expect(repeated.message).toBe(
      'This passphrase is too easy to guess. Repeated characters like "aaa" are easy to guess; add more words that are less common; avoid repeated words and characters.',
    );
    const digits = await rejection(call('vault/setup', { passphrase: '1234567890' }));
    expect(digits.code).toBe('bad-request');
    expect(digits.message).toBe('This passphrase is too easy to guess. This is a frequently used password; add more words that are less common.');
    // The spaced variant zxcvbn alone would score strong.
    expect((await rejection(call('vault/setup', { passphrase: '12345 67890' }))).code).toBe('bad-request');
    expect((await call('vault/status', {})).state).toBe('new');
    expect(JSON.parse(await dumpDatabase(factory)).vaultMeta ?? []).toEqual([]);
  });

  it('stores the salt, iteration count and wrapped key, never the key or passphrase', async () => {
    const { factory } = await unlockedHarness();
    const dump = await dumpDatabase(factory);
    const meta = JSON.parse(dump).vaultMeta[0];
    expect(meta).toMatchObject({ key: 'vault', iterations: TEST_ITERATIONS });
    expect(Object.keys(meta).sort()).toEqual(['createdAt', 'iterations', 'key', 'salt', 'wrappedKey']);
    expect(dump).not.toContain(PASSPHRASE);
    const session = await fakeBrowser.storage.session.get(null);
    expect(dump).not.toContain(session.vaultDataKey);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('uses 600,000 PBKDF2 iterations unless told otherwise', async () => {
    const { factory, call } = makeHarness({ iterations: undefined });
    await call('vault/setup', { passphrase: PASSPHRASE });
    expect(JSON.parse(await dumpDatabase(factory)).vaultMeta[0].iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBe(600_000);
  });
});

describe('wrong passphrases', () => {
  it('answers a clear message and slows down from the third failure in a row', async () => {
    const { call, clock } = await unlockedHarness();
    await call('vault/lock', {});
    for (let attempt = 1; attempt <= 2; attempt++) {
      const error = await rejection(call('vault/unlock', { passphrase: 'wrong passphrase!' }));
      expect(error.code).toBe('wrong-passphrase');
      expect(error.message).toBe('That passphrase is not right. Check Caps Lock and try again.');
      expect(error.retryAfterMs).toBeUndefined();
    }
    const third = await rejection(call('vault/unlock', { passphrase: 'wrong passphrase!' }));
    expect(third).toMatchObject({ code: 'wrong-passphrase', retryAfterMs: 1_000 });

    // Even the right passphrase waits; the throttled try does not count as a failure.
    const early = await rejection(call('vault/unlock', { passphrase: PASSPHRASE }));
    expect(early.code).toBe('throttled');
    expect(early.message).toBe('Too many wrong passphrases. Try again in 1 second.');
    expect(await call('vault/status', {})).toMatchObject({ state: 'locked', retryAfterMs: 1_000 });

    clock.advance(1_000);
    expect(await rejection(call('vault/unlock', { passphrase: 'wrong again!' }))).toMatchObject({ retryAfterMs: 2_000 });
    clock.advance(1_999);
    expect((await rejection(call('vault/unlock', { passphrase: PASSPHRASE }))).retryAfterMs).toBe(1);
    clock.advance(1);
    expect((await call('vault/unlock', { passphrase: PASSPHRASE })).state).toBe('unlocked');

    // Success clears the count: the next two failures are free again.
    await call('vault/lock', {});
    await rejection(call('vault/unlock', { passphrase: 'wrong passphrase!' }));
    const second = await rejection(call('vault/unlock', { passphrase: 'wrong passphrase!' }));
    expect(second.retryAfterMs).toBeUndefined();
  });

  it('caps the wait at 30 seconds and keeps counting across a worker restart', async () => {
    const first = await unlockedHarness();
    await first.call('vault/lock', {});
    for (let attempt = 1; attempt <= 9; attempt++) {
      await rejection(first.call('vault/unlock', { passphrase: 'wrong passphrase!' }));
      first.clock.advance(60_000);
    }
    first.clock.advance(-60_000);
    const restarted = makeHarness({ indexedDB: first.factory, clock: first.clock });
    const error = await rejection(restarted.call('vault/unlock', { passphrase: PASSPHRASE }));
    expect(error).toMatchObject({ code: 'throttled', retryAfterMs: 30_000 });
    expect(error.message).toBe('Too many wrong passphrases. Try again in 30 seconds.');
  });

  it('logs failed unlocks without the passphrase tried', async () => {
    const { call } = await unlockedHarness();
    await call('vault/lock', {});
    await rejection(call('vault/unlock', { passphrase: 'my secret guess' }));
    await call('vault/unlock', { passphrase: PASSPHRASE });
    const { entries } = await call('activity/list', {});
    expect(entries.map((entry) => entry.action)).toEqual(['vault-unlock', 'vault-unlock-failed', 'vault-lock', 'vault-setup']);
    expect(JSON.stringify(entries)).not.toContain('my secret guess');
  });
});

describe('key in storage.session', () => {
  it('survives a service-worker restart but not the session', async () => {
    const first = await unlockedHarness();
    await first.call('profiles/save', { profile: sampleProfile({ accountNumber: '555000111222' }) });
    const session = await fakeBrowser.storage.session.get(null);
    expect(typeof session.vaultDataKey).toBe('string');

    // A new worker: memory is gone, IndexedDB and storage.session stay.
    const restarted = makeHarness({ indexedDB: first.factory, clock: first.clock });
    expect((await restarted.call('vault/status', {})).state).toBe('unlocked');
    const [summary] = (await restarted.call('profiles/list', {})).profiles;
    expect((await restarted.call('profiles/get', { id: summary!.id })).profile.accountNumber).toBe('555000111222');

    // A browser restart empties storage.session: locked.
    await fakeBrowser.storage.session.clear();
    const afterBrowserRestart = makeHarness({ indexedDB: first.factory, clock: first.clock });
    expect((await afterBrowserRestart.call('vault/status', {})).state).toBe('locked');
  });

  it('lock clears the key from memory and storage.session', async () => {
    const { call } = await unlockedHarness();
    await call('vault/lock', {});
    expect((await fakeBrowser.storage.session.get(null)).vaultDataKey).toBeUndefined();
    expect((await call('vault/status', {})).state).toBe('locked');
  });
});

describe('auto-lock', () => {
  it('locks after the idle time, by alarm or lazily on the next request', async () => {
    const { app, call, clock } = await unlockedHarness();
    clock.advance(14 * 60_000);
    await app.onAlarm(AUTO_LOCK_ALARM);
    expect((await call('vault/status', {})).state).toBe('unlocked');
    // A request postpones it...
    await call('profiles/list', {});
    clock.advance(14 * 60_000);
    await app.onAlarm(AUTO_LOCK_ALARM);
    expect((await call('vault/status', {})).state).toBe('unlocked');
    // ...but vault/status, which pages ask on their own, does not.
    clock.advance(60_000);
    await app.onAlarm(AUTO_LOCK_ALARM);
    expect((await call('vault/status', {})).state).toBe('locked');
    expect((await fakeBrowser.storage.session.get(null)).vaultDataKey).toBeUndefined();
    const { entries } = await call('activity/list', {});
    expect(entries[0]?.action).toBe('vault-auto-lock');
  });

  it('runs the alarm only while unlocked, every minute', async () => {
    const { app, call } = makeHarness();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await call('vault/setup', { passphrase: PASSPHRASE });
    expect(await fakeBrowser.alarms.getAll()).toEqual([expect.objectContaining({ name: AUTO_LOCK_ALARM, periodInMinutes: 1 })]);
    await call('vault/lock', {});
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await call('vault/unlock', { passphrase: PASSPHRASE });
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeDefined();
    // A worker start while unlocked keeps (or brings back) the alarm.
    await fakeBrowser.alarms.clearAll();
    await app.startup();
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeDefined();
  });

  it('checks lazily when no alarm ran (the worker slept through it)', async () => {
    const { call, clock } = await unlockedHarness();
    clock.advance(16 * 60_000);
    expect((await rejection(call('profiles/list', {}))).code).toBe('locked');
  });

  it('follows the autoLockMinutes setting', async () => {
    const { app, call, clock } = await unlockedHarness();
    await call('settings/set', { autoLockMinutes: 2 });
    expect((await call('vault/status', {})).autoLockMinutes).toBe(2);
    clock.advance(2 * 60_000 + 1);
    await app.onAlarm(AUTO_LOCK_ALARM);
    expect((await call('vault/status', {})).state).toBe('locked');
  });

  it('counts idle time across a worker restart', async () => {
    const first = await unlockedHarness();
    first.clock.advance(10 * 60_000);
    const restarted = makeHarness({ indexedDB: first.factory, clock: first.clock });
    first.clock.advance(6 * 60_000);
    await restarted.app.onAlarm(AUTO_LOCK_ALARM);
    expect((await restarted.call('vault/status', {})).state).toBe('locked');
  });
});

describe('change passphrase', () => {
  it('re-wraps the same data key: profiles are not re-encrypted and still open', async () => {
    const { call, factory } = await unlockedHarness();
    await call('profiles/save', { profile: sampleProfile({ accountNumber: '987654321012' }) });
    const before = JSON.parse(await dumpDatabase(factory));
    await call('vault/change-passphrase', { current: PASSPHRASE, next: 'a brand new passphrase' });
    const after = JSON.parse(await dumpDatabase(factory));
    expect(after.profiles).toEqual(before.profiles);
    expect(after.vaultMeta[0].salt).not.toBe(before.vaultMeta[0].salt);
    expect(after.vaultMeta[0].wrappedKey).not.toEqual(before.vaultMeta[0].wrappedKey);

    await call('vault/lock', {});
    expect((await rejection(call('vault/unlock', { passphrase: PASSPHRASE }))).code).toBe('wrong-passphrase');
    await call('vault/unlock', { passphrase: 'a brand new passphrase' });
    const [summary] = (await call('profiles/list', {})).profiles;
    expect((await call('profiles/get', { id: summary!.id })).profile.accountNumber).toBe('987654321012');
  });

  it('refuses a weak new passphrase with zxcvbn advice and keeps the old one', async () => {
    const { call, factory } = await unlockedHarness();
    const before = await dumpDatabase(factory);
    for (const next of ['aaaaaaaaaa', '1234567890']) {
      const error = await rejection(call('vault/change-passphrase', { current: PASSPHRASE, next }));
      expect(error.code).toBe('bad-request');
      expect(error.message).toMatch(/^This passphrase is too easy to guess\. (Repeated characters like "aaa"|This is a frequently used password)/);
    }
    expect(await dumpDatabase(factory)).toBe(before);
    await call('vault/lock', {});
    expect((await call('vault/unlock', { passphrase: PASSPHRASE })).state).toBe('unlocked');
  });

  it('refuses a wrong current passphrase and changes nothing', async () => {
    const { call, factory } = await unlockedHarness();
    const before = await dumpDatabase(factory);
    const error = await rejection(call('vault/change-passphrase', { current: 'not the passphrase', next: 'a brand new passphrase' }));
    expect(error.code).toBe('wrong-passphrase');
    expect(JSON.parse(await dumpDatabase(factory)).vaultMeta.find((r: { key: string }) => r.key === 'vault')).toEqual(
      JSON.parse(before).vaultMeta.find((r: { key: string }) => r.key === 'vault'),
    );
  });
});
