/**
 * The other ways to open the picker (the popup's "Fill this page", the keyboard shortcut) and
 * where filling is refused: a frame of another site, a sandboxed frame. Each fill and refusal is
 * in the activity log, never with the account number.
 */
import type { Page } from '@playwright/test';
import { aceUrl, expect, test } from './fixtures';
import {
  clickFillButton,
  expectAssistantText,
  formFrame,
  openPopupWindow,
  pickerFrame,
  pickerGone,
  pickerIsOpen,
  portalState,
  pressFillShortcut,
  type WorkerChrome,
} from './fill-steps';
import { ACME, addProfile, createVault, PASSPHRASE } from './popup-steps';

async function setUp(page: Page, extensionId: string) {
  await createVault(page, extensionId);
  await addProfile(page, ACME);
}

/**
 * Opens Options until its activity log shows `entry`: the background writes the entry after the
 * fill or refusal, so an early visit may show the log without it (the log is read once per visit).
 */
async function activityLogWith(page: Page, extensionId: string, entry: RegExp): Promise<string> {
  let text = '';
  await expect
    .poll(
      async () => {
        await page.goto(`chrome-extension://${extensionId}/options.html`);
        const log = page.getByRole('region', { name: 'Activity log entries' });
        await expect(log.or(page.getByText('No activity yet.'))).toBeVisible();
        text = (await log.count()) > 0 ? await log.innerText() : '';
        return text;
      },
      { timeout: 15_000 },
    )
    .toMatch(entry);
  return text;
}

test('the popup’s “Fill this page” opens the picker on the ACE page', async ({ page, context, extensionId }) => {
  await setUp(page, extensionId);
  await page.goto(aceUrl('lightning'));
  await expect(page.locator('input[data-ace-ach-field="routing"]')).toBeVisible();
  const popup = await openPopupWindow(context);
  // The shortcut as the browser has it, next to the button.
  await expect(popup.locator('kbd', { hasText: 'Alt+Shift+F' })).toBeVisible();
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Fill this page' }).click();
  await closed;
  const picker = await pickerFrame(page);
  await picker.getByRole('button', { name: /^Acme main/ }).click();
  await expect.poll(() => portalState(page.mainFrame())).toEqual({ routing: '021000021', account: '000123456789', controlKey: '01' });

  const log = await activityLogWith(
    page,
    extensionId,
    /Bank form filled from the profile \(Filled: Routing number, Account number, Account type\)\s+Acme main\s+12-345678900\s+https:\/\/ace\.cbp\.gov\/s\/importer\/lightning/,
  );
  expect(log).not.toContain('000123456789');
});

test('the popup says so when the page has no bank form', async ({ page, context, extensionId }) => {
  await setUp(page, extensionId);
  await page.goto('https://ace.cbp.gov/s/importer/plain?tab=account-information');
  const popup = await openPopupWindow(context);
  await popup.getByRole('button', { name: 'Fill this page' }).click();
  await expect(popup.getByRole('alert').filter({ hasText: 'No bank form on this page' })).toBeVisible();
});

test('the keyboard shortcut opens the picker where the user types, and Escape gives the focus back', async ({ page, context, extensionId }) => {
  await setUp(page, extensionId);
  const shortcut = await context.serviceWorkers()[0]!.evaluate(() =>
    (globalThis as unknown as { chrome: WorkerChrome }).chrome.commands.getAll(),
  );
  expect(shortcut).toContainEqual(expect.objectContaining({ name: 'fill-bank-form', shortcut: 'Alt+Shift+F' }));

  await page.goto(aceUrl('radio'));
  const routing = page.locator('input[data-ace-ach-field="routing"]');
  await routing.focus();
  await pressFillShortcut(context);
  let picker = await pickerFrame(page);
  await expect(picker.getByLabel('Filter profiles')).toBeFocused();
  await page.keyboard.press('Escape');
  await pickerGone(page);
  await expect(routing).toBeFocused();

  await pressFillShortcut(context);
  picker = await pickerFrame(page);
  await expect(picker.getByLabel('Filter profiles')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(picker.getByRole('button', { name: /^Acme main/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => portalState(page.mainFrame())).toEqual({ routing: '021000021', account: '000123456789', controlKey: '01' });
  await expect(routing).toBeFocused();
});

test('a frame of another site gets nothing: no picker, its fields stay empty', async ({ page, context, extensionId }) => {
  await setUp(page, extensionId);
  await page.goto(aceUrl('cross-origin'));
  const other = page.frames().find((frame) => frame.url().startsWith('https://other.test/'))!;
  await expect(other.getByLabel('Bank Routing Number')).toBeVisible();
  const popup = await openPopupWindow(context);
  await popup.getByRole('button', { name: 'Fill this page' }).click();
  await expect(popup.getByRole('alert').filter({ hasText: 'No bank form on this page' })).toBeVisible();
  await pressFillShortcut(context);
  await page.waitForTimeout(500);
  expect(pickerIsOpen(page)).toBe(false);
  await expect(other.getByLabel('Bank Routing Number')).toHaveValue('');
  expect(await portalState(other)).toEqual({ routing: '', account: '', controlKey: '' });
});

test('a sandboxed frame on the ACE host is refused by the background, and the refusal is logged', async ({ page, context, extensionId }) => {
  await setUp(page, extensionId);
  await page.goto(aceUrl('sandboxed'));
  const frame = formFrame(page, true);
  // The frame's address is an ACE page; its origin is opaque.
  await clickFillButton(page, frame);
  await expectAssistantText(frame, /does not fill this form: the bank form is in a sandboxed frame/);
  await pressFillShortcut(context);
  await page.waitForTimeout(500);
  expect(pickerIsOpen(page)).toBe(false);
  expect(await portalState(frame)).toEqual({ routing: '', account: '', controlKey: '' });
  await activityLogWith(page, extensionId, /Fill refused \(the bank form is in a sandboxed frame\)/);
});

test('with the vault locked the picker unlocks first, in its own page, then fills', async ({ page, extensionId }) => {
  await setUp(page, extensionId);
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.goto(aceUrl('plain'));
  await clickFillButton(page);
  const picker = await pickerFrame(page);
  await expect(picker.getByRole('heading', { name: 'Unlock' })).toBeVisible();
  await picker.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await picker.getByRole('button', { name: 'Unlock' }).click();
  await picker.getByRole('button', { name: /^Acme main/ }).click();
  await expect.poll(() => portalState(page.mainFrame())).toMatchObject({ routing: '021000021', account: '000123456789', controlKey: '01' });
});
