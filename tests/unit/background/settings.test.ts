import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { appendActivity, listActivity } from '@/utils/background/activity-log';
import { openAppDatabase } from '@/utils/background/database';
import { checkExtraHosts, normaliseExtraHost, OPTIONAL_HOST_PATTERNS } from '@/utils/background/extra-hosts';
import { EXTRA_HOSTS_SCRIPT_ID, syncExtraHostScripts, type RegisteredScript, type ScriptRegistrationApis } from '@/utils/background/extra-host-scripts';
import { IDBFactory } from 'fake-indexeddb';
import { makeHarness, sampleProfile, unlockedHarness, rejection } from './harness';

beforeEach(() => {
  fakeBrowser.reset();
});

/** An in-memory browser.scripting with a permission set. */
function fakeScripting(granted: string[]) {
  let registered: RegisteredScript[] = [];
  let changes = 0;
  const apis: ScriptRegistrationApis = {
    scripting: {
      async registerContentScripts(scripts) {
        if (scripts.some((script) => registered.some((r) => r.id === script.id))) throw new Error('duplicate id');
        registered.push(...scripts);
        changes++;
      },
      async unregisterContentScripts(filter) {
        registered = registered.filter((script) => !filter?.ids?.includes(script.id));
        changes++;
      },
      async getRegisteredContentScripts(filter) {
        return registered.filter((script) => !filter?.ids || filter.ids.includes(script.id));
      },
    },
    permissions: { contains: async ({ origins }) => (origins ?? []).every((origin) => granted.includes(origin)) },
    contentScriptFiles: () => ['content-scripts/ace.js'],
  };
  return { apis, registered: () => registered, changes: () => changes };
}

describe('settings', () => {
  it('answers defaults, stores changes, and validates them', async () => {
    const { call } = makeHarness();
    expect(await call('settings/get', {})).toEqual({ autoLockMinutes: 15, submitGuard: true, extraHosts: [], reverifyDays: 180 });
    expect(await call('settings/set', { autoLockMinutes: 5 })).toEqual({ autoLockMinutes: 5, submitGuard: true, extraHosts: [], reverifyDays: 180 });
    expect((await rejection(call('settings/set', { autoLockMinutes: 0 }))).code).toBe('bad-request');
    expect((await rejection(call('settings/set', { autoLockMinutes: 2.5 }))).code).toBe('bad-request');
    expect((await call('settings/get', {})).autoLockMinutes).toBe(5);
  });

  it('keeps the settings across a worker restart', async () => {
    const first = makeHarness();
    await first.call('settings/set', { submitGuard: false, extraHosts: ['ace-test.cbp.gov'] });
    const restarted = makeHarness({ indexedDB: first.factory });
    expect(await restarted.call('settings/get', {})).toEqual({ autoLockMinutes: 15, submitGuard: false, extraHosts: ['ace-test.cbp.gov'], reverifyDays: 180 });
  });

  it('accepts only CBP hosts as extra hosts, normalised', async () => {
    const { call } = makeHarness();
    const saved = await call('settings/set', { extraHosts: ['ACE-TEST.cbp.gov.', 'ace-test.cbp.gov', 'ace.cbp.gov', 'train.cbp.dhs.gov'] });
    expect(saved.extraHosts).toEqual(['ace-test.cbp.gov', 'train.cbp.dhs.gov']);
    const error = await rejection(call('settings/set', { extraHosts: ['ace-test.cbp.gov', 'evil.example.com'] }));
    expect(error.code).toBe('bad-request');
    expect(error.message).toContain('evil.example.com');
    expect((await call('settings/get', {})).extraHosts).toEqual(['ace-test.cbp.gov', 'train.cbp.dhs.gov']);
  });

  it('registers the ACE content script for granted extra hosts', async () => {
    const scripting = fakeScripting(['https://ace-test.cbp.gov/*']);
    const { call, app } = makeHarness({ scriptApis: scripting.apis });
    await call('settings/set', { extraHosts: ['ace-test.cbp.gov', 'ungranted.cbp.gov'] });
    expect(scripting.registered()).toEqual([
      {
        id: EXTRA_HOSTS_SCRIPT_ID,
        matches: ['https://ace-test.cbp.gov/*'],
        js: ['content-scripts/ace.js'],
        allFrames: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    const changes = scripting.changes();
    await app.startup();
    // Already right: left alone, so no page loading meanwhile misses the script.
    expect(scripting.changes()).toBe(changes);
    expect(scripting.registered()).toHaveLength(1);
    await call('settings/set', { extraHosts: [] });
    expect(scripting.registered()).toEqual([]);
  });

  it('does nothing where the scripting API is missing', async () => {
    expect(await syncExtraHostScripts({ contentScriptFiles: () => ['x.js'] }, ['ace-test.cbp.gov'])).toBeUndefined();
    const { call } = makeHarness({ scriptApis: { contentScriptFiles: () => ['x.js'] } });
    expect((await call('settings/set', { extraHosts: ['ace-test.cbp.gov'] })).extraHosts).toEqual(['ace-test.cbp.gov']);
  });
});

describe('extra host rules', () => {
  it('matches what the optional host permissions cover', () => {
    expect(OPTIONAL_HOST_PATTERNS).toEqual(['https://*.cbp.gov/*', 'https://*.cbp.dhs.gov/*']);
    expect(normaliseExtraHost(' Ace-Test.CBP.gov ')).toBe('ace-test.cbp.gov');
    for (const bad of ['cbp.gov', 'evilcbp.gov', 'ace.cbp.gov.evil.com', 'https://ace-test.cbp.gov', 'ace-test.cbp.gov:8443', '-x.cbp.gov', '']) {
      expect(normaliseExtraHost(bad), bad).toBeUndefined();
    }
    expect(checkExtraHosts(['a.cbp.gov', 'nope'])).toEqual({ ok: false, rejected: ['nope'] });
  });
});

describe('activity log', () => {
  it('lists newest first and never holds an account number', async () => {
    const { call } = await unlockedHarness();
    const saved = await call('profiles/save', {
      profile: sampleProfile({ label: 'Acme', importerNumbers: ['12-345678900'], accountNumber: '000111222333' }),
    });
    await call('profiles/save', { id: saved.profile.id, profile: sampleProfile({ label: 'Acme 2', accountNumber: '000111222444' }) });
    await call('profiles/delete', { id: saved.profile.id });
    await call('profiles/restore', { id: saved.profile.id });
    await call('export/plain', { format: 'csv' });
    const { entries } = await call('activity/list', {});
    expect(entries.map((entry) => entry.action)).toEqual([
      'profiles-export',
      'profile-restore',
      'profile-delete',
      'profile-update',
      'profile-create',
      'vault-setup',
    ]);
    expect(entries[4]).toMatchObject({ profileLabel: 'Acme', importerNumber: '12-345678900' });
    const text = JSON.stringify(entries);
    expect(text).not.toContain('000111222');
  });

  it('keeps at most the cap, dropping the oldest', async () => {
    const db = await openAppDatabase(new IDBFactory());
    for (let i = 0; i < 12; i++) await appendActivity(db, { action: 'vault-lock', detail: `#${i}` }, new Date(Date.UTC(2026, 0, 1, 0, i)), 10);
    const entries = await listActivity(db);
    expect(entries).toHaveLength(10);
    expect(entries[0]?.detail).toBe('#11');
    expect(entries.at(-1)?.detail).toBe('#2');
    db.close();
  });
});
