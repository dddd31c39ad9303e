/**
 * The profile vault and its popup in the real Chromium: first run, profiles, lock, what
 * survives a browser restart, and what IndexedDB and storage.local hold (never an account
 * number in clear).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../support/launch-browser';
import { expect, test } from './fixtures';
import { ACME, PASSPHRASE, addProfile, createVault, fillProfileEditor, openPopup, unlock } from './popup-steps';

const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

const GLOBEX = {
  label: 'Globex refunds',
  importerName: 'Globex Trading Co',
  importerNumber: '98-765432100',
  routing: '026009593',
  bankName: 'Bank of America',
  account: '4455667788',
  holder: 'Globex Trading Co',
};

// The popup's own size, so the screenshots show what a user sees.
const POPUP_SIZE = { width: 380, height: 600 };

test('first run sets a passphrase; lock, a wrong passphrase, and unlock', async ({ page, extensionId }) => {
  await page.setViewportSize(POPUP_SIZE);
  await createVault(page, extensionId);
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock' })).toBeVisible();
  await page.screenshot({ path: resolve(SCREENSHOTS, 'popup-locked.png') });

  await unlock(page, 'not the passphrase');
  await expect(page.getByRole('alert')).toContainText('passphrase is not right');
  await expect(page.getByRole('heading', { name: 'Unlock' })).toBeVisible();

  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Bank profiles' })).toBeVisible({ timeout: 20_000 });

  // Reopening the popup while unlocked goes straight to the list.
  await openPopup(page, extensionId);
  await expect(page.getByRole('heading', { name: 'Bank profiles' })).toBeVisible();
});

test('create, edit, search, delete and undo a profile', async ({ page, extensionId }) => {
  await page.setViewportSize(POPUP_SIZE);
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  await addProfile(page, GLOBEX);
  await expect(page.getByText('•••• 6789')).toBeVisible();
  await page.screenshot({ path: resolve(SCREENSHOTS, 'popup-list.png') });

  // Edit: a checksum-breaking routing number shows the bank core's message and blocks saving.
  await page.getByRole('button', { name: /^Acme main/ }).click();
  await expect(page.getByRole('heading', { name: 'Edit profile' })).toBeVisible();
  await fillProfileEditor(page, { routing: '021000022' });
  await expect(page.getByText(/check.digit/i).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save profile' })).toBeDisabled();
  await page.getByLabel('Bank routing number').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: resolve(SCREENSHOTS, 'popup-editor-error.png') });
  await fillProfileEditor(page, { routing: '021000021', label: 'Acme Imports — main' });
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('button', { name: /^Acme Imports — main/ })).toBeVisible();

  // Search by importer number without hyphens, by bank name, and by the account's last digits.
  const search = page.getByLabel('Search profiles');
  await search.fill('98765432100');
  await expect(page.getByRole('button', { name: /^Globex refunds/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Acme Imports — main/ })).toHaveCount(0);
  await search.fill('6789');
  await expect(page.getByRole('button', { name: /^Acme Imports — main/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Globex refunds/ })).toHaveCount(0);
  await search.fill('');

  // Delete, then undo.
  await page.getByRole('button', { name: /^Globex refunds/ }).click();
  await page.getByRole('button', { name: 'Delete profile' }).click();
  await expect(page.getByRole('heading', { name: 'Bank profiles' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Globex refunds/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: /^Globex refunds/ })).toBeVisible();

  // The undo really restored the stored profile: it is there after reopening the popup.
  await openPopup(page, extensionId);
  await expect(page.getByRole('button', { name: /^Globex refunds/ })).toBeVisible();
});

test('profiles survive closing and reopening the browser profile', async ({
  context,
  page,
  extensionId,
  portalPort,
  userDataDir,
}) => {
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  await context.close();

  const reopened = await launchWithExtension({ portalPort, userDataDir });
  try {
    const again = reopened.pages()[0] ?? (await reopened.newPage());
    await openPopup(again, extensionId);
    // A browser restart locks the vault (the key lived only in session storage).
    await unlock(again);
    await expect(again.getByRole('button', { name: /^Acme main/ })).toBeVisible({ timeout: 20_000 });
  } finally {
    await reopened.close();
  }
});

test('IndexedDB and storage.local hold no account number in clear', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  await addProfile(page, GLOBEX);

  const dump = await page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((db) => db.name!);
    const out: Record<string, unknown> = {};
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        out[`${name}/${store}`] = await new Promise((ok, fail) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => ok(request.result);
          request.onerror = () => fail(request.error);
        });
      }
      db.close();
    }
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { get(keys: null): Promise<unknown> } } };
    };
    const local = await chrome.storage.local.get(null);
    return { idb: JSON.stringify(out), local: JSON.stringify(local), stores: Object.keys(out) };
  });
  // The test reads real data: both profiles are in the dump (by label), not an empty database.
  expect(dump.stores.length).toBeGreaterThan(0);
  expect(dump.idb).toContain('Acme main');
  expect(dump.idb).toContain('Globex refunds');
  for (const account of [ACME.account, GLOBEX.account]) {
    expect(dump.idb).not.toContain(account);
    expect(dump.local).not.toContain(account);
  }
  // Not even without leading zeros.
  expect(dump.idb).not.toContain(ACME.account.replace(/^0+/, ''));
});
