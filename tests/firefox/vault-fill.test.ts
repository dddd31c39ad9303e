/**
 * Firefox ESR, one user's way through: the vault set up in the popup, a profile saved, lock and
 * unlock, the form filled from the Fill button in the routing field through the profile picker
 * (plain form, Lightning shadow roots, a form in a frame, a form in the page's closed shadow
 * root), and the submit guard asking before a form with a problem is saved. Tests run in order
 * in one browser: each builds on the vault the ones before made.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { aceUrl, launchFirefox, type FirefoxRun } from './support/firefox';
import {
  assistantText,
  button,
  byLabel,
  checkState,
  clickAssistantButton,
  expectAssistantText,
  expectHeading,
  extensionFrame,
  markedControl,
  openExtensionPage,
  portalSaves,
  portalState,
  typeInto,
} from './support/steps';
import { waitForEqual, waitUntil } from './support/wait';

const PASSPHRASE = 'correct horse battery staple 42';
const ACME = {
  label: 'Acme main',
  importerName: 'Acme Imports LLC',
  importerNumber: '12-345678900',
  routing: '021000021',
  bankName: 'JPMorgan Chase Bank',
  account: '000123456789',
  holder: 'Acme Imports LLC',
};
const ACME_STATE = { routing: '021000021', account: '000123456789', controlKey: '01' };
const PLAIN_STATE = { ...ACME_STATE, accountConfirm: '000123456789', bankName: 'JPMorgan Chase Bank', holderName: 'Acme Imports LLC' };
/** The vault's first key derivation (PBKDF2, 600,000 rounds) and zxcvbn's word lists on a loaded machine. */
const VAULT_MS = 40_000;

let run: FirefoxRun;
let page: Page;

beforeAll(async () => {
  run = await launchFirefox();
  page = await run.browser.newPage();
});
afterAll(async () => {
  await run?.close();
});

const click = async (frame: Frame, name: RegExp) => (await button(frame, name)).click();

async function openPopup() {
  await openExtensionPage(page, run.extensionUrl('popup.html'));
}

/**
 * Clicks the Fill button the assistant draws inside the routing field's right end, with the
 * mouse: the button lives in the assistant's closed root, so its place is the field's.
 */
async function clickFillButton(frame: Frame) {
  const routing = await markedControl(frame, 'routing');
  // The button is drawn a frame after the mark: wait until the assistant shows it.
  await expectAssistantText(frame, /^Fill$/m);
  await routing.scrollIntoView();
  const box = await waitUntil('the routing field box', () => routing.boundingBox(), (found) => found !== null && found.width > 0);
  await page.mouse.click(box!.x + box!.width - 16, box!.y + box!.height / 2);
}

function formFrame(inFrame: boolean): Promise<Frame> {
  if (!inFrame) return Promise.resolve(page.mainFrame());
  return waitUntil('the form frame', () => page.frames().find((f) => f !== page.mainFrame()) ?? null, (found) => found !== null) as Promise<Frame>;
}

