/**
 * Filling the ACE bank form through the real message path: the frames that report a
 * form, the popup's "Fill this page" and the shortcut opening the picker there, the picker's
 * rows (the importer's profiles first), the choice, the values going to the session's frame
 * once and to no other, the activity log (never an account number), the refusals, expiry, and
 * what a closed tab and a restarted worker leave behind.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FILL_SESSION_MS } from '@/utils/background/fill-sessions';
import { NO_FORM_MESSAGE, PICKER_EXPIRED, type TabMessaging } from '@/utils/background/handlers/fill';
import type { AssistantCommand } from '@/utils/messaging/assistant-commands';
import type { SenderFacts } from '@/utils/messaging/classify-sender';
import { FILL_REFUSAL_WORDS } from '@/utils/messaging/fill-recipient';
import { makeHarness, OWN_ID, OWN_ORIGIN, PASSPHRASE, POPUP, rejection, sampleProfile, unlockedHarness, type Harness } from './harness';

beforeEach(() => {
  fakeBrowser.reset();
});

const TAB = 7;
const ACE_PAGE = 'https://ace.cbp.gov/s/importer/001?tabset=ach#refund';
const FORM_PAGE = 'https://ace.cbp.dhs.gov/s/ach-refund/form?importer=12-345678900#bank';
const ACCOUNT = '000246813579';
/** Digits that occur nowhere else in the answers (importer and routing numbers, ids, times). */
const OTHER_ACCOUNTS = ['000314159265', '000271828182', '000161803398', '424242424242'];

function sender(overrides: Partial<SenderFacts> & { tabId?: number } = {}): SenderFacts {
  const { tabId = TAB, ...rest } = overrides;
  return { id: OWN_ID, url: ACE_PAGE, origin: 'https://ace.cbp.gov', tab: { id: tabId }, frameId: 0, documentId: 'doc-1', ...rest };
}
/** The tab's top frame: the ACE page that names the importer. */
const TOP = sender();
/** The bank form in an iframe of another ACE host. */
const FORM = sender({ url: FORM_PAGE, origin: 'https://ace.cbp.dhs.gov', frameId: 2, documentId: 'doc-2' });
/** The picker: our page inside the tab. */
function pickerPage(token: string, tabId = TAB): SenderFacts {
  return { id: OWN_ID, url: `${OWN_ORIGIN}picker.html#${token}`, tab: { id: tabId }, frameId: 3 };
}

type SendToFrame = (tabId: number, frameId: number, command: AssistantCommand) => Promise<unknown>;

function fakeTabs(activeTabId: number | undefined) {
  const sendToFrame = vi.fn<SendToFrame>(async () => ({ handled: true }));
  const tabMessaging: TabMessaging = { sendToFrame, activeTabId: async () => activeTabId };
  return { sendToFrame, tabMessaging };
}

async function save(harness: Harness, overrides: Parameters<typeof sampleProfile>[0]): Promise<string> {
  return (await harness.call('profiles/save', { profile: sampleProfile(overrides) })).profile.id;
}

/**
 * For importer 12-345678900: two of its own profiles, one of the same EIN under another suffix,
 * and two of other importers, one of which sorts before them all.
 */
async function withProfiles(harness: Harness) {
  const aardvark = await save(harness, {
    label: 'Aardvark Co',
    importerName: 'Aardvark Co',
    importerNumbers: ['55-555555500'],
    accountNumber: OTHER_ACCOUNTS[2],
  });
  const branch = await save(harness, { label: 'Acme Branch', importerNumbers: ['12-345678901'], accountNumber: OTHER_ACCOUNTS[0] });
  const main = await save(harness, {
    label: 'Acme main',
    importerName: 'Acme Imports LLC',
    importerNumbers: ['12-345678900'],
    accountNumber: ACCOUNT,
    accountHolderName: 'Acme Imports LLC',
  });
  const savings = await save(harness, {
    label: 'Acme savings',
    importerNumbers: ['12-345678900'],
    accountNumber: OTHER_ACCOUNTS[1],
    accountType: 'savings',
  });
  const beta = await save(harness, {
    label: 'Beta',
    importerNumbers: ['98-765432100'],
    routingNumber: '011000015',
    bankName: 'FEDERAL RESERVE BANK OF BOSTON',
    accountNumber: OTHER_ACCOUNTS[3],
    accountType: 'savings',
  });
  return { aardvark, branch, main, savings, beta };
}

