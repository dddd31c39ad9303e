/**
 * Managed settings in the real Chromium: an organization's policy file for this extension wins
 * over what the user saved. The built extension is copied to a folder of this test's own, so it
 * has an id of its own and the policy, written for that id only, touches no other test running
 * beside it; the file is removed afterwards.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { CHROMIUM_POLICY_DIR, unpackedExtensionId, writeExtensionPolicy } from '../support/chromium-policy';
import { EXTENSION_PATH, extensionIdOf, launchWithExtension } from '../support/launch-browser';
import { aceUrl, expect, test } from './fixtures';
import { expectAssistantText } from './fill-steps';

const POLICY = { autoLockMinutes: 3, forceSubmitGuard: true, allowExport: false };

/** The extension API of an extension page, as much as this test uses. */
interface PageChrome {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }> };
  storage: { managed: { get(): Promise<Record<string, unknown>> } };
}

function saves(frame: Frame): Promise<Record<string, string>[]> {
  return frame.evaluate(() => (window as unknown as { portalSaves: Record<string, string>[] }).portalSaves);
}

/** A request straight to the background from an extension page, past the options page's disabled controls. */
function sendFromPage(page: Page, type: string, payload: unknown) {
  return page.evaluate(
    ([type, payload]) => (globalThis as unknown as { chrome: PageChrome }).chrome.runtime.sendMessage({ type, payload }),
    [type, payload] as const,
  );
}

async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

test(`a policy in ${CHROMIUM_POLICY_DIR} wins over the user's settings, in Options and on the ACE page`, async ({ portalPort, userDataDir }) => {
  const extensionPath = mkdtempSync(join(tmpdir(), 'ace-ach-managed-ext-'));
  cpSync(EXTENSION_PATH, extensionPath, { recursive: true });
  const extensionId = unpackedExtensionId(extensionPath);
  let removePolicy = () => {};
  let context: BrowserContext | undefined;
  try {
    // The user's own choices, before any policy: a long auto-lock and no submit guard.
    context = await launchWithExtension({ portalPort, userDataDir, extensionPath });
    expect(await extensionIdOf(context)).toBe(extensionId);
    let page = await firstPage(context);
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(page.getByLabel('Lock after minutes of inactivity')).toHaveValue('15');
    await page.getByLabel('Ask before saving a form with problems').uncheck();
    await expect(page.getByText('Saved: ACE ACH Assist no longer asks before a form with problems is saved.')).toBeVisible();
    await page.getByLabel('Lock after minutes of inactivity').fill('30');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Saved: the vault locks after 30 minutes of inactivity.')).toBeVisible();
    await context.close();

    // The organization's policy, read by Chromium when it starts.
    removePolicy = writeExtensionPolicy(extensionId, POLICY);
    context = await launchWithExtension({ portalPort, userDataDir, extensionPath });
    page = await firstPage(context);
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    // Chromium itself hands the policy to the extension.
    expect(await page.evaluate(() => (globalThis as unknown as { chrome: PageChrome }).chrome.storage.managed.get())).toEqual(POLICY);

    const minutes = page.getByLabel('Lock after minutes of inactivity');
    await expect(minutes).toHaveValue('3');
    await expect(minutes).toBeDisabled();
    await expect(page.locator('#auto-lock-managed')).toHaveText('Set by your organization.');
    const guard = page.getByLabel('Ask before saving a form with problems');
    await expect(guard).toBeChecked();
    await expect(guard).toBeDisabled();
    await expect(page.locator('#submit-guard-managed')).toHaveText('Set by your organization: always on.');
    await expect(page.getByRole('button', { name: 'Export encrypted backup' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Export as plain text (JSON / CSV)' })).toBeDisabled();
    await expect(page.locator('#export-managed')).toHaveText('Set by your organization: exporting profiles is turned off.');

    // The background enforces it too, whatever a page sends.
    const status = await sendFromPage(page, 'vault/status', {});
    expect(status).toMatchObject({ ok: true, data: { autoLockMinutes: 3 } });
    for (const [type, payload] of [
      ['settings/set', { submitGuard: false }],
      ['settings/set', { autoLockMinutes: 30 }],
      ['export/plain', { format: 'csv' }],
    ] as const) {
      expect(await sendFromPage(page, type, payload)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('Your organization') } });
    }

    // The user turned the guard off; the policy turns it on: Save with a bad routing number asks first.
    await page.goto(aceUrl('plain'));
    await page.locator('#ach-routing').fill('021000022');
    await page.locator('#ach-account').fill('000123456789');
    await page.locator('#ach-accountConfirm').fill('000123456789');
    await page.locator('#ach-controlKey').selectOption('01');
    await expect(page.locator('#ach-routing')).toHaveAttribute('data-ace-ach-state', 'invalid');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expectAssistantText(page, /Save with these problems\?/);
    expect(await saves(page.mainFrame())).toEqual([]);
  } finally {
    await context?.close();
    removePolicy();
    rmSync(extensionPath, { recursive: true, force: true });
  }
});
