/**
 * The ACE page assistant's requests as the background answers them: the importer each tab
 * shows (set by the top frame only, kept across worker restarts, dropped with the tab), the
 * comparison with the importer's profile (one, several, base-only and no match; the user's
 * choice), nothing of a locked vault, never an account number, and the verification record.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { choosePageProfile, MAX_PROFILE_CHOICES } from '@/utils/background/page-profile-choices';
import { VERIFICATION_REPEAT_MS } from '@/utils/enrollment/verification-event';
import type { SenderFacts } from '@/utils/messaging/classify-sender';
import type { RequestOf } from '@/utils/messaging/protocol';
import { dumpDatabase, makeHarness, OWN_ID, rejection, sampleProfile, unlockedHarness, type Harness } from './harness';

beforeEach(() => {
  fakeBrowser.reset();
});

const ACE_PAGE = 'https://ace.cbp.gov/s/importer/001?tabset=ach#refund';
const ACCOUNT = '000246813579';

function aceFrame(tabId: number, frameId: number, url = ACE_PAGE): SenderFacts & { frameId: number } {
  return { id: OWN_ID, url, tab: { id: tabId }, frameId };
}

function compareRequest(overrides: Partial<RequestOf<'page/compare'>> = {}): RequestOf<'page/compare'> {
  return { form: {}, onFile: {}, recordVerification: false, page: ACE_PAGE, ...overrides };
}

async function save(call: Harness['call'], overrides: Parameters<typeof sampleProfile>[0]): Promise<string> {
  return (await call('profiles/save', { profile: sampleProfile(overrides) })).profile.id;
}

/** Acme (…00), Acme Branch (…01, same EIN base) and Beta (another EIN). */
async function withProfiles(harness: Harness) {
  const acme = await save(harness.call, { label: 'Acme', importerNumbers: ['12-345678900'], accountNumber: ACCOUNT });
  const branch = await save(harness.call, {
    label: 'Acme Branch',
    importerNumbers: ['12-345678901'],
    accountNumber: '000555550001',
  });
  const beta = await save(harness.call, {
    label: 'Beta',
    importerNumbers: ['98-765432100', '98-765432101'],
    routingNumber: '011000015',
    accountNumber: '987654321',
    accountType: 'savings',
  });
  return { acme, branch, beta };
}

async function showImporter(harness: Harness, tabId: number, numbers: string[], frameId = 0) {
  await harness.from(aceFrame(tabId, frameId))('page/importer', { importerNumbers: numbers, accountName: ' ACME IMPORTS ' });
}