async function setup(options: { activeTabId?: number | undefined } = {}) {
  const tabs = fakeTabs('activeTabId' in options ? options.activeTabId : TAB);
  let serial = 0;
  const harness = await unlockedHarness({ tabMessaging: tabs.tabMessaging, newId: () => `profile-${++serial}` });
  const ids = await withProfiles(harness);
  await harness.from(TOP)('page/importer', { importerNumbers: ['12-345678900'] });
  return { harness, tabs, ids };
}

async function activity(harness: Harness) {
  return (await harness.call('activity/list', {})).entries;
}

/** Opens a picker in the form frame and chooses `profileId` there; answers the token. */
async function chosen(harness: Harness, profileId: string, frame: SenderFacts = FORM): Promise<string> {
  const { token } = await harness.from(frame)('page/picker-open', {});
  await harness.from(pickerPage(token))('picker/choose', { token, profileId });
  return token;
}

function expectNoAccountDigits(text: string) {
  for (const account of [ACCOUNT, ...OTHER_ACCOUNTS]) {
    for (let start = 0; start + 5 <= account.length; start++) expect(text).not.toContain(account.slice(start, start + 5));
  }
}

describe('filling: the whole flow', () => {
  it('opens the picker in the form frame, lists the importer first, fills that frame once and logs it', async () => {
    const { harness, tabs, ids } = await setup();

    // The form frame reports its form; the popup's "Fill this page" opens the picker there.
    expect(await harness.from(FORM)('page/form', { present: true })).toEqual({ done: true });
    expect(await harness.call('fill/open-picker', {})).toEqual({ opened: true });
    expect(tabs.sendToFrame.mock.calls).toEqual([[TAB, 2, { type: 'ace-ach/open-picker' }]]);

    const { token } = await harness.from(FORM)('page/picker-open', {});
    expect(token).toMatch(/^[0-9a-f]{16,64}$/);
    const picker = harness.from(pickerPage(token));

    const list = await picker('picker/list', { token });
    expect(list.vault).toBe('unlocked');
    expect(list.importerNumbers).toEqual(['12-345678900']);
    expect(list.total).toBe(5);
    expect(list.rows.map((row) => [row.id, row.forImporter, row.importerNumber])).toEqual([
      [ids.main, 'same', '12-345678900'],
      [ids.savings, 'same', '12-345678900'],
      [ids.branch, 'other-suffix', '12-345678901'],
      [ids.aardvark, undefined, '55-555555500'],
      [ids.beta, undefined, '98-765432100'],
    ]);
    expect(list.rows[0]).toEqual({
      id: ids.main,
      label: 'Acme main',
      importerName: 'Acme Imports LLC',
      importerNumber: '12-345678900',
      bankName: 'JPMORGAN CHASE BANK',
      accountLast4: '3579',
      accountType: 'checking',
      forImporter: 'same',
    });
    expectNoAccountDigits(JSON.stringify(list));

    // A query keeps the importer's profiles on top of whatever it matches.
    const chase = await picker('picker/list', { token, query: 'chase' });
    expect(chase.rows.map((row) => row.id)).toEqual([ids.main, ids.savings, ids.branch, ids.aardvark]);
    expect(chase.total).toBe(4);
    const boston = await picker('picker/list', { token, query: 'boston' });
    expect(boston.rows.map((row) => row.id)).toEqual([ids.beta]);

    // The choice: the session's frame (and only it) is told to fetch the profile.
    expect(await picker('picker/choose', { token, profileId: ids.main })).toEqual({ done: true });
    expect(tabs.sendToFrame).toHaveBeenCalledTimes(2);
    expect(tabs.sendToFrame).toHaveBeenLastCalledWith(TAB, 2, { type: 'ace-ach/fill-ready', token });

    const fill = await harness.from(FORM)('page/fill', { token });
    expect(fill).toEqual({
      profileId: ids.main,
      profileLabel: 'Acme main',
      profileImporter: '12-345678900',
      pageImporter: '12-345678900',
      importerMatch: 'same',
      values: {
        routing: '021000021',
        account: ACCOUNT,
        accountType: 'checking',
        bankName: 'JPMORGAN CHASE BANK',
        holderName: 'Acme Imports LLC',
      },
    });
    // Once per session.
    const again = await rejection(harness.from(FORM)('page/fill', { token }));
    expect(again.code).toBe('not-found');
    expect(again.message).toBe(PICKER_EXPIRED);

    expect(
      await harness.from(FORM)('page/fill-done', {
        token,
        filled: ['routing', 'account', 'account-confirm', 'account-type', 'account'],
        page: FORM_PAGE,
      }),
    ).toEqual({ done: true });
    const entries = await activity(harness);
    expect(entries[0]).toEqual({
      at: new Date(harness.clock.now).toISOString(),
      action: 'profile-fill',
      profileLabel: 'Acme main',
      // The top frame's importer, although the form sits in the iframe.
      importerNumber: '12-345678900',
      page: 'https://ace.cbp.dhs.gov/s/ach-refund/form',
      detail: 'Filled: Routing number, Account number, Account (repeat), Account type',
    });
    expect(entries.filter((entry) => entry.action === 'fill-refused')).toEqual([]);
    // The report ends the session.
    expect((await rejection(harness.from(FORM)('page/fill-done', { token, filled: ['routing'], page: FORM_PAGE }))).code).toBe(
      'not-found',
    );
    expect((await rejection(picker('picker/list', { token }))).code).toBe('not-found');

    // Nothing of the account number in the log or in what was sent to the tab.
    expect(JSON.stringify(await activity(harness))).not.toContain(ACCOUNT);
    expectNoAccountDigits(JSON.stringify(await activity(harness)));
    // (The commands carry a random token: only the whole number is looked for there.)
    expect(JSON.stringify(tabs.sendToFrame.mock.calls)).not.toContain(ACCOUNT);
    expect(harness.errors).toEqual([]);
  });

  it('logs a fill that changed nothing as cancelled, without a detail', async () => {
    const { harness, ids } = await setup();
    const token = await chosen(harness, ids.beta);
    await harness.from(FORM)('page/fill', { token });
    await harness.from(FORM)('page/fill-done', { token, filled: [], page: FORM_PAGE });
    const [entry] = await activity(harness);
    expect(entry).toEqual({
      at: new Date(harness.clock.now).toISOString(),
      action: 'profile-fill-cancelled',
      profileLabel: 'Beta',
      importerNumber: '12-345678900',
      page: 'https://ace.cbp.dhs.gov/s/ach-refund/form',
    });
  });

  it('opens the picker in the top frame before the other form frames', async () => {
    const { harness, tabs } = await setup();
    await harness.from(FORM)('page/form', { present: true });
    await harness.from(sender({ frameId: 5, documentId: 'doc-5' }))('page/form', { present: true });
    await harness.from(TOP)('page/form', { present: true });
    expect(await harness.call('fill/open-picker', {})).toEqual({ opened: true });
    expect(tabs.sendToFrame.mock.calls).toEqual([[TAB, 0, { type: 'ace-ach/open-picker' }]]);
  });

  it('skips and forgets frames that do not take the command, and says when none does', async () => {
    const { harness, tabs } = await setup();
    for (const frameId of [4, 2, 0]) await harness.from(sender({ frameId, documentId: `doc-${frameId}` }))('page/form', { present: true });
    tabs.sendToFrame.mockImplementation(async (_tab, frameId) => {
      if (frameId === 0) return { handled: false };
      if (frameId === 4) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { handled: true };
    });
    expect(await harness.call('fill/open-picker', {})).toEqual({ opened: true });
    expect(tabs.sendToFrame.mock.calls.map(([, frameId]) => frameId)).toEqual([0, 4, 2]);

    // Frames 0 and 4 were forgotten: only frame 2 is asked now.
    tabs.sendToFrame.mockClear();
    expect(await harness.call('fill/open-picker', {})).toEqual({ opened: true });
    expect(tabs.sendToFrame.mock.calls.map(([, frameId]) => frameId)).toEqual([2]);

    // Frame 2 no longer takes it either: nothing opened, and nothing left to ask.
    tabs.sendToFrame.mockClear();
    tabs.sendToFrame.mockImplementation(async () => ({ handled: false }));
    expect(await harness.call('fill/open-picker', {})).toEqual({ opened: false, message: NO_FORM_MESSAGE });
    expect(tabs.sendToFrame).toHaveBeenCalledTimes(1);
    tabs.sendToFrame.mockClear();
    expect(await harness.call('fill/open-picker', {})).toEqual({ opened: false, message: NO_FORM_MESSAGE });
    expect(tabs.sendToFrame).not.toHaveBeenCalled();
    expect(harness.errors).toEqual([]);
  });

  it('says there is no form when no frame reported one, or stopped reporting it', async () => {
    const { harness, tabs } = await setup();
    expect(await harness.call('fill/open-picker', {})).toEqual({ opened: false, message: NO_FORM_MESSAGE });
    await harness.from(FORM)('page/form', { present: true });
    await harness.from(FORM)('page/form', { present: false });
    expect(await harness.call('fill/open-picker', {})).toEqual({ opened: false, message: NO_FORM_MESSAGE });
    expect(tabs.sendToFrame).not.toHaveBeenCalled();
  });

  it('waits a moment for a form that has just appeared (a dialog opened as the shortcut was pressed)', async () => {
    const { harness, tabs } = await setup();
    const opening = harness.call('fill/open-picker', {});
    await new Promise((resolve) => setTimeout(resolve, 120));
    await harness.from(FORM)('page/form', { present: true });
    expect(await opening).toEqual({ opened: true });
    expect(tabs.sendToFrame).toHaveBeenCalledWith(TAB, 2, { type: 'ace-ach/open-picker' });
  });

  it("says whether the chosen profile is the page importer's: the same, another suffix, another importer, or unknown", async () => {
    const { harness, ids } = await setup();
    const fetch = async (profileId: string) => {
      const { token } = await harness.from(FORM)('page/picker-open', {});
      await harness.from(pickerPage(token))('picker/choose', { token, profileId });
      const { importerMatch, profileImporter, pageImporter } = await harness.from(FORM)('page/fill', { token });
      return { importerMatch, profileImporter, pageImporter };
    };
    expect(await fetch(ids.main)).toEqual({ importerMatch: 'same', profileImporter: '12-345678900', pageImporter: '12-345678900' });
    expect(await fetch(ids.branch)).toEqual({ importerMatch: 'other-suffix', profileImporter: '12-345678901', pageImporter: '12-345678900' });
    expect(await fetch(ids.beta)).toEqual({ importerMatch: 'other', profileImporter: '98-765432100', pageImporter: '12-345678900' });
    // A page that shows no importer number: nothing to compare with.
    await harness.from(TOP)('page/importer', { importerNumbers: [] });
    expect(await fetch(ids.beta)).toEqual({ importerMatch: 'unknown', profileImporter: '98-765432100', pageImporter: undefined });
  });

  it('opens the picker in the active tab only', async () => {
    const { harness, tabs } = await setup({ activeTabId: 8 });
    await harness.from(FORM)('page/form', { present: true });
    expect(await harness.call('fill/open-picker', {})).toEqual({ opened: false, message: NO_FORM_MESSAGE });
    expect(tabs.sendToFrame).not.toHaveBeenCalled();
  });

  it('opens nothing without a tab or the tabs API', async () => {
    const noTab = await setup({ activeTabId: undefined });
    const answer = await noTab.harness.call('fill/open-picker', {});
    expect(answer.opened).toBe(false);
    expect(answer.message).toMatch(/No browser tab/);

    const bare = await unlockedHarness();
    await bare.from(FORM)('page/form', { present: true });
    expect((await bare.call('fill/open-picker', {})).opened).toBe(false);
  });

  it('ends the session when the frame does not take the chosen profile', async () => {
    const { harness, tabs, ids } = await setup();
    const { token } = await harness.from(FORM)('page/picker-open', {});
    tabs.sendToFrame.mockImplementation(async () => ({ handled: false }));
    const error = await rejection(harness.from(pickerPage(token))('picker/choose', { token, profileId: ids.main }));
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/page changed/);
    expect((await rejection(harness.from(FORM)('page/fill', { token }))).code).toBe('not-found');
  });

  it('refuses to choose a profile that does not exist', async () => {
    const { harness, tabs, ids } = await setup();
    const { token } = await harness.from(FORM)('page/picker-open', {});
    await harness.call('profiles/delete', { id: ids.main });
    expect((await rejection(harness.from(pickerPage(token))('picker/choose', { token, profileId: ids.main }))).code).toBe('not-found');
    expect((await rejection(harness.from(pickerPage(token))('picker/choose', { token, profileId: 'nope' }))).code).toBe('not-found');
    expect(tabs.sendToFrame).not.toHaveBeenCalled();
  });
});

