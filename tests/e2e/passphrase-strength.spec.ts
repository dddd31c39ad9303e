/**
 * Weak passphrases in the real Chromium: "aaaaaaaaaa" and "1234567890"
 * were accepted as vault passphrases. Now zxcvbn (its word lists read from the file the build
 * ships) refuses both with its advice: on the popup's first run, on a change of passphrase in
 * options, and in the background for a request that skips the screens.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PASSPHRASE, createVault, openPopup, unlock } from './popup-steps';

const WEAK = [
  {
    passphrase: 'aaaaaaaaaa',
    message:
      'This passphrase is too easy to guess. Repeated characters like "aaa" are easy to guess; add more words that are less common; avoid repeated words and characters.',
  },
  {
    passphrase: '1234567890',
    message: 'This passphrase is too easy to guess. This is a frequently used password; add more words that are less common.',
  },
] as const;

interface Reply {
  ok: boolean;
  data?: { state?: string };
  error?: { code: string; message: string };
}

/** A request straight to the background from an extension page, as a caller skipping the screens would send it. */
async function send(page: Page, type: string, payload: unknown): Promise<Reply> {
  return page.evaluate(
    (message) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } }).chrome.runtime.sendMessage(message),
    { type, payload },
  );
}

test('first run refuses both weak passphrases with zxcvbn advice, and no vault is created', async ({ page, extensionId }) => {
  await openPopup(page, extensionId);
  await expect(page.getByRole('heading', { name: 'Set up ACE ACH Assist' })).toBeVisible();
  const hint = page.locator('#passphrase-strength');
  for (const { passphrase, message } of WEAK) {
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Confirm passphrase').fill(passphrase);
    // The hint while typing is zxcvbn's too.
    await expect(hint).toHaveText(`Strength: Weak. ${message.replace('This passphrase is too easy to guess.', 'Too easy to guess.')}`);
    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect(page.getByRole('alert')).toHaveText(message);
    await expect(page.getByLabel('Passphrase', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  }
  expect((await send(page, 'vault/status', {})).data?.state).toBe('new');

  // The background refuses them too, whoever asks.
  for (const { passphrase, message } of WEAK) {
    expect(await send(page, 'vault/setup', { passphrase })).toEqual({ ok: false, error: { code: 'bad-request', message } });
  }
  expect((await send(page, 'vault/status', {})).data?.state).toBe('new');
  await openPopup(page, extensionId);
  await expect(page.getByRole('heading', { name: 'Set up ACE ACH Assist' })).toBeVisible();

  // A strong one is taken.
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await expect(hint).toHaveText('Strength: Strong. Strong passphrase.');
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Bank profiles' })).toBeVisible({ timeout: 20_000 });
});

test('a change of passphrase in options refuses both weak passphrases; the old one still unlocks', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const error = page.locator('#passphrase-error');
  for (const { passphrase, message } of WEAK) {
    await page.getByLabel('Current passphrase').fill(PASSPHRASE);
    await page.getByLabel('New passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Confirm new passphrase').fill(passphrase);
    await expect(page.locator('#next-passphrase-hint')).toHaveText(message.replace('This passphrase is too easy to guess.', 'Too easy to guess.'));
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await expect(error).toHaveText(message);
    expect(await send(page, 'vault/change-passphrase', { current: PASSPHRASE, next: passphrase })).toEqual({
      ok: false,
      error: { code: 'bad-request', message },
    });
  }
  await expect(page.locator('#passphrase-status')).toHaveText('');

  await openPopup(page, extensionId);
  await page.getByRole('button', { name: 'Lock' }).click();
  await unlock(page, PASSPHRASE);
  await expect(page.getByRole('heading', { name: 'Bank profiles' })).toBeVisible({ timeout: 20_000 });
});
