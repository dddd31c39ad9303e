/**
 * The status page's records through the real message path: a look at CBP's file on an importer's
 * ACH tab (page/compare asked to record) makes it verified or a mismatch naming the field; a fill
 * and the user's Save make it entered until the next look; a Save from a frame that may not
 * record, or while locked, changes nothing and answers the same; the history stays bounded.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BURST_QUIET_MS } from '@/utils/background/compare-pacing';
import type { TabMessaging } from '@/utils/background/handlers/fill';
import { createVerificationStore } from '@/utils/background/verification-store';
import { VERIFICATION_HISTORY_LIMIT, VERIFICATION_REPEAT_MS } from '@/utils/enrollment/verification-event';
import type { SenderFacts } from '@/utils/messaging/classify-sender';
import type { RequestOf } from '@/utils/messaging/protocol';
import { OWN_ID, OWN_ORIGIN, PASSPHRASE, unlockedHarness, type Harness } from './harness';
import {
  ACE_PAGE,
  ACME,
  ACME_ACCOUNT,
  ACME_ON_FILE,
  aceFrame,
  BETA,
  lookOnFile,
  NEVER,
  rowOf,
  rows,
  showImporter,
  statusOf,
  withProfiles,
} from './enrollment-steps';

beforeEach(() => {
  fakeBrowser.reset();
});

/** Past the pacing's burst: the next look on the tab may be recorded again. */
const NEXT_VISIT_MS = BURST_QUIET_MS + 1_000;
const OTHER_ACCOUNT_ON_FILE = { ...ACME_ON_FILE, account: '*****1111' };

async function setup() {
  const sendToFrame = vi.fn(async () => ({ handled: true }));
  const tabMessaging: TabMessaging = { sendToFrame, activeTabId: async () => 7 };
  const harness = await unlockedHarness({ tabMessaging });
  const ids = await withProfiles(harness);
  await showImporter(harness, ACME);
  return { harness, ids };
}

/** The importer's decrypted history, as the background keeps it. */
async function historyOf(harness: Harness, importerNumber: string) {
  const store = createVerificationStore(harness.app.services.database);
  return (await store.readAll(await harness.app.services.vault.requireKey())).get(importerNumber) ?? [];
}

function savedRequest(overrides: Partial<RequestOf<'page/saved'>> = {}): RequestOf<'page/saved'> {
  return { form: { routing: '021000021', account: ACME_ACCOUNT, accountType: 'Checking' }, page: ACE_PAGE, ...overrides };
}

/** The whole fill: the frame opens the picker, the user picks Acme, the frame fills and says so. */
async function fillFromPicker(harness: Harness, profileId: string, filled: RequestOf<'page/fill-done'>['filled']) {
  const frame = harness.from(aceFrame());
  await frame('page/form', { present: true });
  const { token } = await frame('page/picker-open', {});
  const picker: SenderFacts = { id: OWN_ID, url: `${OWN_ORIGIN}picker.html#${token}`, tab: { id: 7 }, frameId: 3 };
  await harness.from(picker)('picker/choose', { token, profileId });
  await frame('page/fill', { token });
  return frame('page/fill-done', { token, filled, page: ACE_PAGE });
}

describe('enrollment/list after looks at CBP’s file', () => {
  it('verified when the values on file match the profile, a mismatch naming the field when one differs', async () => {
    const { harness, ids } = await setup();
    expect(await statusOf(harness, ACME)).toEqual({ status: 'never-seen', statuses: ['never-seen'] });

    const matched = await lookOnFile(harness, ACME_ON_FILE);
    expect(matched.verification).toBe('match');
    const verifiedAt = new Date(harness.clock.now).toISOString();
    expect(await rowOf(harness, ACME)).toMatchObject({
      importerName: 'Acme Imports LLC',
      profileId: ids.acme,
      profileLabel: 'Acme main',
      accountLast4: '3579',
      status: 'verified',
      statuses: ['verified'],
      lastVerifiedAt: verifiedAt,
      lastSeenAt: verifiedAt,
      differs: [],
    });

    harness.clock.advance(NEXT_VISIT_MS);
    expect((await lookOnFile(harness, OTHER_ACCOUNT_ON_FILE)).verification).toBe('mismatch');
    const mismatch = await rowOf(harness, ACME);
    expect(mismatch).toMatchObject({ status: 'mismatch', differs: ['account'], lastVerifiedAt: verifiedAt });
    expect(mismatch.notes.join(' ')).toMatch(/account number/i);

    // A second field differing is named too.
    harness.clock.advance(NEXT_VISIT_MS);
    await lookOnFile(harness, { ...OTHER_ACCOUNT_ON_FILE, routing: '011000015' });
    expect((await rowOf(harness, ACME)).differs.sort()).toEqual(['account', 'routing']);
    expect(harness.errors).toEqual([]);
  });

  it('one row per importer number: visited ones by their result, the others never seen', async () => {
    const { harness } = await setup();
    await lookOnFile(harness, ACME_ON_FILE);
    await showImporter(harness, BETA, 8);
    await lookOnFile(harness, { routing: '011000015', account: '*****9999', accountType: 'Savings' }, aceFrame(8));
    // The same importer again in another tab is still one row.
    await showImporter(harness, ACME, 9);
    harness.clock.advance(NEXT_VISIT_MS);
    await lookOnFile(harness, ACME_ON_FILE, aceFrame(9));

    const listed = await rows(harness);
    expect(listed.map((row) => [row.importerNumber, row.status])).toEqual([
      [ACME, 'verified'],
      [NEVER, 'never-seen'],
      [BETA, 'mismatch'],
    ]);
    expect(new Set(listed.map((row) => row.importerNumber)).size).toBe(listed.length);
    expect((await rowOf(harness, BETA)).differs).toEqual(['account']);
  });

  it('records nothing for a look not asked to be recorded, or one that shows too little to judge', async () => {
    const { harness } = await setup();
    await harness.from(aceFrame())('page/compare', { form: {}, onFile: ACME_ON_FILE, recordVerification: false, page: ACE_PAGE });
    await lookOnFile(harness, { routing: '021000021' });
    expect(await statusOf(harness, ACME)).toEqual({ status: 'never-seen', statuses: ['never-seen'] });
    expect(await historyOf(harness, ACME)).toEqual([]);
  });
});