describe('filling: refusals', () => {
  it('refuses a picker to a sandboxed frame and logs why', async () => {
    const { harness } = await setup();
    const sandboxed = sender({ origin: 'null', frameId: 4, documentId: 'doc-4' });
    const error = await rejection(harness.from(sandboxed)('page/picker-open', {}));
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain(FILL_REFUSAL_WORDS.sandboxed);
    expect((await activity(harness))[0]).toEqual({
      at: new Date(harness.clock.now).toISOString(),
      action: 'fill-refused',
      page: 'https://ace.cbp.gov/s/importer/001',
      detail: FILL_REFUSAL_WORDS.sandboxed,
    });
  });

  it('refuses a picker to a frame the browser does not describe', async () => {
    const { harness } = await setup();
    const noFrame: SenderFacts = { id: OWN_ID, url: ACE_PAGE, origin: 'https://ace.cbp.gov', tab: { id: TAB } };
    expect((await rejection(harness.from(noFrame)('page/picker-open', {}))).code).toBe('forbidden');
    expect((await activity(harness))[0]).toMatchObject({ action: 'fill-refused', detail: FILL_REFUSAL_WORDS['unknown-frame'] });
    // An extension page is no ACE frame either.
    expect((await rejection(harness.call('page/picker-open', {}))).code).toBe('forbidden');
  });

  it('gives the values only to the frame and document the picker was opened for', async () => {
    const { harness, ids } = await setup();
    const token = await chosen(harness, ids.main);
    const refusedBefore = (await activity(harness)).filter((entry) => entry.action === 'fill-refused').length;

    const strangers = [
      // The top frame of the same tab.
      TOP,
      // Another frame of the same origin.
      sender({ url: FORM_PAGE, origin: 'https://ace.cbp.dhs.gov', frameId: 6, documentId: 'doc-6' }),
      // The same frame after it navigated: another document.
      { ...FORM, documentId: 'doc-2b' },
      // The same frame id in another tab.
      sender({ url: FORM_PAGE, origin: 'https://ace.cbp.dhs.gov', frameId: 2, documentId: 'doc-2', tabId: 8 }),
    ];
    for (const stranger of strangers) {
      const error = await rejection(harness.from(stranger)('page/fill', { token }));
      expect(error.code).toBe('forbidden');
      expect(JSON.stringify(error)).not.toContain(ACCOUNT);
    }
    const refused = (await activity(harness)).filter((entry) => entry.action === 'fill-refused');
    expect(refused).toHaveLength(refusedBefore + strangers.length);
    expect(refused[0]).toMatchObject({
      page: 'https://ace.cbp.dhs.gov/s/ach-refund/form',
      detail: 'asked by a frame the profile list was not opened for',
    });
    expect(refused.at(-1)).toMatchObject({ page: 'https://ace.cbp.gov/s/importer/001' });
    // Nor may a stranger report the fill.
    expect((await rejection(harness.from(TOP)('page/fill-done', { token, filled: ['routing'], page: ACE_PAGE }))).code).toBe('not-found');

    // The strangers did not spoil the user's fill.
    expect((await harness.from(FORM)('page/fill', { token })).values.account).toBe(ACCOUNT);
  });

  it('refuses the values to a sandboxed frame even with the right ids', async () => {
    const { harness, ids } = await setup();
    const token = await chosen(harness, ids.main);
    const error = await rejection(harness.from({ ...FORM, origin: 'null' })('page/fill', { token }));
    expect(error.code).toBe('forbidden');
    expect((await activity(harness))[0]).toMatchObject({ action: 'fill-refused', detail: FILL_REFUSAL_WORDS.sandboxed });
  });

  it('refuses the picker of another tab', async () => {
    const { harness, tabs, ids } = await setup();
    const { token } = await harness.from(FORM)('page/picker-open', {});
    const elsewhere = harness.from(pickerPage(token, 8));
    const error = await rejection(elsewhere('picker/list', { token }));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(PICKER_EXPIRED);
    expect((await rejection(elsewhere('picker/choose', { token, profileId: ids.main }))).code).toBe('not-found');
    // The popup (no tab) has no session either.
    expect((await rejection(harness.call('picker/list', { token }))).code).toBe('not-found');
    expect(tabs.sendToFrame).not.toHaveBeenCalled();
  });

  it('refuses the values before a profile was chosen, and for a token never issued', async () => {
    const { harness } = await setup();
    const { token } = await harness.from(FORM)('page/picker-open', {});
    const error = await rejection(harness.from(FORM)('page/fill', { token }));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(PICKER_EXPIRED);
    expect((await rejection(harness.from(FORM)('page/fill', { token: '0'.repeat(48) }))).code).toBe('not-found');
    expect((await rejection(harness.from(FORM)('page/fill', { token: 'short' }))).code).toBe('bad-request');
  });

  it('keeps the picker and the popup requests from content scripts', async () => {
    const { harness, tabs, ids } = await setup();
    await harness.from(FORM)('page/form', { present: true });
    const { token } = await harness.from(FORM)('page/picker-open', {});
    for (const frame of [FORM, TOP]) {
      const page = harness.from(frame);
      expect((await rejection(page('picker/list', { token }))).code).toBe('forbidden');
      expect((await rejection(page('picker/choose', { token, profileId: ids.main }))).code).toBe('forbidden');
      expect((await rejection(page('fill/open-picker', {}))).code).toBe('forbidden');
    }
    expect(tabs.sendToFrame).not.toHaveBeenCalled();
    // A page of another site may not even report a form.
    const stranger = harness.from(sender({ url: 'https://other.test/form', origin: 'https://other.test' }));
    expect((await rejection(stranger('page/form', { present: true }))).code).toBe('forbidden');
    expect((await rejection(stranger('page/picker-open', {}))).code).toBe('forbidden');
  });

  it('ends the picker sessions when the vault locks: a profile chosen before is not fetched after', async () => {
    const { harness, tabs, ids } = await setup();
    const { token } = await harness.from(FORM)('page/picker-open', {});
    const picker = harness.from(pickerPage(token));
    await picker('picker/choose', { token, profileId: ids.main });
    await harness.call('vault/lock', {});

    expect((await rejection(picker('picker/list', { token }))).code).toBe('not-found');
    expect((await rejection(harness.from(FORM)('page/fill', { token }))).code).toBe('not-found');
    await harness.call('vault/unlock', { passphrase: PASSPHRASE });
    expect((await rejection(harness.from(FORM)('page/fill', { token }))).code).toBe('not-found');
    expect(tabs.sendToFrame).toHaveBeenCalledTimes(1);
  });

  it('lists nothing and fills nothing while the vault is locked', async () => {
    const { harness, tabs, ids } = await setup();
    await harness.call('vault/lock', {});
    const { token } = await harness.from(FORM)('page/picker-open', {});
    const picker = harness.from(pickerPage(token));
    expect(await picker('picker/list', { token })).toEqual({ vault: 'locked', importerNumbers: ['12-345678900'], rows: [], total: 0 });
    expect(await picker('picker/list', { token, query: 'acme' })).toMatchObject({ vault: 'locked', rows: [] });
    expect((await rejection(picker('picker/choose', { token, profileId: ids.main }))).code).toBe('locked');
    expect(tabs.sendToFrame).not.toHaveBeenCalled();
  });

  it('lists nothing before a vault exists', async () => {
    const harness = makeHarness({ tabMessaging: fakeTabs(TAB).tabMessaging });
    const { token } = await harness.from(FORM)('page/picker-open', {});
    expect(await harness.from(pickerPage(token))('picker/list', { token })).toEqual({
      vault: 'new',
      importerNumbers: [],
      rows: [],
      total: 0,
    });
  });
});

