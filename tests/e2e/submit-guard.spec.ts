/**
 * The submit guard in the real Chromium: the page's Save with an invalid or mismatched bank field
 * first asks, naming the problems; nothing reaches the page until "Save anyway"; a correct form
 * saves at once; the guard can be turned off in Options.
 */
import { resolve } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { clickAssistantButton } from './assistant-ui-text';
import { aceUrl, expect, test } from './fixtures';
import { expectAssistantText } from './fill-steps';
import { ACME, addProfile, createVault } from './popup-steps';

function saves(frame: Frame): Promise<Record<string, string>[]> {
  return frame.evaluate(() => (window as unknown as { portalSaves: Record<string, string>[] }).portalSaves);
}

async function fillPlain(page: Page, routing: string, account = '000123456789') {
  await page.locator('#ach-routing').fill(routing);
  await page.locator('#ach-account').fill(account);
  await page.locator('#ach-accountConfirm').fill(account);
  await page.locator('#ach-controlKey').selectOption('01');
}

test('Save with a failing check digit asks first, naming the problem, and saves only on “Save anyway”', async ({ page }) => {
  await page.goto(aceUrl('plain'));
  await fillPlain(page, '021000022');
  await expect(page.locator('#ach-routing')).toHaveAttribute('data-ace-ach-state', 'invalid');
  const save = page.getByRole('button', { name: 'Save', exact: true });
  await save.click();
  await expectAssistantText(page, /Save with these problems\?/);
  await expectAssistantText(page, /Routing number: .*check-digit/);
  expect(await saves(page.mainFrame())).toEqual([]);
  await page.screenshot({ path: resolve(import.meta.dirname, '../../docs/screenshots/page-submit-guard.png') });

  await clickAssistantButton(page, /^Go back and fix$/);
  await page.waitForTimeout(200);
  expect(await saves(page.mainFrame())).toEqual([]);
  await expect(save).toBeFocused();

  await save.click();
  await clickAssistantButton(page, /^Save anyway$/);
  await expect.poll(() => saves(page.mainFrame())).toEqual([expect.objectContaining({ routing: '021000022' })]);
  await expect(page.getByText('Bank information saved')).toBeVisible();
});

test('Save of a Lightning form whose account differs from the profile asks first; Escape goes back', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  await page.goto(aceUrl('lightning'));
  const account = page.locator('input[data-ace-ach-field="account"]');
  await page.locator('input[data-ace-ach-field="routing"]').fill('021000021');
  await account.fill('000123454321');
  await expect(account).toHaveAttribute('data-ace-ach-state', 'mismatch');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectAssistantText(page, /Account number: .*ending 4321.*ending 6789/);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(200);
  expect(await saves(page.mainFrame())).toEqual([]);
  expect((await page.evaluate(() => document.body.innerText)).includes('Bank information saved')).toBe(false);
});

test('a correct form saves at once, and the guard can be turned off in Options', async ({ page, extensionId }) => {
  await page.goto(aceUrl('plain'));
  await fillPlain(page, '021000021');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => saves(page.mainFrame())).toHaveLength(1);

  await createVault(page, extensionId);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const guard = page.getByLabel('Ask before saving a form with problems');
  await expect(guard).toBeChecked();
  await guard.uncheck();
  await expect(guard).not.toBeChecked();
  // The box unticks at once; the setting is stored when the page says so.
  await expect(page.getByText('Saved: ACE ACH Assist no longer asks before a form with problems is saved.')).toBeVisible();
  await page.goto(aceUrl('plain'));
  await fillPlain(page, '021000022');
  await expect(page.locator('#ach-routing')).toHaveAttribute('data-ace-ach-state', 'invalid');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => saves(page.mainFrame())).toEqual([expect.objectContaining({ routing: '021000022' })]);
});