describe('entered, not confirmed: a fill and a Save', () => {
  it('a fill from the profile is entered until a later look shows CBP’s file', async () => {
    const { harness, ids } = await setup();
    await lookOnFile(harness, OTHER_ACCOUNT_ON_FILE);
    expect((await statusOf(harness, ACME)).status).toBe('mismatch');

    harness.clock.advance(NEXT_VISIT_MS);
    expect(await fillFromPicker(harness, ids.acme, ['routing', 'account', 'account-confirm', 'account-type'])).toEqual({ done: true });
    const entered = await rowOf(harness, ACME);
    expect(entered.statuses).toEqual(['entered']);
    expect(entered.notes.join(' ')).toMatch(/^Filled on \d{4}-\d\d-\d\d/);
    const [, filled] = await historyOf(harness, ACME);
    expect(filled).toEqual({
      at: new Date(harness.clock.now).toISOString(),
      kind: 'filled',
      profileId: ids.acme,
      profileLabel: 'Acme main',
      profile: { routingNumber: '021000021', accountLast4: '3579', accountType: 'checking' },
    });

    harness.clock.advance(NEXT_VISIT_MS);
    await lookOnFile(harness, ACME_ON_FILE);
    expect((await statusOf(harness, ACME)).status).toBe('verified');
  });

  it('a fill that wrote neither routing nor account number, or was cancelled, is not an entry', async () => {
    const { harness, ids } = await setup();
    await fillFromPicker(harness, ids.acme, ['account-type']);
    await fillFromPicker(harness, ids.acme, []);
    expect((await statusOf(harness, ACME)).status).toBe('never-seen');
  });

  it('a Save is entered; the refresh after it is recorded even when CBP’s file reads as before', async () => {
    const { harness, ids } = await setup();
    await lookOnFile(harness, OTHER_ACCOUNT_ON_FILE);
    harness.clock.advance(NEXT_VISIT_MS);
    expect(await harness.from(aceFrame())('page/saved', savedRequest())).toEqual({ done: true });
    const entered = await rowOf(harness, ACME);
    expect(entered.statuses).toEqual(['entered']);
    expect(entered.notes.join(' ')).toMatch(/^Saved on /);
    expect((await historyOf(harness, ACME)).at(-1)).toMatchObject({
      kind: 'saved',
      profileId: ids.acme,
      fields: { routing: 'match', account: 'match', 'account-type': 'match' },
    });

    // CBP did not take it: the refresh shows the old account again, within the repeat window.
    harness.clock.advance(NEXT_VISIT_MS);
    await lookOnFile(harness, OTHER_ACCOUNT_ON_FILE);
    expect((await statusOf(harness, ACME)).status).toBe('mismatch');
    expect((await historyOf(harness, ACME)).map((event) => event.kind)).toEqual(['on-file', 'saved', 'on-file']);
  });

  it('a Save of values that differ from the profile says so in the event, and is still entered', async () => {
    const { harness } = await setup();
    await harness.from(aceFrame())('page/saved', savedRequest({ form: { routing: '021000021', account: '000999999999' } }));
    expect((await historyOf(harness, ACME)).at(-1)?.fields).toEqual({ routing: 'match', account: 'mismatch' });
    expect((await statusOf(harness, ACME)).status).toBe('entered');
  });

  it('records the Save of the importer the page shows, even for a profile the user chose of another', async () => {
    const { harness, ids } = await setup();
    await harness.from(aceFrame())('page/saved', savedRequest({ profileId: ids.beta }));
    // Beta is not a choice for Acme's page: Acme's own profile is used, under Acme's number.
    expect((await historyOf(harness, ACME)).at(-1)?.profileId).toBe(ids.acme);
    expect(await historyOf(harness, BETA)).toEqual([]);
  });
});