describe('filling: lifetimes', () => {
  it('lets a picker session expire after FILL_SESSION_MS', async () => {
    const { harness, ids } = await setup();
    // Keep the vault from locking first, so that only the session's age counts.
    await harness.call('settings/set', { autoLockMinutes: 120 });
    const { token } = await harness.from(FORM)('page/picker-open', {});
    const picker = harness.from(pickerPage(token));
    harness.clock.advance(FILL_SESSION_MS);
    expect((await picker('picker/list', { token })).rows).toHaveLength(5);
    harness.clock.advance(1);
    const error = await rejection(picker('picker/list', { token }));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(PICKER_EXPIRED);
    expect((await rejection(picker('picker/choose', { token, profileId: ids.main }))).code).toBe('not-found');

    // A chosen profile expires the same way.
    const late = await chosen(harness, ids.main);
    harness.clock.advance(FILL_SESSION_MS + 1);
    expect((await rejection(harness.from(FORM)('page/fill', { token: late }))).code).toBe('not-found');
  });

  it('replaces a frame’s earlier picker with a new one', async () => {
    const { harness } = await setup();
    const first = (await harness.from(FORM)('page/picker-open', {})).token;
    const second = (await harness.from(FORM)('page/picker-open', {})).token;
    expect(second).not.toBe(first);
    expect((await rejection(harness.from(pickerPage(first))('picker/list', { token: first }))).code).toBe('not-found');
    expect((await harness.from(pickerPage(second))('picker/list', { token: second })).rows).toHaveLength(5);
  });

  it('forgets a closed tab’s form frames and picker sessions, and no other tab’s', async () => {
    const { harness, tabs } = await setup();
    const otherForm = sender({ tabId: 8, frameId: 0, documentId: 'doc-8' });
    await harness.from(FORM)('page/form', { present: true });
    await harness.from(otherForm)('page/form', { present: true });
    const { token } = await harness.from(FORM)('page/picker-open', {});
    const other = (await harness.from(otherForm)('page/picker-open', {})).token;

    await harness.app.onTabRemoved(TAB);
    expect(await harness.call('fill/open-picker', {})).toEqual({ opened: false, message: NO_FORM_MESSAGE });
    expect(tabs.sendToFrame).not.toHaveBeenCalled();
    expect((await rejection(harness.from(pickerPage(token))('picker/list', { token }))).code).toBe('not-found');
    const session = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(session).filter((key) => key.endsWith(`:${TAB}`))).toEqual([]);

    expect((await harness.from(pickerPage(other, 8))('picker/list', { token: other })).rows.length).toBeGreaterThan(0);
    await harness.app.onCommand('fill-bank-form', 8);
    expect(tabs.sendToFrame.mock.calls).toEqual([[8, 0, { type: 'ace-ach/open-picker' }]]);
    expect(harness.errors).toEqual([]);
  });

  it('keeps the form frames across a worker restart, not the picker sessions', async () => {
    const { harness, ids } = await setup();
    await harness.from(FORM)('page/form', { present: true });
    const { token } = await harness.from(FORM)('page/picker-open', {});

    // A new app over the same database and storage.session: what a restarted worker sees.
    const tabs = fakeTabs(TAB);
    const restarted = makeHarness({ indexedDB: harness.factory, clock: harness.clock, tabMessaging: tabs.tabMessaging });
    expect(await restarted.call('fill/open-picker', {})).toEqual({ opened: true });
    expect(tabs.sendToFrame.mock.calls).toEqual([[TAB, 2, { type: 'ace-ach/open-picker' }]]);
    expect((await rejection(restarted.from(pickerPage(token))('picker/list', { token }))).code).toBe('not-found');

    // A picker opened after the restart still finds the importer the top frame reported before it.
    const fresh = await chosen(restarted, ids.main);
    expect((await restarted.from(FORM)('page/fill', { token: fresh })).values.account).toBe(ACCOUNT);
    expect(restarted.errors).toEqual([]);
  });
});

