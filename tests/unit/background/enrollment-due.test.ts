/**
 * What makes an importer due for a look, through the background: a verification older than the
 * re-verify setting, a profile whose bank details changed since, a routing number the imported
 * FedACH file replaced or does not list (and a newer file that lists it again); and the toolbar
 * badge, the count of mismatches and re-verifies while unlocked, counted once a burst pauses.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FedAchRecord } from '@/utils/bank/fedach-record';
import { BURST_QUIET_MS } from '@/utils/background/compare-pacing';
import { BADGE_DELAY_MS, type BadgeApis } from '@/utils/background/enrollment-service';
import type { SenderFacts } from '@/utils/messaging/classify-sender';
import { makeHarness, OWN_ID, OWN_ORIGIN, PASSPHRASE, unlockedHarness, type Harness } from './harness';
import { CHASE, importDirectory } from './directory-steps';
import { ACME, ACME_ON_FILE, BETA, lookOnFile, aceFrame, rowOf, showImporter, statusOf, withProfiles } from './enrollment-steps';

beforeEach(() => {
  fakeBrowser.reset();
});

const DAY_MS = 86_400_000;
const OPTIONS: SenderFacts = { id: OWN_ID, url: `${OWN_ORIGIN}options.html`, tab: { id: 3 } };
const NEXT_VISIT_MS = BURST_QUIET_MS + 1_000;
const BETA_ON_FILE = { routing: '011000015', account: '*****1122', accountType: '02 - Savings' };

const BOSTON: FedAchRecord = { ...CHASE, routingNumber: '011000015', name: 'FEDERAL RESERVE BANK OF BOSTON', city: 'BOSTON', state: 'MA' };


/** Moves the clock on by `ms` and unlocks again (the auto-lock ran meanwhile). */
async function later(harness: Harness, ms: number) {
  harness.clock.advance(ms);
  if ((await harness.call('vault/status', {})).state !== 'unlocked') await harness.call('vault/unlock', { passphrase: PASSPHRASE });
}

async function editProfile(harness: Harness, id: string, changes: Record<string, unknown>) {
  const { profile } = await harness.call('profiles/get', { id });
  await harness.call('profiles/save', { id, profile: { ...profile, ...changes } });
}

async function verifiedAcme(overrides: Parameters<typeof unlockedHarness>[0] = {}) {
  const harness = await unlockedHarness(overrides);
  const ids = await withProfiles(harness);
  await showImporter(harness, ACME);
  await lookOnFile(harness, ACME_ON_FILE);
  return { harness, ids };
}

describe('re-verify', () => {
  it('after more than the set number of days since the last match', async () => {
    const { harness } = await verifiedAcme();
    expect((await harness.call('settings/set', { reverifyDays: 30 })).reverifyDays).toBe(30);
    await later(harness, 30 * DAY_MS);
    expect(await statusOf(harness, ACME)).toEqual({ status: 'verified', statuses: ['verified'] });
    await later(harness, DAY_MS);
    const due = await rowOf(harness, ACME);
    expect(due.statuses).toEqual(['reverify']);
    expect(due.notes).toEqual(['Verified 31 days ago, more than 30.']);
    // The default (180 days) puts it back among the verified; a new look does too.
    await harness.call('settings/set', { reverifyDays: 180 });
    expect((await statusOf(harness, ACME)).status).toBe('verified');
    await harness.call('settings/set', { reverifyDays: 30 });
    await lookOnFile(harness, ACME_ON_FILE);
    expect((await statusOf(harness, ACME)).status).toBe('verified');
  });

  it('refuses a re-verify setting out of range', async () => {
    const harness = await unlockedHarness();
    for (const reverifyDays of [0, -1, 1.5, 3651]) {
      await expect(harness.call('settings/set', { reverifyDays })).rejects.toMatchObject({ code: 'bad-request' });
    }
    expect((await harness.call('settings/get', {})).reverifyDays).toBe(180);
  });

  it('once the profile’s bank details change after the match, not for a new label', async () => {
    const { harness, ids } = await verifiedAcme();
    await editProfile(harness, ids.acme, { label: 'Acme (renamed)' });
    expect(await statusOf(harness, ACME)).toEqual({ status: 'verified', statuses: ['verified'] });
    await editProfile(harness, ids.acme, { routingNumber: '011000015', bankName: 'FEDERAL RESERVE BANK OF BOSTON' });
    const due = await rowOf(harness, ACME);
    expect(due).toMatchObject({ status: 'reverify', profileLabel: 'Acme (renamed)', routingNumber: '011000015' });
    expect(due.notes[0]).toMatch(/bank details changed/);
  });

  it('a mismatch whose profile was corrected since asks for a new look instead', async () => {
    const { harness, ids } = await verifiedAcme();
    harness.clock.advance(NEXT_VISIT_MS);
    await lookOnFile(harness, { ...ACME_ON_FILE, account: '*****1111' });
    expect((await statusOf(harness, ACME)).status).toBe('mismatch');
    await editProfile(harness, ids.acme, { accountNumber: '000222221111' });
    expect(await statusOf(harness, ACME)).toEqual({ status: 'reverify', statuses: ['reverify'] });
  });
});

