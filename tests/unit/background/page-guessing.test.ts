/**
 * page/compare against a page script that guesses: it rewrites CBP's values on file and reads
 * each verdict. It learns no more than the last 4 digits, gets one answer a second per tab, is
 * named on the card as a page that keeps changing the values, leaves one log line per burst,
 * and a sandboxed frame gets no profile comparison at all.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BURST_QUIET_MS, COMPARE_INTERVAL_MS, createComparePacing, REPEATED_CHANGES } from '@/utils/background/compare-pacing';
import type { SenderFacts } from '@/utils/messaging/classify-sender';
import type { RequestOf } from '@/utils/messaging/protocol';
import { OWN_ID, sampleProfile, unlockedHarness, type Harness } from './harness';

beforeEach(() => {
  fakeBrowser.reset();
});

const ACE_PAGE = 'https://ace.cbp.gov/s/importer/001?tabset=ach#refund';
const ACCOUNT = '418530927716';
const IMPORTER = '12-345678900';

function aceFrame(tabId: number, frameId: number, extra: Partial<SenderFacts> = {}): SenderFacts {
  return { id: OWN_ID, url: ACE_PAGE, tab: { id: tabId }, frameId, ...extra };
}

function onFileRequest(account: string, recordVerification = false): RequestOf<'page/compare'> {
  return {
    form: {},
    onFile: { routing: '021000021', account, accountType: 'Checking' },
    recordVerification,
    page: ACE_PAGE,
  };
}

async function acmeHarness(): Promise<Harness> {
  const harness = await unlockedHarness();
  await harness.call('profiles/save', {
    profile: sampleProfile({ label: 'Acme', importerNumbers: [IMPORTER], routingNumber: '021000021', accountNumber: ACCOUNT }),
  });
  await harness.from(aceFrame(7, 0))('page/importer', { importerNumbers: [IMPORTER] });
  return harness;
}

async function logLines(harness: Harness) {
  const { entries } = await harness.call('activity/list', {});
  return entries.filter((entry) => ['verify-on-file', 'on-file-mismatch'].includes(entry.action));
}

describe('page/compare: a page script guessing the account number on file', () => {
  it('learns the last 4 digits and nothing more, one answer a second, one log line', async () => {
    const harness = await acmeHarness();
    const ask = harness.from(aceFrame(7, 0));
    const started = harness.clock.now;
    let known = '';
    let answers = 0;
    let repeated = false;
    for (let position = 0; position < ACCOUNT.length; position++) {
      const matching: string[] = [];
      for (const digit of '0123456789') {
        const answer = await ask('page/compare', onFileRequest(`*****${digit}${known}`, true));
        answers++;
        repeated ||= answer.repeatedChanges === true;
        if (answer.verdicts.some((v) => v.kind === 'account' && v.result === 'match')) matching.push(digit);
      }
      if (matching.length !== 1) break;
      known = matching[0]! + known;
    }
    expect(known).toBe(ACCOUNT.slice(-4));
    // The fifth digit from the end is never compared: every candidate is "unknown".
    expect(answers).toBe(50);
    expect(harness.clock.now - started).toBeGreaterThanOrEqual((answers - 1) * COMPARE_INTERVAL_MS);
    expect(repeated).toBe(true);
    expect(await logLines(harness)).toHaveLength(1);
  });

  it('compares a whole unmasked number as equal or not, and a long masked tail not at all', async () => {
    const harness = await acmeHarness();
    const ask = harness.from(aceFrame(7, 0));
    const account = async (text: string) =>
      (await ask('page/compare', onFileRequest(text))).verdicts.find((v) => v.kind === 'account')?.result;
    expect(await account(ACCOUNT)).toBe('match');
    expect(await account('418530927717')).toBe('mismatch');
    expect(await account('*****27716')).toBe('unknown');
    expect(await account('XXXX7716')).toBe('match');
  });

  it('paces each tab on its own', async () => {
    const harness = await acmeHarness();
    await harness.from(aceFrame(8, 0))('page/importer', { importerNumbers: [IMPORTER] });
    const started = harness.clock.now;
    await harness.from(aceFrame(7, 0))('page/compare', onFileRequest('*****7716'));
    await harness.from(aceFrame(8, 0))('page/compare', onFileRequest('*****7716'));
    expect(harness.clock.now).toBe(started);
    await harness.from(aceFrame(7, 1))('page/compare', onFileRequest('*****7716'));
    expect(harness.clock.now).toBe(started + COMPARE_INTERVAL_MS);
  });

  it('waits for its turn outside the profile writes: a page that keeps asking never holds up a save', async () => {
    let release: () => void = () => {};
    const harness = await unlockedHarness({ sleep: () => new Promise<void>((resolve) => (release = resolve)) });
    await harness.call('profiles/save', {
      profile: sampleProfile({ label: 'Acme', importerNumbers: [IMPORTER], routingNumber: '021000021', accountNumber: ACCOUNT }),
    });
    await harness.from(aceFrame(7, 0))('page/importer', { importerNumbers: [IMPORTER] });
    const ask = harness.from(aceFrame(7, 0));
    await ask('page/compare', onFileRequest('*****0000', true));
    const waiting = ask('page/compare', onFileRequest('*****7716', true));
    // The second comparison waits for its turn; a save from the popup goes through meanwhile.
    const saved = await harness.call('profiles/save', { profile: sampleProfile({ label: 'Beta', importerNumbers: ['98-765432100'] }) });
    expect(saved.profile.label).toBe('Beta');
    release();
    expect((await waiting).verdicts.find((v) => v.kind === 'account')?.result).toBe('match');
  });

  it('gives a sandboxed frame format checks only, even for the page importer', async () => {
    const harness = await acmeHarness();
    const answer = await harness.from(aceFrame(7, 3, { origin: 'null' }))('page/compare', {
      ...onFileRequest('*****7716', true),
      form: { routing: '021000021', account: ACCOUNT },
    });
    expect(answer).toEqual({ vault: 'unlocked', importerNumbers: [], match: 'unknown-importer', choices: [], verdicts: [], formatOnly: true });
    expect(await logLines(harness)).toEqual([]);
  });
});

describe('compare pacing', () => {
  it('books one slot a second and names a burst of changes', () => {
    const pacing = createComparePacing();
    const turns = Array.from({ length: REPEATED_CHANGES }, (_, i) => pacing.take(1, `v${i}`, 0));
    expect(turns.map((t) => t.waitMs)).toEqual(turns.map((_, i) => i * COMPARE_INTERVAL_MS));
    expect(turns.map((t) => t.repeatedChanges)).toEqual(turns.map((_, i) => i + 1 >= REPEATED_CHANGES));
    // The same values asked again are not a change.
    expect(pacing.take(1, `v${REPEATED_CHANGES - 1}`, 10_000).repeatedChanges).toBe(true);
  });

  it('records once per burst, again once the page is quiet', () => {
    const pacing = createComparePacing();
    expect(pacing.take(1, 'a', 0).mayRecord).toBe(true);
    pacing.recorded(1);
    expect(pacing.take(1, 'b', 2000).mayRecord).toBe(false);
    const later = 2000 + BURST_QUIET_MS + 1;
    const quiet = pacing.take(1, 'c', later);
    expect(quiet).toEqual({ waitMs: 0, repeatedChanges: false, mayRecord: true });
    pacing.forget(1);
    expect(pacing.take(1, 'c', later).waitMs).toBe(0);
  });

  it('starts a new burst for the next importer of the tab, keeping the answers one a second apart', () => {
    const pacing = createComparePacing();
    pacing.take(1, 'acme', 0);
    pacing.recorded(1);
    expect(pacing.take(1, 'acme-again', 500).mayRecord).toBe(false);
    pacing.newImporter(1);
    const next = pacing.take(1, 'globex', 600);
    expect(next).toEqual({ waitMs: 1400, repeatedChanges: false, mayRecord: true });
  });
});

describe('page/importer', () => {
  it('lets the next importer of a tab be recorded within seconds of the last', async () => {
    const harness = await unlockedHarness();
    await harness.call('profiles/save', { profile: sampleProfile({ label: 'Acme', importerNumbers: ['12-345678900'] }) });
    await harness.call('profiles/save', { profile: sampleProfile({ label: 'Globex', importerNumbers: ['98-765432100'] }) });
    const top = harness.from({ id: OWN_ID, url: 'https://ace.cbp.gov/s/importer/1', tab: { id: 4 }, frameId: 0 });
    const onFile = { routing: '021000021', account: '*****6789', accountType: '01 - Checking' };
    const compare = { form: {}, onFile, recordVerification: true, page: 'https://ace.cbp.gov/s/importer/1' };
    for (const number of ['12-345678900', '98-765432100']) {
      await top('page/importer', { importerNumbers: [number] });
      await top('page/compare', compare);
      harness.clock.advance(2000);
    }
    const { entries } = await harness.call('activity/list', {});
    expect(entries.filter((entry) => entry.action === 'verify-on-file' || entry.action === 'on-file-mismatch').map((entry) => entry.importerNumber).sort()).toEqual([
      '12-345678900',
      '98-765432100',
    ]);
  });
});
