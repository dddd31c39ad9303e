/**
 * The options page in the real Chromium: a CSV import previews good and bad lines and writes
 * nothing until confirmed; an imported FedACH directory names the bank in the popup editor.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fedAchText, generateFedAchEntries, makeFedAchEntry, seededRandom } from '../unit/bank/fedach-generator';
import { expect, test } from './fixtures';
import { createVault, openPopup } from './popup-steps';

const CSV = [
  'label,importer_name,importer_numbers,bank_name,routing_number,account_number,account_type,account_holder_name',
  'Acme main,Acme Imports LLC,12-345678900,JPMorgan Chase Bank,021000021,000123456789,checking,Acme Imports LLC',
  'Bad checksum,Beta Corp,23-456789000,Some Bank,021000022,55554444,checking,Beta Corp',
  'Globex,Globex Trading Co,98-765432100,Bank of America,026009593,4455667788,savings,Globex Trading Co',
  'Too long account,Gamma LLC,34-567890100,Gamma Bank,026009593,123456789012345678,checking,Gamma LLC',
].join('\n');

test('a CSV import shows the bad lines and adds nothing until confirmed', async ({ page, extensionId }, testInfo) => {
  await createVault(page, extensionId);
  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = join(testInfo.outputDir, 'profiles.csv');
  writeFileSync(file, CSV);

  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('Import profiles file').setInputFiles(file);
  await expect(page.getByText('Line 3:')).toBeVisible();
  await expect(page.getByText('Line 5:')).toBeVisible();
  await expect(page.getByText(/Line 3:.*check.digit/i)).toBeVisible();
  await expect(page.getByText(/Line 5:.*17/)).toBeVisible();
  await expect(page.getByText(/Line 2:/)).toHaveCount(0);

  // Nothing written yet.
  await openPopup(page, extensionId);
  await expect(page.getByRole('heading', { name: 'Bank profiles' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Acme main/ })).toHaveCount(0);

  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('Import profiles file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import 2 profiles' }).click();
  await expect(page.getByText(/2 profiles? (were )?(added|imported)/i)).toBeVisible();

  await openPopup(page, extensionId);
  await expect(page.getByRole('button', { name: /^Acme main/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Globex/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Bad checksum/ })).toHaveCount(0);
});

test('a FedACH directory imported in options names the bank in the popup editor', async ({ page, extensionId }, testInfo) => {
  await createVault(page, extensionId);
  const entries = generateFedAchEntries(500, { seed: 7 });
  entries.push(makeFedAchEntry(seededRandom(3), { routingNumber: '021000021', customerName: 'JPMORGAN CHASE BANK, NA' }));
  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = join(testInfo.outputDir, 'FedACHdir.txt');
  writeFileSync(file, fedAchText(entries));

  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('FedACH directory file').setInputFiles(file);
  await expect(page.getByText(/501 records/)).toBeVisible({ timeout: 20_000 });

  await openPopup(page, extensionId);
  await page.getByRole('button', { name: 'Add profile' }).click();
  await page.getByLabel('Bank routing number').fill('021000021');
  await expect(page.getByLabel('Bank name')).toHaveValue('JPMORGAN CHASE BANK, NA');
});
