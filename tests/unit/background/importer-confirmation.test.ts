/**
 * The other-importer question in the extension's own window (where the browser cannot tell
 * whether the ACE page shows our UI: Firefox), through the real message path: the frame that
 * fetched another importer's profile asks; the background opens confirm.html#<id> in a window,
 * which reads the question and answers; the frame gets the answer. Only the session's frame may
 * ask, once; only extension pages read and answer; no answer in time is Cancel.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONFIRMATION_TIMEOUT_MS, createImporterConfirmations } from '@/utils/background/importer-confirmations';
import { QUESTION_EXPIRED, type TabMessaging } from '@/utils/background/handlers/fill';
import type { UnlockWindowApis } from '@/utils/background/unlock-window';
import type { SenderFacts } from '@/utils/messaging/classify-sender';
import { OWN_ID, OWN_ORIGIN, rejection, sampleProfile, unlockedHarness, type Harness } from './harness';

beforeEach(() => {
  fakeBrowser.reset();
});

const TAB = 7;
const CONFIRM_URL = `${OWN_ORIGIN}confirm.html`;
const TOP: SenderFacts = { id: OWN_ID, url: 'https://ace.cbp.gov/s/importer/001', origin: 'https://ace.cbp.gov', tab: { id: TAB }, frameId: 0, documentId: 'doc-1' };
const OTHER_FRAME: SenderFacts = { ...TOP, frameId: 4, documentId: 'doc-4' };
const CONFIRM_PAGE: SenderFacts = { id: OWN_ID, url: `${CONFIRM_URL}#x` };

async function setup() {
  const opened: string[] = [];
  const windows: UnlockWindowApis = {
    popupUrl: `${OWN_ORIGIN}popup.html`,
    confirmUrl: CONFIRM_URL,
    windows: { create: async ({ url }) => void opened.push(url) },
  };
  const tabMessaging: TabMessaging = { sendToFrame: async () => ({ handled: true }), activeTabId: async () => TAB };
  const harness = await unlockedHarness({ tabMessaging, unlockWindow: windows });
  const acme = (await harness.call('profiles/save', { profile: sampleProfile({ label: 'Acme main', importerNumbers: ['12-345678900'] }) })).profile.id;
  const globex = (await harness.call('profiles/save', { profile: sampleProfile({ label: 'Globex main', importerNumbers: ['98-765432100'] }) })).profile.id;
  // The page is Globex's.
  await harness.from(TOP)('page/importer', { importerNumbers: ['98-765432100'] });
  return { harness, opened, acme, globex };
}

/** The frame chose `profileId` in its picker and fetched it: the token. */
async function fetched(harness: Harness, profileId: string): Promise<string> {
  const { token } = await harness.from(TOP)('page/picker-open', {});
  await harness.from({ id: OWN_ID, url: `${OWN_ORIGIN}picker.html#${token}`, tab: { id: TAB }, frameId: 3 })('picker/choose', { token, profileId });
  await harness.from(TOP)('page/fill', { token });
  return token;
}

/** Waits until the window for the pending question was opened: its id. */
async function openedId(opened: string[]): Promise<string> {
  await vi.waitFor(() => expect(opened).toHaveLength(1));
  expect(opened[0]!.startsWith(`${CONFIRM_URL}#`)).toBe(true);
  return opened[0]!.slice(CONFIRM_URL.length + 1);
}

describe('asked in our window', () => {
  it('opens confirm.html with the question; its answer goes back to the frame', async () => {
    const { harness, opened, acme } = await setup();
    const token = await fetched(harness, acme);
    const answer = harness.from(TOP)('page/confirm-importer', { token });
    const id = await openedId(opened);
    const window = harness.from({ ...CONFIRM_PAGE, url: `${CONFIRM_URL}#${id}` });
    expect(await window('confirm/question', { id })).toEqual({
      title: "Fill another importer's bank details?",
      lines: ['"Acme main" is the profile of importer 12-345678900; this page is importer 98-765432100.', "Refunds of this importer would be paid into the other importer's account."],
    });
    expect(await window('confirm/answer', { id, fill: true })).toEqual({ done: true });
    expect(await answer).toEqual({ fill: true });
    // Answered once: the question is gone.
    expect((await rejection(window('confirm/question', { id }))).message).toBe(QUESTION_EXPIRED);
    expect((await rejection(window('confirm/answer', { id, fill: true }))).message).toBe(QUESTION_EXPIRED);
  });

  it('Cancel in the window fills nothing', async () => {
    const { harness, opened, acme } = await setup();
    const token = await fetched(harness, acme);
    const answer = harness.from(TOP)('page/confirm-importer', { token });
    const id = await openedId(opened);
    await harness.from(CONFIRM_PAGE)('confirm/answer', { id, fill: false });
    expect(await answer).toEqual({ fill: false });
  });

  it("needs no question for the page importer's own profile", async () => {
    const { harness, opened, globex } = await setup();
    const token = await fetched(harness, globex);
    expect(await harness.from(TOP)('page/confirm-importer', { token })).toEqual({ fill: true });
    expect(opened).toEqual([]);
  });

  it('is asked only by the frame that fetched the profile, only once, and read and answered only by extension pages', async () => {
    const { harness, opened, acme } = await setup();
    const token = await fetched(harness, acme);
    expect((await rejection(harness.from(OTHER_FRAME)('page/confirm-importer', { token }))).code).toBe('not-found');
    void harness.from(TOP)('page/confirm-importer', { token });
    const id = await openedId(opened);
    expect((await rejection(harness.from(TOP)('page/confirm-importer', { token }))).code).toBe('not-found');
    // The ACE page's content script can neither read the question nor answer it.
    expect((await rejection(harness.from(TOP)('confirm/question', { id }))).code).toBe('forbidden');
    expect((await rejection(harness.from(TOP)('confirm/answer', { id, fill: true }))).code).toBe('forbidden');
    expect(opened).toHaveLength(1);
  });
});

describe('importer confirmations', () => {
  const QUESTION = { title: 'Fill?', lines: ['Another importer.'] };

  it('no answer in time counts as Cancel', async () => {
    const timers: { callback: () => void; ms: number }[] = [];
    const confirmations = createImporterConfirmations(() => 'q1', (callback, ms) => timers.push({ callback, ms }));
    const answer = confirmations.ask(QUESTION, async () => {});
    await Promise.resolve();
    expect(confirmations.question('q1')).toEqual(QUESTION);
    expect(timers.map((timer) => timer.ms)).toEqual([CONFIRMATION_TIMEOUT_MS]);
    timers[0]!.callback();
    expect(await answer).toBe(false);
    expect(confirmations.question('q1')).toBeUndefined();
  });

  it('a window that cannot be opened fails the question, which is then gone', async () => {
    const confirmations = createImporterConfirmations(() => 'q1', () => 0);
    await expect(confirmations.ask(QUESTION, async () => Promise.reject(new Error('no windows')))).rejects.toThrow('no windows');
    expect(confirmations.question('q1')).toBeUndefined();
    expect(confirmations.answer('q1', true)).toBe(false);
  });

  it('keeps at most 10 waiting: the oldest is answered Cancel', async () => {
    let serial = 0;
    const confirmations = createImporterConfirmations(() => `q${++serial}`, () => 0);
    const answers = Array.from({ length: 11 }, () => confirmations.ask(QUESTION, async () => {}));
    expect(await answers[0]).toBe(false);
    expect(confirmations.question('q1')).toBeUndefined();
    expect(confirmations.question('q11')).toEqual(QUESTION);
  });
});