describe('page/importer', () => {
  it('keeps the importer per tab, set by the top frame only and replaced on every call', async () => {
    const harness = await unlockedHarness();
    const { acme, beta } = await withProfiles(harness);
    await showImporter(harness, 7, [' 12-345678900 ', 'not a number', '12345678900']);
    // An iframe of the same tab does not replace what the top frame said.
    await showImporter(harness, 7, ['98-765432100'], 3);
    await showImporter(harness, 8, ['98-765432101']);

    const fromIframe = await harness.from(aceFrame(7, 3))('page/compare', compareRequest());
    expect(fromIframe.importerNumbers).toEqual(['12-345678900']);
    expect(fromIframe).toMatchObject({ match: 'one', profile: { id: acme, label: 'Acme', baseOnly: false } });
    const otherTab = await harness.from(aceFrame(8, 0))('page/compare', compareRequest());
    expect(otherTab).toMatchObject({ importerNumbers: ['98-765432101'], match: 'one', profile: { id: beta } });

    await showImporter(harness, 8, []);
    const cleared = await harness.from(aceFrame(8, 0))('page/compare', compareRequest());
    expect(cleared).toMatchObject({ importerNumbers: [], match: 'unknown-importer' });
    expect(cleared.profile).toBeUndefined();
  });

  it('ignores a message without a frame id or tab', async () => {
    const harness = await unlockedHarness();
    await withProfiles(harness);
    await harness.from({ id: OWN_ID, url: ACE_PAGE, tab: { id: 9 } })('page/importer', { importerNumbers: ['12-345678900'] });
    expect((await harness.from(aceFrame(9, 0))('page/compare', compareRequest())).match).toBe('unknown-importer');
  });

  it('outlives a worker restart through storage.session and is dropped when the tab closes', async () => {
    const harness = await unlockedHarness();
    const { acme } = await withProfiles(harness);
    await showImporter(harness, 7, ['12-345678900']);
    const session = await fakeBrowser.storage.session.get(null);
    expect(Object.values(session)).toContainEqual({ importerNumbers: ['12-345678900'], accountName: 'ACME IMPORTS', url: ACE_PAGE });

    // A new app over the same database and session: what a restarted service worker sees.
    const restarted = makeHarness({ indexedDB: harness.factory, clock: harness.clock });
    const answer = await restarted.from(aceFrame(7, 2))('page/compare', compareRequest());
    expect(answer).toMatchObject({ vault: 'unlocked', match: 'one', profile: { id: acme } });

    await restarted.app.onTabRemoved(7);
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).some((key) => key.includes('7'))).toBe(false);
    expect((await restarted.from(aceFrame(7, 0))('page/compare', compareRequest())).match).toBe('unknown-importer');
    expect(restarted.errors).toEqual([]);
  });
});

describe('page/importer: a page that leaves the importer unclear', () => {
  it('offers the candidates from every frame of the tab and compares with the one the user chose', async () => {
    const harness = await unlockedHarness();
    const { acme } = await withProfiles(harness);
    await harness.from(aceFrame(7, 0))('page/importer', { importerNumbers: [], candidates: ['12-345678900', '98 765432100', 'junk'] });

    const asked = await harness.from(aceFrame(7, 2))('page/compare', compareRequest());
    expect(asked).toMatchObject({ match: 'unclear-importer', importerNumbers: [], importerCandidates: ['12-345678900', '98-765432100'] });
    expect(asked.profile).toBeUndefined();

    const chosen = await harness.from(aceFrame(7, 2))('page/compare', compareRequest({ importerNumber: '12 345678900' }));
    expect(chosen).toMatchObject({ match: 'one', importerNumbers: ['12-345678900'], profile: { id: acme } });
    // Still offered, so the user can change the choice.
    expect(chosen.importerCandidates).toEqual(['12-345678900', '98-765432100']);

    // A number the page does not show is not a choice.
    const stranger = await harness.from(aceFrame(7, 2))('page/compare', compareRequest({ importerNumber: '12-345678901' }));
    expect(stranger).toMatchObject({ match: 'unclear-importer', importerNumbers: [] });
  });

  it('ignores candidates when the page labels the importer, and a lone candidate', async () => {
    const harness = await unlockedHarness();
    await withProfiles(harness);
    await harness.from(aceFrame(7, 0))('page/importer', { importerNumbers: ['12-345678900'], candidates: ['98-765432100', '12-345678901'] });
    const labelled = await harness.from(aceFrame(7, 0))('page/compare', compareRequest({ importerNumber: '98-765432100' }));
    expect(labelled).toMatchObject({ match: 'one', importerNumbers: ['12-345678900'] });
    expect(labelled.importerCandidates).toBeUndefined();

    await harness.from(aceFrame(7, 0))('page/importer', { importerNumbers: [], candidates: ['98-765432100'] });
    expect(await harness.from(aceFrame(7, 0))('page/compare', compareRequest())).toMatchObject({ match: 'unknown-importer' });
  });

  it('refuses malformed candidates and choices', async () => {
    const harness = await unlockedHarness();
    const from = harness.from(aceFrame(7, 0));
    const tooMany = Array.from({ length: 21 }, (_, i) => `12-3456789${String(i).padStart(2, '0')}`);
    expect((await rejection(from('page/importer', { importerNumbers: [], candidates: tooMany }))).code).toBe('bad-request');
    expect((await rejection(from('page/importer', { importerNumbers: [], candidates: ['x'.repeat(33)] }))).code).toBe('bad-request');
    expect((await rejection(from('page/compare', compareRequest({ importerNumber: 'x'.repeat(33) })))).code).toBe('bad-request');
  });
});