describe('directory warnings', () => {
  it('warns of a routing number the FedACH file replaced or does not list, until a newer file lists it', async () => {
    const { harness } = await verifiedAcme();
    await showImporter(harness, BETA, 8);
    await lookOnFile(harness, BETA_ON_FILE, aceFrame(8));
    expect((await harness.call('enrollment/list', {})).directory).toBeNull();

    // Chase's number replaced by Boston's; Boston's own listed.
    await importDirectory(harness.call, [{ ...CHASE, recordType: '2', newRoutingNumber: '011000015' }, BOSTON]);
    const replaced = await rowOf(harness, ACME);
    expect(replaced.statuses).toEqual(['directory', 'verified']);
    expect(replaced.status).toBe('directory');
    expect(replaced.notes).toContain('The FedACH file says routing number 021000021 was replaced by 011000015.');
    expect(await statusOf(harness, BETA)).toEqual({ status: 'verified', statuses: ['verified'] });

    // A file without Chase's number at all.
    await importDirectory(harness.call, [BOSTON]);
    expect((await rowOf(harness, ACME)).notes).toContain('Routing number 021000021 is not in the imported FedACH file.');
    const list = await harness.call('enrollment/list', {});
    expect(list.directory).toMatchObject({ recordCount: 1, sourceName: 'FedACHdir.txt' });

    // A newer file that lists it again: the warning is gone.
    await importDirectory(harness.call, [{ ...CHASE, changeDate: '2026-02-01' }, BOSTON], 'FedACHdir-2026.txt');
    expect(await statusOf(harness, ACME)).toEqual({ status: 'verified', statuses: ['verified'] });
    expect(harness.errors).toEqual([]);
  });
});

/** A badge that remembers what it was set to, and a debounce timer the test runs by hand. */
function fakeBadge() {
  const texts: string[] = [];
  const colors: string[] = [];
  const timers: Array<{ run: () => void; ms: number }> = [];
  /** When set, the next setText waits until the test releases it (a slow browser call). */
  const hold: { next: boolean; release?: () => void } = { next: false };
  const badge: BadgeApis = {
    setText: async (text) => {
      texts.push(text);
      if (!hold.next) return;
      hold.next = false;
      await new Promise<void>((resolve) => (hold.release = resolve));
    },
    setColor: async (color) => {
      colors.push(color);
    },
  };
  return {
    badge,
    badgeTimer: (run: () => void, ms: number) => timers.push({ run, ms }),
    texts,
    colors,
    timers,
    hold,
    /** Runs the pending recount and waits until the badge shows `text`. */
    async shows(text: string) {
      expect(timers.length).toBeGreaterThan(0);
      for (const timer of timers.splice(0)) timer.run();
      await expect.poll(() => texts.at(-1)).toBe(text);
    },
  };
}

