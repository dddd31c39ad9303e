/**
 * A hostile page script, replayed in the real Chromium: a page script on the ACE page fires
 * synthetic key and input events on the account field every 2 s (also trusted `input` events,
 * by document.execCommand('insertText')), so the assistant compares again and again. That no
 * longer keeps the vault unlocked: it locks at the auto-lock time counted from the user's last
 * own action, a real key press in the field, which does count.
 */
import type { BrowserContext } from '@playwright/test';
import { aceUrl, expect, test } from './fixtures';
import { assistantText } from './assistant-ui-text';
import { ACME, addProfile, createVault } from './popup-steps';

const ACCOUNT = '[data-ace-ach-field="account"]:is(input)';
const AUTO_LOCK_MS = 60_000;

/** When the background last counted the user's activity (its own clock, which is this machine's). */
function lastActivityAt(context: BrowserContext): Promise<number | undefined> {
  return context.serviceWorkers()[0]!.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
    };
    const value = (await chrome.storage.session.get('vaultLastActivityAt')).vaultLastActivityAt;
    return typeof value === 'number' ? value : undefined;
  });
}

test('synthetic events and the comparisons they cause do not keep the vault unlocked; it locks at the auto-lock time', async ({
  page,
  context,
  extensionId,
}) => {
  test.setTimeout(150_000);
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('Lock after minutes of inactivity').fill('1');
  await page.getByLabel('Lock after minutes of inactivity').press('Enter');
  await expect(page.getByText('Saved: the vault locks after 1 minutes of inactivity.')).toBeVisible();

  await page.goto(aceUrl('plain'));
  const account = page.locator(ACCOUNT);
  await expect(account).toHaveAttribute('data-ace-ach-field', 'account');
  // The attack: every 2 s new digits in the account field, by execCommand (a trusted input
  // event) and by synthetic keydown/input/change/pointerdown events and click() on our UI.
  await page.evaluate((selector) => {
    const field = document.querySelector<HTMLInputElement>(selector)!;
    let n = 0;
    setInterval(() => {
      n++;
      field.focus();
      field.select();
      document.execCommand('insertText', false, `00012345678${n % 10}`);
      field.dispatchEvent(new KeyboardEvent('keydown', { key: String(n % 10), bubbles: true, composed: true }));
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
      field.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      document.querySelector<HTMLElement>('ace-ach-assist-ui')?.click();
    }, 2_000);
  }, ACCOUNT);
  // The comparisons run against the profile (the vault is open): the field differs from it.
  await expect(account).toHaveAttribute('data-ace-ach-state', 'mismatch');
  // The user's own key press in the field counts (the background notes it; a second after the
  // options page's Save, since it notes one moment of use per second). One key press, so that
  // the content script reports it at once and nothing of the user's is left to report later.
  const beforeTyping = Date.now();
  await account.focus();
  await page.keyboard.press('0');
  let userAt = 0;
  await expect.poll(async () => (userAt = (await lastActivityAt(context)) ?? 0)).toBeGreaterThanOrEqual(beforeTyping);

  await expect
    .poll(() => assistantText(page), { timeout: AUTO_LOCK_MS + 30_000, intervals: [1_000] })
    .toMatch(/The vault is locked/);
  const lockedAfter = Date.now() - userAt;
  expect(lockedAfter).toBeGreaterThanOrEqual(AUTO_LOCK_MS);
  expect(lockedAfter).toBeLessThan(AUTO_LOCK_MS + 15_000);
  // The page's requests went on all along and never counted.
  expect(await lastActivityAt(context)).toBeUndefined();

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { name: 'Unlock' })).toBeVisible();
});