describe('Firefox ESR: vault, profile, fill and submit guard', () => {
  test('first run: the popup sets up the vault with a passphrase', async () => {
    await openPopup();
    const popup = page.mainFrame();
    await expectHeading(popup, 'Set up ACE ACH Assist');
    await typeInto(await byLabel(popup, 'Passphrase'), PASSPHRASE);
    await typeInto(await byLabel(popup, 'Confirm passphrase'), PASSPHRASE);
    await click(popup, /^Create vault$/);
    await waitUntil('the profile list', () => expectHeading(popup, 'Bank profiles'), () => true, VAULT_MS);
  });

  test('a profile is saved and listed', async () => {
    const popup = page.mainFrame();
    await click(popup, /^Add profile$/);
    await expectHeading(popup, 'New profile');
    await typeInto(await byLabel(popup, 'Label'), ACME.label);
    await typeInto(await byLabel(popup, 'Importer legal name'), ACME.importerName);
    await typeInto(await byLabel(popup, 'Importer number'), ACME.importerNumber);
    await typeInto(await byLabel(popup, 'Bank routing number'), ACME.routing);
    await typeInto(await byLabel(popup, 'Bank name'), ACME.bankName);
    await typeInto(await byLabel(popup, 'Account number'), ACME.account);
    await typeInto(await byLabel(popup, 'Confirm account number'), ACME.account);
    await typeInto(await byLabel(popup, 'Account holder name'), ACME.holder);
    await click(popup, /^Save profile$/);
    await expectHeading(popup, 'Bank profiles');
    await button(popup, /^Acme main/);
  });

  test('lock; a wrong passphrase is refused; the right one unlocks', async () => {
    const popup = page.mainFrame();
    await click(popup, /^Lock$/);
    await expectHeading(popup, 'Unlock');
    await typeInto(await byLabel(popup, 'Passphrase'), 'not the passphrase');
    await click(popup, /^Unlock$/);
    await waitUntil(
      'the wrong passphrase refused',
      () => popup.evaluate(() => [...document.querySelectorAll('[role=alert]')].map((alert) => alert.textContent).join(' ')),
      (alerts) => alerts.includes('passphrase is not right'),
      VAULT_MS,
    );
    await typeInto(await byLabel(popup, 'Passphrase'), PASSPHRASE);
    await click(popup, /^Unlock$/);
    await waitUntil('the profile list', () => expectHeading(popup, 'Bank profiles'), () => true, VAULT_MS);
    await button(popup, /^Acme main/);
    // Reopened while unlocked, the popup goes straight to the list.
    await openPopup();
    await expectHeading(popup, 'Bank profiles');
  });

  const FILLS = [
    { name: 'plain', state: PLAIN_STATE },
    { name: 'lightning', state: ACME_STATE },
    { name: 'iframe', inFrame: true, state: ACME_STATE },
    { name: 'closed-shadow', state: { ...ACME_STATE, accountConfirm: '000123456789' } },
  ];
  for (const fill of FILLS) {
    test(`${fill.name}: the Fill button opens the picker; choosing the profile fills the page's own state`, async () => {
      await page.goto(aceUrl(fill.name));
      const frame = await formFrame(fill.inFrame ?? false);
      // The form is compared with the importer's profile (the importer read in the top frame).
      await expectAssistantText(frame, /Comparing with "Acme main" \(12-345678900\)/);
      await clickFillButton(frame);
      const picker = await extensionFrame(page, '/picker.html');
      await (await button(picker, /^Acme main/)).click();
      await waitForEqual(`${fill.name} filled`, () => portalState(frame), fill.state);
      // The checks ran on the filled values: the form matches the profile.
      await waitForEqual('routing checked', async () => checkState(await markedControl(frame, 'routing')), 'ok');
    });
  }

  test('submit guard: Save with a failing check digit asks first; nothing is saved until "Save anyway"', async () => {
    await page.goto(aceUrl('plain'));
    const frame = page.mainFrame();
    const routing = await markedControl(frame, 'routing');
    await typeInto(routing, '021000022');
    await typeInto(await markedControl(frame, 'account'), '000123456789');
    await typeInto(await markedControl(frame, 'account-confirm'), '000123456789');
    await (await markedControl(frame, 'account-type')).select('01');
    await waitForEqual('routing invalid', () => checkState(routing), 'invalid');

    await click(frame, /^Save$/);
    await expectAssistantText(frame, /Save with these problems\?/);
    await expectAssistantText(frame, /Routing number: .*check-digit/);
    assert.deepEqual(await portalSaves(frame), []);

    await clickAssistantButton(page, /^Go back and fix$/);
    // The question is gone (answered) before "nothing saved" is read.
    await waitUntil('the question answered', () => assistantText(frame), (text) => !text.includes('Save with these problems?'));
    assert.deepEqual(await portalSaves(frame), []);

    await click(frame, /^Save$/);
    await clickAssistantButton(page, /^Save anyway$/);
    const saves = await waitUntil('the save handed on', () => portalSaves(frame), (list) => list.length > 0);
    assert.equal(saves.length, 1);
    assert.equal(saves[0]!.routing, '021000022');
  });
});
