import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ManagedArea } from '@/utils/background/managed-settings';
import { makeHarness, rejection, sampleProfile, unlockedHarness } from './harness';

beforeEach(() => {
  fakeBrowser.reset();
});

/** storage.managed as the browser hands it over, with a policy the test may change. */
function managedArea(policy: Record<string, unknown>) {
  let reads = 0;
  const area: ManagedArea & { policy: Record<string, unknown> } = {
    policy,
    async get() {
      reads++;
      return structuredClone(area.policy);
    },
  };
  return { area, reads: () => reads };
}

/** zxcvbn scores: 3 (safely unguessable) and 4 (very unguessable), as the real estimator gives them. */
const SCORE_3 = 'orange tulip chess';
const SCORE_4 = 'correct horse battery staple';

describe('managed settings in the background', () => {
  it('answers the settings with the managed values over the user ones, and what is managed', async () => {
    const { area } = managedArea({ autoLockMinutes: 5, forceSubmitGuard: true, extraHosts: ['train.cbp.gov'] });
    const { call } = makeHarness({ managedArea: area });
    expect(await call('settings/get', {})).toEqual({ autoLockMinutes: 5, submitGuard: true, extraHosts: ['train.cbp.gov'], reverifyDays: 180 });
    expect(await call('settings/managed', {})).toEqual({ autoLockMinutes: 5, forceSubmitGuard: true, extraHosts: ['train.cbp.gov'] });
    expect((await call('vault/status', {})).autoLockMinutes).toBe(5);
  });

  it('refuses changing a managed value and keeps the stored one untouched', async () => {
    const { area } = managedArea({ autoLockMinutes: 5, forceSubmitGuard: true, extraHosts: ['train.cbp.gov'] });
    const { call, factory } = makeHarness({ managedArea: area });
    for (const change of [{ autoLockMinutes: 60 }, { submitGuard: false }, { extraHosts: ['ace-test.cbp.gov'] }, { extraHosts: [] }]) {
      const error = await rejection(call('settings/set', change));
      expect(error.code).toBe('forbidden');
      expect(error.message).toContain('Your organization');
    }
    expect(await call('settings/get', {})).toEqual({ autoLockMinutes: 5, submitGuard: true, extraHosts: ['train.cbp.gov'], reverifyDays: 180 });
    // Lifting the policy shows the user's own values again: nothing refused was written.
    area.policy = {};
    const restarted = makeHarness({ managedArea: area, indexedDB: factory });
    expect(await restarted.call('settings/get', {})).toEqual({ autoLockMinutes: 15, submitGuard: true, extraHosts: [], reverifyDays: 180 });
  });

  it("keeps the user's own values where nothing is managed, and lets them change", async () => {
    const { area } = managedArea({ forceSubmitGuard: true });
    const { call } = makeHarness({ managedArea: area });
    expect(await call('settings/set', { autoLockMinutes: 42, extraHosts: ['ace-test.cbp.gov'] })).toEqual({
      autoLockMinutes: 42,
      submitGuard: true,
      extraHosts: ['ace-test.cbp.gov'],
      reverifyDays: 180,
    });
  });

  it('holds the auto-lock to the managed maximum, in what is saved and in what is in force', async () => {
    const { area } = managedArea({});
    const first = makeHarness({ managedArea: area });
    await first.call('settings/set', { autoLockMinutes: 120 });
    area.policy = { maxAutoLockMinutes: 30 };
    const { call } = makeHarness({ managedArea: area, indexedDB: first.factory });
    expect((await call('settings/get', {})).autoLockMinutes).toBe(30);
    expect((await call('vault/status', {})).autoLockMinutes).toBe(30);
    expect((await rejection(call('settings/set', { autoLockMinutes: 31 }))).message).toContain('at most 30 minutes');
    expect((await call('settings/set', { autoLockMinutes: 10 })).autoLockMinutes).toBe(10);
  });

  it('ignores an invalid managed value with a warning, and never fails a request over it', async () => {
    const { area } = managedArea({ autoLockMinutes: 'five', extraHosts: ['ace-test.cbp.gov', 'evil.example.com'], allowExport: false });
    const warnings: string[] = [];
    const { call } = makeHarness({ managedArea: area, warn: (message) => warnings.push(message) });
    expect(await call('settings/get', {})).toEqual({ autoLockMinutes: 15, submitGuard: true, extraHosts: [], reverifyDays: 180 });
    expect(await call('settings/managed', {})).toEqual({ allowExport: false });
    expect(warnings.join('\n')).toContain('"autoLockMinutes" ignored');
    expect(warnings.join('\n')).toContain('"evil.example.com"');
  });

  it('counts an unreadable managed area (Firefox without a policy) as nothing managed', async () => {
    const { call } = makeHarness({
      managedArea: {
        get: () => Promise.reject(new Error('Managed storage manifest not found')),
      },
    });
    expect(await call('settings/managed', {})).toEqual({});
    expect(await call('settings/set', { submitGuard: false })).toMatchObject({ submitGuard: false });
  });

  it('refuses both exports when the organization does not allow export', async () => {
    const { area } = managedArea({ allowExport: false });
    const { call } = await unlockedHarness({ managedArea: area });
    await call('profiles/save', { profile: sampleProfile() });
    for (const request of [call('export/plain', { format: 'json' }), call('export/plain', { format: 'csv' }), call('export/encrypted', { passphrase: SCORE_4 })]) {
      const error = await rejection(request);
      expect(error.code).toBe('forbidden');
      expect(error.message).toBe('Your organization does not allow exporting profiles.');
    }
    area.policy = { allowExport: true };
    const allowed = await unlockedHarness({ managedArea: area });
    await allowed.call('profiles/save', { profile: sampleProfile() });
    expect((await allowed.call('export/plain', { format: 'json' })).count).toBe(1);
  });

  it('asks new passphrases for the managed minimum strength, and never less than 3', async () => {
    const { area } = managedArea({ minPassphraseScore: 4 });
    const { call } = makeHarness({ managedArea: area });
    const refused = await rejection(call('vault/setup', { passphrase: SCORE_3 }));
    expect(refused.code).toBe('bad-request');
    expect(refused.message).toContain('Your organization requires');
    expect((await call('vault/status', {})).state).toBe('new');
    await call('vault/setup', { passphrase: SCORE_4 });
    expect((await rejection(call('vault/change-passphrase', { current: SCORE_4, next: SCORE_3 }))).message).toContain('Your organization requires');
    expect((await rejection(call('export/encrypted', { passphrase: SCORE_3 }))).message).toContain('Your organization requires');

    // A minimum under the app's own lowers nothing: score 2 is still refused.
    area.policy = { minPassphraseScore: 0 };
    const lenient = makeHarness({ managedArea: area });
    expect((await rejection(lenient.call('vault/setup', { passphrase: 'bluebird sunset' }))).message).toContain('too easy to guess');
    await lenient.call('vault/setup', { passphrase: SCORE_3 });
  });

  it('reads the policy again when the browser reports a change, and follows its hosts', async () => {
    const { area, reads } = managedArea({ autoLockMinutes: 5 });
    const { app, call } = makeHarness({ managedArea: area });
    await call('settings/get', {});
    await call('settings/get', {});
    expect(reads()).toBe(1);
    area.policy = { autoLockMinutes: 9 };
    expect((await call('settings/get', {})).autoLockMinutes).toBe(5);
    await app.onManagedChanged();
    expect((await call('settings/get', {})).autoLockMinutes).toBe(9);
    expect(reads()).toBe(2);
  });

  it('treats the managed extra hosts as ACE hosts for the sender check', async () => {
    const { area } = managedArea({ extraHosts: ['train.cbp.gov'] });
    const { from } = await unlockedHarness({ managedArea: area });
    const trainTab = { id: fakeBrowser.runtime.id, url: 'https://train.cbp.gov/s/importer', tab: { id: 9 } };
    expect(await from(trainTab)('vault/status', {})).toMatchObject({ state: 'unlocked' });
    const otherTab = { id: fakeBrowser.runtime.id, url: 'https://ace-test.cbp.gov/s/importer', tab: { id: 9 } };
    expect((await rejection(from(otherTab)('vault/status', {}))).code).toBe('forbidden');
  });
});
