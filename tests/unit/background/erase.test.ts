import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EXTRA_HOSTS_SCRIPT_ID, type RegisteredScript, type ScriptRegistrationApis } from '@/utils/background/extra-host-scripts';
import { isOptionsPage } from '@/utils/background/handlers/erase';
import type { SenderFacts } from '@/utils/messaging/classify-sender';
import { ACE_TAB, dumpDatabase, makeHarness, OWN_ORIGIN, OWN_ID, PASSPHRASE, POPUP, rejection, sampleProfile, type Harness } from './harness';
import { CHASE, importDirectory } from './directory-steps';

beforeEach(() => {
  fakeBrowser.reset();
});

const OPTIONS: SenderFacts = { id: OWN_ID, url: `${OWN_ORIGIN}options.html`, tab: { id: 3 } };
const ERASE = { confirmation: 'ERASE' } as const;

/** browser.scripting with every CBP host granted, remembering what is registered. */
function fakeScripting() {
  let registered: RegisteredScript[] = [];
  const apis: ScriptRegistrationApis = {
    scripting: {
      async registerContentScripts(scripts) {
        registered.push(...scripts);
      },
      async unregisterContentScripts(filter) {
        registered = registered.filter((script) => !filter?.ids?.includes(script.id));
      },
      async getRegisteredContentScripts(filter) {
        return registered.filter((script) => !filter?.ids || filter.ids.includes(script.id));
      },
    },
    permissions: { contains: async () => true },
    contentScriptFiles: () => ['content-scripts/ace.js'],
  };
  return { apis, registered: () => registered };
}

/** A harness with everything a user accumulates: vault, profile, directory, settings, log, storage. */
async function fullHarness() {
  const scripting = fakeScripting();
  const harness = makeHarness({
    scriptApis: scripting.apis,
    storageAreas: [fakeBrowser.storage.local, fakeBrowser.storage.session],
  });
  const { call } = harness;
  await call('vault/setup', { passphrase: PASSPHRASE });
  await call('profiles/save', { profile: sampleProfile({ label: 'Acme main' }) });
  await importDirectory(call, [CHASE]);
  await call('settings/set', { autoLockMinutes: 5, submitGuard: false, extraHosts: ['ace-test.cbp.gov'] });
  await fakeBrowser.storage.local.set({ leftover: 'from an older version' });
  return { ...harness, scripting };
}

async function expectUntouched(harness: Harness) {
  expect((await harness.call('vault/status', {})).state).toBe('unlocked');
  expect((await harness.call('profiles/list', {})).count).toBe(1);
  expect((await harness.call('settings/get', {})).autoLockMinutes).toBe(5);
  expect(await dumpDatabase(harness.factory)).toContain('Acme main');
}

describe('data/erase', () => {
  it('leaves the extension as freshly installed: database, storage areas, memory, extra host script', async () => {
    const harness = await fullHarness();
    const { call, from } = harness;
    expect(harness.scripting.registered().map((script) => script.id)).toEqual([EXTRA_HOSTS_SCRIPT_ID]);
    expect(Object.keys(await fakeBrowser.storage.session.get())).not.toHaveLength(0);

    expect(await from(OPTIONS)('data/erase', ERASE)).toEqual({ done: true });

    const dump = JSON.parse(await dumpDatabase(harness.factory)) as Record<string, unknown[]>;
    expect(Object.keys(dump).length).toBeGreaterThan(5);
    for (const [store, records] of Object.entries(dump)) expect({ store, records }).toEqual({ store, records: [] });
    expect(await fakeBrowser.storage.session.get()).toEqual({});
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(harness.scripting.registered()).toEqual([]);

    expect(await call('vault/status', {})).toEqual({ state: 'new', autoLockMinutes: 15 });
    expect(await call('settings/get', {})).toEqual({ autoLockMinutes: 15, submitGuard: true, extraHosts: [], reverifyDays: 180 });
    expect(await call('directory/status', {})).toEqual({ status: null });
    expect(await call('activity/list', {})).toEqual({ entries: [] });
    expect(harness.errors).toEqual([]);
  });

  it('keeps nothing in memory: a new vault starts empty and the old directory is gone from lookups', async () => {
    const harness = await fullHarness();
    const { call, from } = harness;
    // Read while unlocked, so the profiles and the directory index are held in memory.
    expect((await call('profiles/list', {})).count).toBe(1);
    expect((await call('directory/lookup', { routingNumber: '021000021' })).bankName).toBe('JPMORGAN CHASE BANK');

    await from(OPTIONS)('data/erase', ERASE);
    expect((await rejection(call('profiles/list', {}))).code).toMatch(/locked|no-vault/);
    expect((await rejection(call('vault/unlock', { passphrase: PASSPHRASE }))).code).toBe('no-vault');

    await call('vault/setup', { passphrase: 'a different passphrase for the new vault' });
    expect(await call('profiles/list', {})).toMatchObject({ profiles: [], count: 0, total: 0 });
    expect(await call('directory/lookup', { routingNumber: '021000021' })).toMatchObject({ imported: false, found: false });
    const log = (await call('activity/list', {})).entries.map((entry) => entry.action);
    expect(log).toEqual(['vault-setup']);
  });

  it('is refused to content scripts, to our other pages and to other extensions, erasing nothing', async () => {
    const harness = await fullHarness();
    const otherExtension: SenderFacts = { id: 'someone-else', url: 'chrome-extension://someone-else/options.html' };
    const pageFrame: SenderFacts = { ...ACE_TAB, url: 'https://ace.cbp.gov/options.html' };
    for (const sender of [ACE_TAB, pageFrame, POPUP, { id: OWN_ID, url: `${OWN_ORIGIN}picker.html`, tab: { id: 7 } }, otherExtension]) {
      expect({ sender, code: (await rejection(harness.from(sender)('data/erase', ERASE))).code }).toEqual({ sender, code: 'forbidden' });
    }
    await expectUntouched(harness);
  });

  it('needs the typed confirmation word', async () => {
    const harness = await fullHarness();
    const send = (payload: unknown) => harness.app.receive({ type: 'data/erase', payload }, OPTIONS);
    for (const payload of [{}, { confirmation: 'erase' }, { confirmation: 'ERASE ' }, { confirmation: true }, undefined]) {
      expect(await send(payload)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    await expectUntouched(harness);
  });

  it('finds the options page by its path only', () => {
    expect(isOptionsPage(`${OWN_ORIGIN}options.html`)).toBe(true);
    expect(isOptionsPage(`${OWN_ORIGIN}options.html#erase`)).toBe(true);
    expect(isOptionsPage(`${OWN_ORIGIN}popup.html?options.html`)).toBe(false);
    expect(isOptionsPage(`${OWN_ORIGIN}picker.html`)).toBe(false);
    expect(isOptionsPage(undefined)).toBe(false);
    expect(isOptionsPage('not a url')).toBe(false);
  });
});
