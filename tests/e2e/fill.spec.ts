/**
 * Filling the ACE bank form from a profile in the real Chromium on the practice portal: the Fill
 * button on every variant, the popup's "Fill this page" and the shortcut open the picker; the
 * page's own state (window.portalState, which only the page's listeners change) holds the values
 * afterwards; decoys stay empty; other frames are refused.
 */
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { aceUrl, expect, test } from './fixtures';
import { clickAssistantButton } from './assistant-ui-text';
import {
  clickFillButton,
  expectAssistantText,
  expectPageState,
  formFrame,
  openPicker,
  pickerFrame,
  pickerGone,
  portalState,
  type FillTrigger,
} from './fill-steps';
import { ACME, addProfile, createVault, GLOBEX, type ProfileFields } from './popup-steps';

const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots');
const ACME_STATE = { routing: '021000021', account: '000123456789', controlKey: '01' };
const PLAIN_STATE = { ...ACME_STATE, accountConfirm: '000123456789', bankName: 'JPMorgan Chase Bank', holderName: 'Acme Imports LLC' };

const TRIGGERS: FillTrigger[] = ['button', 'popup', 'shortcut'];

interface Variant {
  readonly name: string;
  readonly prepare?: (page: Page) => Promise<void>;
  readonly inFrame?: boolean;
  readonly state: Record<string, string>;
}

const refresh = async (page: Page) => {
  await page.getByRole('button', { name: 'Get Info/Refresh' }).click();
  await expect(page.getByText('Bank Information on File')).toBeVisible();
};

const VARIANTS: Variant[] = [
  { name: 'lightning', state: ACME_STATE },
  { name: 'plain', state: PLAIN_STATE },
  { name: 'iframe', inFrame: true, state: ACME_STATE },
  { name: 'ace-frame', inFrame: true, state: ACME_STATE },
  { name: 'after-refresh', prepare: refresh, state: ACME_STATE },
  { name: 'synthetic', state: ACME_STATE },
  { name: 'radio', state: ACME_STATE },
  { name: 'dialog', prepare: (page) => page.getByRole('button', { name: 'Edit Bank Information' }).click(), state: ACME_STATE },
  { name: 'decoy', state: PLAIN_STATE },
  { name: 'controlled', state: ACME_STATE },
];

async function setUp(page: Page, extensionId: string, profiles: ProfileFields[] = [ACME]) {
  await createVault(page, extensionId);
  for (const profile of profiles) await addProfile(page, profile);
}

async function chooseInPicker(page: Page, label: RegExp) {
  const picker = await pickerFrame(page);
  await picker.getByRole('button', { name: label }).click();
}

for (const variant of VARIANTS) {
  test(`${variant.name}: the Fill button, the popup and the shortcut fill the form; the page's own state holds the values`, async ({ page, extensionId }) => {
    await setUp(page, extensionId);
    for (const trigger of TRIGGERS) {
      await page.goto(aceUrl(variant.name));
      await variant.prepare?.(page);
      const frame = formFrame(page, variant.inFrame);
      const picker = await openPicker(page, trigger, frame);
      await picker.getByRole('button', { name: /^Acme main/ }).click();
      await expectPageState(page, frame, variant.state, `filled from the ${trigger}`);
      // The checks of part 1 ran on the filled values: the form now matches the profile.
      await expect(frame.locator('input[data-ace-ach-field="routing"]')).toHaveAttribute('data-ace-ach-state', 'ok');
    }
    if (variant.name === 'controlled') {
      await expect(page.locator('#page-state')).toContainText('"routing": "021000021"');
    }
    if (variant.name === 'decoy') {
      for (const decoy of ['input[type=hidden][name=routingNumber]', '#legacy-routing', '#offscreen-routing']) {
        await expect(page.locator(decoy)).toHaveValue('');
      }
      const events = await page.evaluate(() => (window as unknown as { portalEvents: { field: string }[] }).portalEvents);
      expect(events.filter((event) => event.field.startsWith('decoy-'))).toEqual([]);
    }
    // The page's Save sends what its own state holds.
    const frame = formFrame(page, variant.inFrame);
    await frame.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(frame.getByText('Bank information saved')).toBeVisible();
    await expect.poll(() => frame.evaluate(() => (window as unknown as { portalSaves: unknown[] }).portalSaves)).toEqual([variant.state]);
  });
}

