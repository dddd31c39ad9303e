/**
 * Auto-lock waits only for the user: a content script's requests, which an ACE page's scripts
 * can provoke at will (synthetic input events make it compare), never postpone it; the content
 * script's page/user-activity (sent for the user's trusted events) and our extension pages'
 * requests do.
 */
import { describe, expect, it } from 'vitest';
import { AUTO_LOCK_ALARM } from '@/utils/background/background-app';
import { countsAsUserActivity } from '@/utils/background/auto-lock-activity';
import { PROTOCOL, type RequestType } from '@/utils/messaging/protocol';
import { ACE_TAB, OWN_ID, rejection, sampleProfile, unlockedHarness, type Harness } from './harness';

const MINUTE = 60_000;

async function stateAfterAlarm({ app, call }: Harness) {
  await app.onAlarm(AUTO_LOCK_ALARM);
  return (await call('vault/status', {})).state;
}

/** What a page script makes the content script send, again and again. */
async function pageProvokedRequests({ from }: Harness) {
  const content = from(ACE_TAB);
  await content('page/importer', { importerNumbers: ['12-345678900'] });
  await content('page/form', { present: true });
  await content('page/settings', {});
  await content('vault/status', {});
  await content('directory/lookup', { routingNumber: '021000021' });
  await content('page/compare', {
    form: { routing: '021000021', account: '000123456789' },
    onFile: {},
    recordVerification: false,
    page: 'https://ace.cbp.gov/s/importer',
  });
}

describe('auto-lock and activity', () => {
  it("does not wait for a content script's requests, however many", async () => {
    const harness = await unlockedHarness();
    await harness.call('profiles/save', { profile: sampleProfile() });
    for (let minute = 1; minute <= 14; minute++) {
      harness.clock.advance(MINUTE);
      await pageProvokedRequests(harness);
    }
    expect(await stateAfterAlarm(harness)).toBe('unlocked');
    harness.clock.advance(MINUTE);
    await pageProvokedRequests(harness).catch(() => {});
    expect(await stateAfterAlarm(harness)).toBe('locked');
    const { entries } = await harness.call('activity/list', {});
    expect(entries[0]?.action).toBe('vault-auto-lock');
  });

  it("waits for the content script's page/user-activity (the user's own key presses and clicks)", async () => {
    const harness = await unlockedHarness();
    harness.clock.advance(14 * MINUTE);
    expect(await harness.from(ACE_TAB)('page/user-activity', {})).toEqual({ done: true });
    harness.clock.advance(14 * MINUTE);
    expect(await stateAfterAlarm(harness)).toBe('unlocked');
    harness.clock.advance(MINUTE);
    expect(await stateAfterAlarm(harness)).toBe('locked');
  });

  it("waits for the extension pages' requests, but not for vault/status", async () => {
    const harness = await unlockedHarness();
    harness.clock.advance(14 * MINUTE);
    await harness.call('profiles/list', {});
    harness.clock.advance(14 * MINUTE);
    expect(await stateAfterAlarm(harness)).toBe('unlocked');
    await harness.call('vault/status', {});
    harness.clock.advance(MINUTE);
    expect(await stateAfterAlarm(harness)).toBe('locked');
  });

  it('refuses page/user-activity from a page that is not an ACE page, and it does not count', async () => {
    const harness = await unlockedHarness();
    harness.clock.advance(14 * MINUTE);
    const elsewhere = { id: OWN_ID, url: 'https://www.cbp.gov/', tab: { id: 9 } };
    expect((await rejection(harness.from(elsewhere)('page/user-activity', {}))).code).toBe('forbidden');
    harness.clock.advance(MINUTE);
    expect(await stateAfterAlarm(harness)).toBe('locked');
  });
});

describe('countsAsUserActivity', () => {
  const types = Object.keys(PROTOCOL) as RequestType[];

  it('counts only page/user-activity from a content script', () => {
    expect(types.filter((type) => countsAsUserActivity(type, 'ace-content-script'))).toEqual(['page/user-activity']);
  });

  it("counts every extension page request but the ones pages send on their own", () => {
    expect(types.filter((type) => !countsAsUserActivity(type, 'extension-page')).sort()).toEqual(
      ['page/assistant', 'page/form', 'page/importer', 'page/settings', 'vault/status'],
    );
  });

  it('never counts an unknown sender', () => {
    expect(types.filter((type) => countsAsUserActivity(type, 'other'))).toEqual([]);
  });
});