describe('page/compare: which profile', () => {
  it('compares with the one match and offers the base-only ones flagged', async () => {
    const harness = await unlockedHarness();
    const { acme, branch } = await withProfiles(harness);
    await showImporter(harness, 7, ['12-345678900']);
    const answer = await harness.from(aceFrame(7, 0))(
      'page/compare',
      compareRequest({ form: { routing: '021000021', account: ACCOUNT, accountType: 'Checking' } }),
    );
    expect(answer.match).toBe('one');
    expect(answer.choices).toEqual([
      { id: acme, label: 'Acme', importerNumber: '12-345678900', baseOnly: false },
      { id: branch, label: 'Acme Branch', importerNumber: '12-345678901', baseOnly: true },
    ]);
    expect(answer.verdicts.map((v) => [v.kind, v.source, v.result])).toEqual([
      ['routing', 'form', 'match'],
      ['account', 'form', 'match'],
      ['account-type', 'form', 'match'],
    ]);
    expect(answer.verification).toBeUndefined();
  });

  it('leaves several matches and base-only matches to the user, honouring a choice among them only', async () => {
    const harness = await unlockedHarness();
    const { acme, branch, beta } = await withProfiles(harness);
    const second = await save(harness.call, { label: 'Acme (old bank)', importerNumbers: ['12-345678900'], accountNumber: '000999990000' });
    await showImporter(harness, 7, ['12-345678900']);
    const ask = harness.from(aceFrame(7, 0));

    const several = await ask('page/compare', compareRequest({ form: { account: ACCOUNT } }));
    expect(several.match).toBe('several');
    expect(several.choices.map((c) => [c.id, c.baseOnly])).toEqual([
      [acme, false],
      [second, false],
      [branch, true],
    ]);
    expect(several.profile).toBeUndefined();
    expect(several.verdicts).toEqual([]);

    const chosen = await ask('page/compare', compareRequest({ profileId: second, form: { account: ACCOUNT } }));
    expect(chosen.profile).toMatchObject({ id: second, label: 'Acme (old bank)' });
    expect(chosen.verdicts).toEqual([expect.objectContaining({ kind: 'account', result: 'mismatch' })]);

    // Beta is not among the choices: ignored, as if nothing were chosen.
    const stranger = await ask('page/compare', compareRequest({ profileId: beta, form: { account: ACCOUNT } }));
    expect(stranger.profile).toBeUndefined();
    expect(stranger.verdicts).toEqual([]);

    await showImporter(harness, 7, ['12-345678902']);
    const baseOnly = await ask('page/compare', compareRequest({ form: { account: ACCOUNT } }));
    expect(baseOnly.match).toBe('base-only');
    expect(baseOnly.choices.every((c) => c.baseOnly)).toBe(true);
    expect(baseOnly.choices.map((c) => c.id)).toEqual([acme, second, branch]);
    expect(baseOnly.profile).toBeUndefined();
    const pickedBase = await ask('page/compare', compareRequest({ profileId: branch, form: { account: ACCOUNT } }));
    expect(pickedBase.profile).toEqual({ id: branch, label: 'Acme Branch', importerNumber: '12-345678901', baseOnly: true });
  });

  it('a choice outside the choices falls back to the one match', async () => {
    const harness = await unlockedHarness();
    const { acme, beta } = await withProfiles(harness);
    await showImporter(harness, 7, ['12-345678900']);
    const answer = await harness.from(aceFrame(7, 0))('page/compare', compareRequest({ profileId: beta }));
    expect(answer.profile?.id).toBe(acme);
  });

  it("lists no profile to a content script when none is the importer's, yet compares with the one picked", async () => {
    const harness = await unlockedHarness();
    const { beta } = await withProfiles(harness);
    await showImporter(harness, 7, ['55-555555500']);
    const none = await harness.from(aceFrame(7, 0))('page/compare', compareRequest());
    expect(none).toMatchObject({ match: 'none', choices: [], verdicts: [] });
    expect(none.profile).toBeUndefined();

    const unknown = await harness.from(aceFrame(8, 0))('page/compare', compareRequest({ form: { routing: '021000021' } }));
    expect(unknown).toEqual({ vault: 'unlocked', importerNumbers: [], match: 'unknown-importer', choices: [], verdicts: [] });

    // The user picked Beta in the picker (an extension page): the fields are compared with it.
    const picked = await harness.from(aceFrame(8, 0))('page/compare', compareRequest({ profileId: beta, form: { routing: '021000021' } }));
    expect(picked).toMatchObject({ match: 'unknown-importer', choices: [], profile: { id: beta } });
    expect(picked.verdicts).toEqual([expect.objectContaining({ kind: 'routing', result: 'mismatch' })]);
    // Nothing of the other profiles travels: no id, label or importer number but the picked one's.
    const text = JSON.stringify([none, unknown, picked]);
    for (const word of ['Acme', '12-345678900', '12-345678901']) expect(text).not.toContain(word);
  });

  it('caps the choices', () => {
    const profiles = Array.from({ length: MAX_PROFILE_CHOICES + 5 }, (_, i) => ({
      id: `p${i}`,
      label: `P ${i}`,
      importerNumbers: ['12-345678900'],
    }));
    const several = choosePageProfile(['12-345678900'], profiles);
    expect(several.match).toBe('several');
    expect(several.choices).toHaveLength(MAX_PROFILE_CHOICES);
    const unknown = choosePageProfile([], profiles, `p${MAX_PROFILE_CHOICES + 1}`);
    expect(unknown.choices).toEqual([]);
    // A profile picked in the picker counts, wherever it sorts.
    expect(unknown.profile?.id).toBe(`p${MAX_PROFILE_CHOICES + 1}`);
    expect(choosePageProfile([], profiles, 'p3').profile?.id).toBe('p3');
    expect(choosePageProfile([], profiles, 'nobody').profile).toBeUndefined();
  });
});

