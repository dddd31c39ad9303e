/**
 * The page assistant in the real Chromium on the practice ACE Portal: the checks as the user
 * types (format, directory, confirmation), the comparison with the saved profile and with CBP's
 * values on file, and what happens while the vault is locked.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { fedAchText, generateFedAchEntries, makeFedAchEntry, seededRandom } from '../unit/bank/fedach-generator';
import { assistantRootIsClosed, assistantText } from './assistant-ui-text';
import { aceUrl, expect, test } from './fixtures';
import { ACME, addProfile, createVault, openPopup } from './popup-steps';

const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots');
const routing = 'input[data-ace-ach-field="routing"]';
const account = 'input[data-ace-ach-field="account"]';
const confirm = 'input[data-ace-ach-field="account-confirm"]';

async function expectAssistantText(page: Page | Frame, pattern: RegExp) {
  await expect.poll(() => assistantText(page), { timeout: 10_000 }).toMatch(pattern);
}

async function refresh(page: Page) {
  await page.getByRole('button', { name: 'Get Info/Refresh' }).click();
  await expect(page.getByText('Bank Information on File')).toBeVisible();
}

test('flags a failing check digit, a wrong prefix and an invisible character as the user types', async ({ page }) => {
  await page.goto(aceUrl('lightning'));
  await page.locator(routing).fill('021000022');
  await expect(page.locator(routing)).toHaveAttribute('data-ace-ach-state', 'invalid');
  await expectAssistantText(page, /fails the check-digit test/);

  await page.locator(routing).fill('800000006');
  await expect(page.locator(routing)).toHaveAttribute('data-ace-ach-state', 'invalid');
  await expectAssistantText(page, /traveler's cheques; ACH refunds need your bank's ACH routing number/);

  // Pasted text with a zero-width space: never fixed silently.
  await page.locator(account).fill('12345\u200b678');
  await expect(page.locator(account)).toHaveAttribute('data-ace-ach-state', 'invalid');
  await expectAssistantText(page, /zero-width space \(U\+200B\) at position 6/);

  await page.locator(routing).fill('021000021');
  await page.locator(account).fill('000123456789');
  await expect(page.locator(routing)).toHaveAttribute('data-ace-ach-state', 'ok');
  await expect(page.locator(account)).toHaveAttribute('data-ace-ach-state', 'ok');
  // Our UI is in a closed shadow root: the page cannot read it.
  await expect.poll(() => assistantRootIsClosed(page)).toBe(true);
});

test('flags a confirmation that differs without repeating the number', async ({ page }) => {
  await page.goto(aceUrl('plain'));
  await page.locator(account).fill('000123456789');
  await page.locator(confirm).fill('000123456780');
  await expect(page.locator(confirm)).toHaveAttribute('data-ace-ach-state', 'mismatch');
  await expectAssistantText(page, /differ at position 12/);
  expect(await assistantText(page)).not.toContain('000123456789');
  await page.locator(confirm).fill('000123456789');
  await expect(page.locator(confirm)).toHaveAttribute('data-ace-ach-state', 'ok');
});

test('while the vault is locked the format checks run and the card offers to unlock', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.goto(aceUrl('lightning'));
  await page.locator(routing).fill('021000022');
  await expect(page.locator(routing)).toHaveAttribute('data-ace-ach-state', 'invalid');
  await expectAssistantText(page, /vault is locked/);
  await expectAssistantText(page, /Unlock to compare with your profile/);
});

test('compares the form and CBP’s values on file with the importer’s profile', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  await page.goto(aceUrl('lightning'));
  await refresh(page);
  // On file: 021000021, *****6789, 01 - Checking: what the profile says.
  await expectAssistantText(page, /Comparing with "Acme main" \(12-345678900\)/);
  await expectAssistantText(page, /CBP's bank details on file match "Acme main"/);
  await expect(page.locator('[data-ace-ach-field="routing"]:not(input)')).toHaveAttribute('data-ace-ach-state', 'ok');

  await page.locator(routing).fill('021000021');
  await page.locator(account).fill('000123454321');
  await expect(page.locator(account)).toHaveAttribute('data-ace-ach-state', 'mismatch');
  await expectAssistantText(page, /The form has an account number ending 4321; the profile "Acme main" has one ending 6789/);
  expect(await assistantText(page)).not.toContain('000123456789');
  await page.screenshot({ path: resolve(SCREENSHOTS, 'page-warnings.png') });

  // The verification is recorded for the profile and shown in the popup.
  await openPopup(page, extensionId);
  await expect(page.getByText(/Verified on file/)).toBeVisible();
});

test('flags CBP’s values on file that differ from the profile', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  await addProfile(page, { ...ACME, routing: '026009593', bankName: 'Bank of America' });
  await page.goto(aceUrl('lightning'));
  await refresh(page);
  await expect(page.locator('[data-ace-ach-field="routing"]:not(input)')).toHaveAttribute('data-ace-ach-state', 'mismatch');
  await expectAssistantText(page, /CBP's bank details on file differ from "Acme main"/);
  await expectAssistantText(page, /CBP's file shows routing number 021000021; the profile "Acme main" says 026009593/);
  await openPopup(page, extensionId);
  await expect(page.getByText(/Differs from CBP's file/)).toBeVisible();
});

test('names the bank from the FedACH directory and suggests the number meant', async ({ page, extensionId }, testInfo) => {
  await createVault(page, extensionId);
  const entries = generateFedAchEntries(300, { seed: 11 });
  entries.push(makeFedAchEntry(seededRandom(5), { routingNumber: '021000021', customerName: 'JPMORGAN CHASE BANK, NA' }));
  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = join(testInfo.outputDir, 'FedACHdir.txt');
  writeFileSync(file, fedAchText(entries));
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('FedACH directory file').setInputFiles(file);
  await expect(page.getByText(/301 records/)).toBeVisible({ timeout: 20_000 });

  await page.goto(aceUrl('plain'));
  await page.locator(routing).fill('021000021');
  await expectAssistantText(page, /JPMORGAN CHASE BANK, NA/);
  // Last two digits swapped: the checksum fails and the directory knows the number meant.
  await page.locator(routing).fill('021000012');
  await expect(page.locator(routing)).toHaveAttribute('data-ace-ach-state', 'invalid');
  await expectAssistantText(page, /Did you mean 021000021 — JPMORGAN CHASE BANK, NA\?/);
});

test('says when several profiles match the importer and compares with none until one is chosen', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  const globex = { ...ACME, importerName: 'Globex Trading Co', importerNumber: '98-765432100', holder: 'Globex Trading Co' };
  await addProfile(page, { ...globex, label: 'Globex main' });
  await addProfile(page, { ...globex, label: 'Globex old bank', routing: '026009593', bankName: 'Bank of America' });
  await page.goto(aceUrl('two-profiles'));
  await expect(page.locator('[data-ace-ach-field="importer-number"]')).toHaveText('98-765432100');
  await page.locator(routing).fill('021000021');
  await expectAssistantText(page, /Several profiles match importer 98-765432100; choose the one to compare with/);
  await expectAssistantText(page, /Globex main \(98-765432100\)/);
  await expectAssistantText(page, /Globex old bank \(98-765432100\)/);
  expect(await assistantText(page)).not.toMatch(/Comparing with/);
});

for (const variant of ['iframe', 'ace-frame']) {
  test(`reads the importer number in the top frame and compares the form in its frame (${variant}) with that importer’s profile`, async ({
    page,
    extensionId,
  }) => {
    await createVault(page, extensionId);
    await addProfile(page, ACME);
    await page.goto(aceUrl(variant));
    // The record header's value, not the label glued to it.
    await expect(page.locator('[data-ace-ach-field="importer-number"]')).toHaveText('12-345678900');
    await page.frameLocator('iframe').locator(routing).fill('021000021');
    await expectAssistantText(page.frames().find((frame) => frame !== page.mainFrame()) ?? page, /Comparing with "Acme main" \(12-345678900\)/);
  });
}