describe('the toolbar badge', () => {
  it('counts mismatches and re-verifies while unlocked, nothing while locked', async () => {
    const fake = fakeBadge();
    const { harness, ids } = await verifiedAcme({ badge: fake.badge, badgeTimer: fake.badgeTimer });
    // The setup, the saves and the look were one burst: one recount, after the delay.
    expect(fake.timers.map((timer) => timer.ms)).toEqual([BADGE_DELAY_MS]);
    await fake.shows('');
    expect(fake.colors).toHaveLength(1);

    harness.clock.advance(NEXT_VISIT_MS);
    await lookOnFile(harness, { ...ACME_ON_FILE, account: '*****1111' });
    await fake.shows('1');

    // Beta due for a new look: its profile changed after a match.
    await showImporter(harness, BETA, 8);
    await lookOnFile(harness, BETA_ON_FILE, aceFrame(8));
    await editProfile(harness, ids.beta, { routingNumber: '021000021', bankName: 'JPMORGAN CHASE BANK' });
    await fake.shows('2');
    expect(await statusOf(harness, BETA)).toEqual({ status: 'reverify', statuses: ['reverify'] });

    // A directory warning on the mismatch row does not count it twice.
    await importDirectory(harness.call, [BOSTON]);
    expect((await rowOf(harness, ACME)).statuses).toEqual(['mismatch', 'directory']);
    await fake.shows('2');

    await harness.call('vault/lock', {});
    await fake.shows('');
    await harness.call('vault/unlock', { passphrase: PASSPHRASE });
    await fake.shows('2');
    expect(fake.colors).toHaveLength(1);
    expect(harness.errors).toEqual([]);
  });

  it('is not set again when the count did not change, and clears on Erase all data', async () => {
    const fake = fakeBadge();
    const { harness } = await verifiedAcme({ badge: fake.badge, badgeTimer: fake.badgeTimer });
    harness.clock.advance(NEXT_VISIT_MS);
    await lookOnFile(harness, { ...ACME_ON_FILE, account: '*****1111' });
    await fake.shows('1');
    const calls = fake.texts.length;
    await harness.call('settings/set', { reverifyDays: 90 });
    for (const timer of fake.timers.splice(0)) timer.run();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.texts).toHaveLength(calls);


    await harness.from(OPTIONS)('data/erase', { confirmation: 'ERASE' });
    await fake.shows('');
  });

  it('recounts one at a time, in order: a slow recount does not leave its count behind', async () => {
    const fake = fakeBadge();
    const { harness, ids } = await verifiedAcme({ badge: fake.badge, badgeTimer: fake.badgeTimer });
    harness.clock.advance(NEXT_VISIT_MS);
    await lookOnFile(harness, { ...ACME_ON_FILE, account: '*****1111' });
    await fake.shows('1');

    // Beta comes due; that recount's call to the browser is slow.
    await showImporter(harness, BETA, 8);
    await lookOnFile(harness, BETA_ON_FILE, aceFrame(8));
    await editProfile(harness, ids.beta, { routingNumber: '021000021', bankName: 'JPMORGAN CHASE BANK' });
    fake.hold.next = true;
    await fake.shows('2');
    // Locked meanwhile: that recount runs after the slow one, not beside it.
    await harness.call('vault/lock', {});
    for (const timer of fake.timers.splice(0)) timer.run();
    await new Promise((resolve) => setTimeout(resolve, 50));
    fake.hold.release!();
    await expect.poll(() => fake.texts.at(-1)).toBe('');
    await harness.call('vault/unlock', { passphrase: PASSPHRASE });
    await fake.shows('2');
    expect(harness.errors).toEqual([]);
  });

  it('is not recounted for a comparison that records nothing (the user typing)', async () => {
    const fake = fakeBadge();
    const { harness } = await verifiedAcme({ badge: fake.badge, badgeTimer: fake.badgeTimer });
    await fake.shows('');
    const compare = (recordVerification: boolean) =>
      harness.from(aceFrame())('page/compare', { form: { routing: '0210' }, onFile: ACME_ON_FILE, recordVerification, page: 'https://ace.cbp.gov/s/importer/001' });
    await compare(false);
    harness.clock.advance(NEXT_VISIT_MS);
    await compare(false);
    expect(fake.timers).toEqual([]);
    harness.clock.advance(NEXT_VISIT_MS);
    await compare(true);
    expect(fake.timers).toHaveLength(1);
  });

  it('is counted at a worker start while unlocked (a day may have passed)', async () => {
    const first = await verifiedAcme();
    await first.harness.call('settings/set', { reverifyDays: 30 });
    first.harness.clock.advance(31 * DAY_MS);
    await first.harness.call('vault/unlock', { passphrase: PASSPHRASE }).catch(() => undefined);

    const fake = fakeBadge();
    const restarted = makeHarness({ indexedDB: first.harness.factory, clock: first.harness.clock, badge: fake.badge, badgeTimer: fake.badgeTimer });
    await restarted.app.startup();
    await fake.shows('1');
  });
});
