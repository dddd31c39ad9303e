/**
 * Steps the vault and popup e2e tests share: open the popup as a page, create or unlock the
 * vault, add a profile through the editor.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const PASSPHRASE = 'correct horse battery staple 42';

export interface ProfileFields {
  label: string;
  importerName: string;
  importerNumber: string;
  routing: string;
  bankName?: string;
  account: string;
  holder: string;
  type?: 'checking' | 'savings';
}

export const ACME: ProfileFields = {
  label: 'Acme main',
  importerName: 'Acme Imports LLC',
  importerNumber: '12-345678900',
  routing: '021000021',
  bankName: 'JPMorgan Chase Bank',
  account: '000123456789',
  holder: 'Acme Imports LLC',
};

/** The practice portal's other importer, banking elsewhere. */
export const GLOBEX: ProfileFields = {
  ...ACME,
  label: 'Globex main',
  importerName: 'Globex Trading Co',
  importerNumber: '98-765432100',
  holder: 'Globex Trading Co',
  routing: '026009593',
  bankName: 'Bank of America',
  account: '4455667788',
  type: 'savings',
};

export async function openPopup(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
}

export async function createVault(page: Page, extensionId: string, passphrase = PASSPHRASE) {
  await openPopup(page, extensionId);
  await expect(page.getByRole('heading', { name: 'Set up ACE ACH Assist' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Confirm passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Bank profiles' })).toBeVisible({ timeout: 20_000 });
}

export async function unlock(page: Page, passphrase = PASSPHRASE) {
  await expect(page.getByRole('heading', { name: 'Unlock' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

export async function fillProfileEditor(page: Page, fields: Partial<ProfileFields>) {
  if (fields.label !== undefined) await page.getByLabel('Label', { exact: true }).fill(fields.label);
  if (fields.importerName !== undefined) await page.getByLabel('Importer legal name').fill(fields.importerName);
  if (fields.importerNumber !== undefined) await page.getByLabel('Importer number', { exact: true }).fill(fields.importerNumber);
  if (fields.routing !== undefined) await page.getByLabel('Bank routing number').fill(fields.routing);
  if (fields.bankName !== undefined) await page.getByLabel('Bank name').fill(fields.bankName);
  if (fields.account !== undefined) {
    await page.getByLabel('Account number', { exact: true }).fill(fields.account);
    await page.getByLabel('Confirm account number').fill(fields.account);
  }
  if (fields.type !== undefined) await page.getByLabel('Account type').selectOption(fields.type);
  if (fields.holder !== undefined) await page.getByLabel('Account holder name').fill(fields.holder);
}

export async function addProfile(page: Page, fields: ProfileFields) {
  await page.getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByRole('heading', { name: 'New profile' })).toBeVisible();
  await fillProfileEditor(page, fields);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('heading', { name: 'Bank profiles' })).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`^${fields.label}`) })).toBeVisible();
}