describe('page/saved that may not record', () => {
  const unnamed = (): SenderFacts => {
    const { frameId: _omitted, ...rest } = aceFrame();
    return rest;
  };
  const refused: Array<[string, () => SenderFacts]> = [
    ['a sandboxed frame', () => aceFrame(7, { origin: 'null', frameId: 4 })],
    ['a frame of another site inside the ACE tab', () => aceFrame(7, { origin: 'https://evil.example', frameId: 4 })],
    ['a frame the browser did not name', unnamed],
  ];

  it.each(refused)('from %s: nothing recorded, the same answer', async (_name, frame) => {
    const { harness } = await setup();
    expect(await harness.from(frame())('page/saved', savedRequest())).toEqual({ done: true });
    expect(await historyOf(harness, ACME)).toEqual([]);
    expect(harness.errors).toEqual([]);
  });

  it('from a page that is not ACE: refused by the sender check, before anything is read', async () => {
    const { harness } = await setup();
    const stranger = harness.from({ id: OWN_ID, url: 'https://evil.example/', tab: { id: 7 }, frameId: 0 });
    await expect(stranger('page/saved', savedRequest())).rejects.toMatchObject({ code: 'forbidden' });
    expect(await historyOf(harness, ACME)).toEqual([]);
  });

  it('while locked, or with no bank number in the form: nothing recorded, the same answer', async () => {
    const { harness } = await setup();
    await harness.call('vault/lock', {});
    expect(await harness.from(aceFrame())('page/saved', savedRequest())).toEqual({ done: true });
    // Unknown importers and profiles answer the same too.
    await showImporter(harness, '33-333333300');
    expect(await harness.from(aceFrame())('page/saved', savedRequest({ profileId: 'no-such-profile' }))).toEqual({ done: true });
    await harness.call('vault/unlock', { passphrase: PASSPHRASE });
    await showImporter(harness, ACME);
    expect(await harness.from(aceFrame())('page/saved', savedRequest({ form: { accountType: 'Checking' } }))).toEqual({ done: true });
    expect(await historyOf(harness, ACME)).toEqual([]);
    expect((await rows(harness)).map((row) => row.importerNumber)).not.toContain('33-333333300');
  });
});

describe('the history', () => {
  it(`keeps the last ${VERIFICATION_HISTORY_LIMIT} events of an importer, oldest dropped`, async () => {
    const { harness } = await setup();
    const times: string[] = [];
    for (let i = 0; i < VERIFICATION_HISTORY_LIMIT + 5; i++) {
      harness.clock.advance(NEXT_VISIT_MS);
      times.push(new Date(harness.clock.now).toISOString());
      // Each look differs from the one before, so none is a repeat.
      await lookOnFile(harness, i % 2 === 0 ? ACME_ON_FILE : OTHER_ACCOUNT_ON_FILE);
    }
    const history = await historyOf(harness, ACME);
    expect(history).toHaveLength(VERIFICATION_HISTORY_LIMIT);
    expect(history.map((event) => event.at)).toEqual(times.slice(-VERIFICATION_HISTORY_LIMIT));
    expect((await statusOf(harness, ACME)).status).toBe('verified');
  });

  it('does not append the same result again within the repeat window, and does after it', async () => {
    const { harness } = await setup();
    await lookOnFile(harness, ACME_ON_FILE);
    harness.clock.advance(NEXT_VISIT_MS);
    await lookOnFile(harness, ACME_ON_FILE);
    harness.clock.advance(NEXT_VISIT_MS);
    await harness.from(aceFrame())('page/saved', savedRequest());
    // A double click on Save is one entry.
    harness.clock.advance(2_000);
    await harness.from(aceFrame())('page/saved', savedRequest());
    expect((await historyOf(harness, ACME)).map((event) => event.kind)).toEqual(['on-file', 'saved']);

    harness.clock.advance(NEXT_VISIT_MS);
    await lookOnFile(harness, ACME_ON_FILE);
    harness.clock.advance(VERIFICATION_REPEAT_MS);
    await lookOnFile(harness, ACME_ON_FILE);
    expect((await historyOf(harness, ACME)).map((event) => event.kind)).toEqual(['on-file', 'saved', 'on-file', 'on-file']);
  });
});