describe('page/compare: what it tells', () => {
  it('answers no profile data while the vault is new or locked', async () => {
    const fresh = makeHarness();
    await showImporter(fresh, 7, ['12-345678900']);
    expect(await fresh.from(aceFrame(7, 0))('page/compare', compareRequest({ form: { account: ACCOUNT } }))).toEqual({
      vault: 'new',
      importerNumbers: ['12-345678900'],
      match: 'unknown-importer',
      choices: [],
      verdicts: [],
    });

    const harness = await unlockedHarness();
    const { acme } = await withProfiles(harness);
    await showImporter(harness, 7, ['12-345678900']);
    await harness.call('vault/lock', {});
    const locked = await harness.from(aceFrame(7, 0))(
      'page/compare',
      compareRequest({ profileId: acme, form: { account: ACCOUNT }, onFile: { account: '****3579' }, recordVerification: true }),
    );
    expect(locked).toEqual({ vault: 'locked', importerNumbers: ['12-345678900'], match: 'unknown-importer', choices: [], verdicts: [] });
    expect(JSON.stringify(locked)).not.toContain('Acme');
  });

  it('never answers with the account number, only its last 4 digits', async () => {
    let ids = 0;
    const harness = await unlockedHarness({ newId: () => `profile-${++ids}` });
    await withProfiles(harness);
    await showImporter(harness, 7, ['12-345678900']);
    const ask = harness.from(aceFrame(7, 0));
    const replies = [
      await ask('page/compare', compareRequest({ form: { account: '000246813570' }, onFile: { account: '*****4321' } })),
      await ask('page/compare', compareRequest({ form: { account: '999946813579' }, onFile: { account: '9999999' } })),
      await ask('page/compare', compareRequest({ form: { account: ACCOUNT }, onFile: { account: ACCOUNT } })),
    ];
    const json = JSON.stringify(replies);
    expect(json).toContain('ending 3579');
    // No run of 5 of the account's digits anywhere in the answers.
    for (let start = 0; start + 5 <= ACCOUNT.length; start++) expect(json).not.toContain(ACCOUNT.slice(start, start + 5));
    expect(replies.flatMap((reply) => reply.verdicts.map((v) => v.result))).toEqual([
      'mismatch',
      'mismatch',
      'mismatch',
      'mismatch',
      'match',
      'match',
    ]);
  });

  it('records a verification on the profile and in the activity log, leaving the account cipher alone', async () => {
    const harness = await unlockedHarness();
    const { acme } = await withProfiles(harness);
    await showImporter(harness, 7, ['12-345678900']);
    const ask = harness.from(aceFrame(7, 2));
    const storedAcme = async () => {
      const dump = JSON.parse(await dumpDatabase(harness.factory)) as { profiles: { id: string }[] };
      return dump.profiles.find((record) => record.id === acme) as Record<string, unknown>;
    };
    const summary = async () => (await harness.call('profiles/list', {})).profiles.find((p) => p.id === acme);
    const log = async () =>
      (await harness.call('activity/list', {})).entries.filter((e) => ['verify-on-file', 'on-file-mismatch'].includes(e.action));
    const before = await storedAcme();
    const onFile = { routing: '021000021', account: '*****3579', accountType: '01 - Checking' };

    // Not asked to record: the answer says so, nothing is stored.
    const unrecorded = await ask('page/compare', compareRequest({ onFile }));
    expect(unrecorded.verification).toBe('match');
    expect((await summary())?.lastVerification).toBeUndefined();

    // Unclear (the account type not shown): nothing to record.
    const unclear = await ask('page/compare', compareRequest({ onFile: { routing: '021000021' }, recordVerification: true }));
    expect(unclear.verification).toBeUndefined();
    expect(await log()).toEqual([]);

    harness.clock.advance(60_000);
    const matchedAt = new Date(harness.clock.now).toISOString();
    const matched = await ask('page/compare', compareRequest({ onFile, recordVerification: true }));
    expect(matched.verification).toBe('match');
    expect(await summary()).toMatchObject({ lastVerification: { at: matchedAt, result: 'match' }, lastVerifiedAt: matchedAt });
    const after = await storedAcme();
    expect(after.accountCipher).toEqual(before.accountCipher);
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(await log()).toEqual([
      {
        at: matchedAt,
        action: 'verify-on-file',
        profileLabel: 'Acme',
        importerNumber: '12-345678900',
        page: 'https://ace.cbp.gov/s/importer/001',
      },
    ]);

    harness.clock.advance(60_000);
    const mismatchAt = new Date(harness.clock.now).toISOString();
    const mismatch = await ask('page/compare', compareRequest({ onFile: { ...onFile, account: '*****1111' }, recordVerification: true }));
    expect(mismatch.verification).toBe('mismatch');
    // A mismatch is recorded; the date of the last match stays.
    expect(await summary()).toMatchObject({ lastVerification: { at: mismatchAt, result: 'mismatch' }, lastVerifiedAt: matchedAt });
    expect((await log())[0]).toMatchObject({ action: 'on-file-mismatch', detail: 'Differs on file: account number' });

    // The same result again soon adds nothing; later it is recorded again.
    await ask('page/compare', compareRequest({ onFile: { ...onFile, account: '*****1111' }, recordVerification: true }));
    expect(await log()).toHaveLength(2);
    harness.clock.advance(VERIFICATION_REPEAT_MS);
    await ask('page/compare', compareRequest({ onFile: { ...onFile, account: '*****1111' }, recordVerification: true }));
    expect(await log()).toHaveLength(3);
    expect((await summary())?.lastVerification?.at).toBe(new Date(harness.clock.now).toISOString());

    const dump = await dumpDatabase(harness.factory);
    expect(dump).not.toContain(ACCOUNT);
    expect((await harness.call('profiles/get', { id: acme })).profile.accountNumber).toBe(ACCOUNT);
    expect(harness.errors).toEqual([]);
  });

  it('drops a verification once the profile is saved with other bank details', async () => {
    const harness = await unlockedHarness();
    const { acme } = await withProfiles(harness);
    await showImporter(harness, 7, ['12-345678900']);
    const onFile = { routing: '021000021', account: '*****3579', accountType: 'Checking' };
    await harness.from(aceFrame(7, 0))('page/compare', compareRequest({ onFile, recordVerification: true }));
    const verification = async () => (await harness.call('profiles/list', {})).profiles.find((p) => p.id === acme)?.lastVerification;
    expect((await verification())?.result).toBe('match');
    const { profile } = await harness.call('profiles/get', { id: acme });
    await harness.call('profiles/save', { id: acme, profile: { ...profile, accountNumber: '000246810000' } });
    expect(await verification()).toBeUndefined();
  });

  it('counts neither a comparison nor the importer report as use of the vault (a page script can provoke both)', async () => {
    const harness = await unlockedHarness();
    await withProfiles(harness);
    const status = async () => (await harness.call('vault/status', {})).state;
    harness.clock.advance(10 * 60_000);
    await harness.from(aceFrame(7, 0))('page/compare', compareRequest());
    await showImporter(harness, 7, ['12-345678900']);
    harness.clock.advance(5 * 60_000);
    expect(await status()).toBe('locked');
  });

  it('is refused to senders that are not ACE pages', async () => {
    const harness = await unlockedHarness();
    const stranger = harness.from({ id: OWN_ID, url: 'https://example.test/', tab: { id: 7 }, frameId: 0 } as SenderFacts);
    expect((await rejection(stranger('page/compare', compareRequest()))).code).toBe('forbidden');
    expect((await rejection(stranger('page/importer', { importerNumbers: [] }))).code).toBe('forbidden');
  });
});