describe('filling: the shortcut and the page settings', () => {
  it('opens the picker on the fill command, in the given tab or else the active one', async () => {
    const { harness, tabs } = await setup({ activeTabId: 9 });
    await harness.from(FORM)('page/form', { present: true });
    await harness.app.onCommand('fill-bank-form', TAB);
    expect(tabs.sendToFrame.mock.calls).toEqual([[TAB, 2, { type: 'ace-ach/open-picker' }]]);

    await harness.from(sender({ tabId: 9, documentId: 'doc-9' }))('page/form', { present: true });
    await harness.app.onCommand('fill-bank-form', undefined);
    expect(tabs.sendToFrame).toHaveBeenLastCalledWith(9, 0, { type: 'ace-ach/open-picker' });
    expect(tabs.sendToFrame).toHaveBeenCalledTimes(2);
    expect(harness.errors).toEqual([]);
  });

  it('does nothing on another command', async () => {
    const { harness, tabs } = await setup();
    await harness.from(FORM)('page/form', { present: true });
    await harness.app.onCommand('_execute_action', TAB);
    await harness.app.onCommand('fill-bank-form-2', TAB);
    expect(tabs.sendToFrame).not.toHaveBeenCalled();
  });

  it('tells the page the submit guard as set in the options', async () => {
    const { harness } = await setup();
    expect(await harness.from(FORM)('page/settings', {})).toEqual({ submitGuard: true });
    await harness.call('settings/set', { submitGuard: false });
    expect(await harness.from(FORM)('page/settings', {})).toEqual({ submitGuard: false });
    expect(await harness.from(TOP)('page/settings', {})).toEqual({ submitGuard: false });
    await harness.call('settings/set', { submitGuard: true });
    expect(await harness.from(FORM)('page/settings', {})).toEqual({ submitGuard: true });
  });

  it('does not count form reports and settings reads as use of the vault', async () => {
    const { harness } = await setup();
    const status = async () => (await harness.call('vault/status', {})).state;
    harness.clock.advance(10 * 60_000);
    await harness.from(FORM)('page/form', { present: true });
    await harness.from(FORM)('page/settings', {});
    await harness.from(FORM)('page/form', { present: false });
    harness.clock.advance(6 * 60_000);
    expect(await status()).toBe('locked');
  });

  it("counts the picker page's list as use of the vault, not the content script's picker-open", async () => {
    const { harness } = await setup();
    const status = async () => (await harness.call('vault/status', {})).state;
    harness.clock.advance(10 * 60_000);
    const { token } = await harness.from(FORM)('page/picker-open', {});
    harness.clock.advance(3 * 60_000);
    await harness.from(pickerPage(token))('picker/list', { token });
    harness.clock.advance(12 * 60_000);
    expect(await status()).toBe('unlocked');
    await harness.from(FORM)('page/picker-open', {});
    harness.clock.advance(3 * 60_000);
    expect(await status()).toBe('locked');
  });
});
