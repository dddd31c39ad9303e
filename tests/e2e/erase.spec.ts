/**
 * Erase all data in the real Chromium: a vault with a profile, erased from the options page after
 * typing the confirmation word, leaves the popup at its first run; the options page links the
 * privacy notice the build makes from PRIVACY.md.
 */
import { expect, test } from './fixtures';
import { ACME, addProfile, createVault, openPopup } from './popup-steps';

test('erase all data takes the popup back to its first run', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  await addProfile(page, ACME);

  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const section = page.getByRole('region', { name: 'Erase all data' });
  const button = section.getByRole('button', { name: 'Erase all data' });
  await expect(button).toBeDisabled();
  await section.getByLabel('Type ERASE to confirm').fill('erase');
  await expect(button).toBeDisabled();
  await section.getByLabel('Type ERASE to confirm').fill('ERASE');
  await button.click();
  await expect(section.getByRole('status')).toHaveText(/^All data erased\./);

  await openPopup(page, extensionId);
  await expect(page.getByRole('heading', { name: 'Set up ACE ACH Assist' })).toBeVisible();
  // A new vault starts empty: the erased profile is not in the service worker's memory either.
  await createVault(page, extensionId, 'a brand new passphrase for the second vault');
  await expect(page.getByRole('button', { name: /^Acme main/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add profile' })).toBeVisible();
});

test('the options page links the privacy notice', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const opening = page.context().waitForEvent('page');
  await page.getByRole('link', { name: 'privacy notice' }).click();
  const notice = await opening;
  await expect(notice.getByRole('heading', { level: 1 })).toHaveText('ACE ACH Assist privacy notice');
  await expect(notice.getByText(/nothing leaves your computer/)).toBeVisible();
});