test('the picker lists the importer’s profiles first and fills the one chosen among two', async ({ page, extensionId }) => {
  await setUp(page, extensionId, [ACME, GLOBEX, { ...GLOBEX, label: 'Globex old bank', routing: '021000021', account: '1111222233', type: 'checking' }]);
  await page.goto(aceUrl('two-profiles'));
  await clickFillButton(page);
  const picker = await pickerFrame(page);
  // Rows are painted after the picker's frame appears: the assertion retries until they are.
  const rows = picker.getByRole('button', { name: /^(Acme|Globex)/ });
  await expect(rows).toHaveText([/^Globex main\b/, /^Globex old bank\b/, /^Acme main\b/]);
  await expect(picker.getByText('Importer on this page: 98-765432100')).toBeVisible();
  await page.screenshot({ path: resolve(SCREENSHOTS, 'page-picker.png') });
  await picker.getByRole('button', { name: /^Globex old bank/ }).click();
  await expect.poll(() => portalState(page.mainFrame())).toMatchObject({ routing: '021000021', account: '1111222233', controlKey: '01' });
});

test('the picker works by keyboard: filter, arrows, Enter; Escape closes and gives the focus back', async ({ page, extensionId }) => {
  await setUp(page, extensionId, [ACME, GLOBEX]);
  await page.goto(aceUrl('two-profiles'));
  const routing = page.locator('#ach-routing');
  await clickFillButton(page);
  let picker = await pickerFrame(page);
  await expect(picker.getByLabel('Filter profiles')).toBeFocused();
  await page.keyboard.press('Escape');
  await pickerGone(page);

  await routing.focus();
  await clickFillButton(page);
  picker = await pickerFrame(page);
  await expect(picker.getByLabel('Filter profiles')).toBeFocused();
  await page.keyboard.type('globex');
  await expect(picker.getByRole('button', { name: /^Acme main/ })).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(picker.getByRole('button', { name: /^Globex main/ })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(picker.getByLabel('Filter profiles')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => portalState(page.mainFrame())).toMatchObject({ routing: '026009593', account: '4455667788', controlKey: '02' });
  await pickerGone(page);
});

test('another importer’s profile is asked about first: Cancel fills nothing, “Fill anyway” by keyboard fills', async ({ page, extensionId }) => {
  await setUp(page, extensionId, [ACME, GLOBEX]);
  await page.goto(aceUrl('plain'));
  await clickFillButton(page);
  await chooseInPicker(page, /^Globex main/);
  await expectAssistantText(page, /Fill another importer's bank details\?/);
  await expectAssistantText(page, /"Globex main" is the profile of importer 98-765432100; this page is importer 12-345678900/);
  await clickAssistantButton(page, /^Cancel$/);
  await page.waitForTimeout(300);
  expect(await portalState(page.mainFrame())).toMatchObject({ routing: '', account: '' });

  await pickerGone(page);
  await clickFillButton(page);
  const picker = await pickerFrame(page);
  await expect(picker.getByLabel('Filter profiles')).toBeFocused();
  await page.keyboard.type('globex');
  await page.keyboard.press('Enter');
  await expectAssistantText(page, /Fill another importer's bank details\?/);
  // The question has the focus, on its safe answer; Tab reaches "Fill anyway".
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => portalState(page.mainFrame())).toMatchObject({ routing: '026009593', account: '4455667788', controlKey: '02' });
});

test('asks before replacing what the form holds: cancel, only the empty fields, or replace', async ({ page, extensionId }) => {
  await setUp(page, extensionId);
  await page.goto(aceUrl('plain'));
  await page.locator('#ach-routing').fill('026009593');
  const fillAndAnswer = async (answer: RegExp) => {
    await pickerGone(page);
    await clickFillButton(page);
    await chooseInPicker(page, /^Acme main/);
    await expectAssistantText(page, /Replace what the form holds\?/);
    await expectAssistantText(page, /Routing number already holds other values than the profile "Acme main"/);
    await clickAssistantButton(page, answer);
  };
  await fillAndAnswer(/^Cancel$/);
  await page.waitForTimeout(300);
  expect(await portalState(page.mainFrame())).toMatchObject({ routing: '026009593', account: '' });

  await fillAndAnswer(/^Fill only the empty fields$/);
  await expect.poll(() => portalState(page.mainFrame())).toMatchObject({ routing: '026009593', account: '000123456789', controlKey: '01' });

  await fillAndAnswer(/^Replace with "Acme main"$/);
  await expect.poll(() => portalState(page.mainFrame())).toEqual(PLAIN_STATE);
});