describe('page/open-unlock', () => {
  it('opens the popup page in a small window', async () => {
    const create = vi.fn(async () => ({}));
    const tabsCreate = vi.fn(async () => ({}));
    const harness = makeHarness({
      unlockWindow: { popupUrl: 'chrome-extension://x/popup.html', windows: { create }, tabs: { create: tabsCreate } },
    });
    expect(await harness.from(aceFrame(7, 0))('page/open-unlock', {})).toEqual({ done: true });
    expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://x/popup.html', type: 'popup', width: 400, height: 640 });
    expect(tabsCreate).not.toHaveBeenCalled();
  });

  it('falls back to a tab without windows, and says so when it cannot open anything', async () => {
    const tabsCreate = vi.fn(async () => ({}));
    const withTabs = makeHarness({ unlockWindow: { popupUrl: 'chrome-extension://x/popup.html', tabs: { create: tabsCreate } } });
    await withTabs.from(aceFrame(7, 0))('page/open-unlock', {});
    expect(tabsCreate).toHaveBeenCalledWith({ url: 'chrome-extension://x/popup.html' });

    const refusing = vi.fn(async () => {
      throw new Error('No windows here');
    });
    const mobile = makeHarness({
      unlockWindow: { popupUrl: 'chrome-extension://x/popup.html', windows: { create: refusing }, tabs: { create: tabsCreate } },
    });
    await mobile.from(aceFrame(7, 0))('page/open-unlock', {});
    expect(tabsCreate).toHaveBeenCalledTimes(2);

    const error = await rejection(makeHarness().from(aceFrame(7, 0))('page/open-unlock', {}));
    expect(error.message).toContain('toolbar');
  });
});
