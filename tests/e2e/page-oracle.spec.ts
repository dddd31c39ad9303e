/**
 * A page script against the comparison with saved profiles, in the real Chromium: it rewrites
 * CBP's values on file and reads our verdict from `data-ace-ach-state`, hides the importer to be
 * offered every profile, or works from a sandboxed frame. It learns the last 4 digits CBP shows
 * and nothing more, no list of profiles, and nothing at all in a sandboxed frame.
 */
import type { Frame, Page } from '@playwright/test';
import { assistantText } from './assistant-ui-text';
import { expectAssistantText, formFrame } from './fill-steps';
import { aceUrl, expect, test } from './fixtures';
import { ACME, addProfile, createVault, GLOBEX } from './popup-steps';

const ON_FILE_ACCOUNT = '[data-ace-ach-field="account"]:not(input)';
const ROUTING_INPUT = 'input[data-ace-ach-field="routing"]';

async function refresh(frame: Page | Frame) {
  await frame.getByRole('button', { name: 'Get Info/Refresh' }).click();
  await expect(frame.getByText('Bank Information on File')).toBeVisible();
}

/** The attacker's script writes `text` as the account on file (in an open shadow root or not). */
async function showOnFile(frame: Page | Frame, text: string): Promise<void> {
  await frame.locator(ON_FILE_ACCOUNT).evaluate((element, value) => {
    element.textContent = value;
  }, text);
}

const stateOf = (frame: Page | Frame) => frame.locator(ON_FILE_ACCOUNT).getAttribute('data-ace-ach-state');

/**
 * The attacker's round: first a value known to differ (so every answer is fresh), then the guess;
 * the verdict is the state once it leaves "mismatch", or "mismatch" if it never does.
 */
async function guess(page: Page, text: string): Promise<string | null> {
  await showOnFile(page, '*****0000');
  await expect.poll(() => stateOf(page), { timeout: 15_000 }).toBe('mismatch');
  await showOnFile(page, text);
  try {
    await expect.poll(() => stateOf(page), { timeout: 6_000 }).not.toBe('mismatch');
  } catch {
    return 'mismatch';
  }
  return stateOf(page);
}

test('a page script guessing the account on file digit by digit learns the last 4 digits and no more', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  await page.goto(aceUrl('lightning'));
  await refresh(page);
  await expect(page.locator(ON_FILE_ACCOUNT)).toHaveAttribute('data-ace-ach-state', 'ok');

  // What CBP shows is still checked: the last 4 digits.
  expect(await guess(page, '*****6789')).toBe('ok');
  // One digit more: every candidate gets the same answer, so the fifth digit stays unknown.
  const answers = new Set<string | null>();
  for (const digit of '0123456789') answers.add(await guess(page, `*****${digit}6789`));
  expect([...answers]).toEqual([null]);
  await expectAssistantText(page, /changed the bank details on file again and again/);
  expect(await assistantText(page)).not.toMatch(/56789\b/);
});

test('a content script asking about an unknown importer is given no list of profiles', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  await addProfile(page, GLOBEX);
  await page.goto(aceUrl('lightning'));
  await expectAssistantText(page, /Comparing with "Acme main"/);
  // The page hides its importer number, hoping to be offered every saved profile.
  await page.evaluate(() => document.querySelectorAll('.ir-number').forEach((element) => element.remove()));
  await expectAssistantText(page, /No importer number found on this page\. To compare with a saved profile, fill from it/);
  const text = await assistantText(page);
  expect(text).not.toContain('Globex');
  expect(text).not.toContain('98-765432100');
  expect(text).not.toContain('Acme main');
});

test('a sandboxed frame gets format checks only: its values on file are never compared', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  await page.goto(aceUrl('sandboxed'));
  const frame = formFrame(page, true);
  await refresh(frame);
  await frame.locator(ROUTING_INPUT).fill('021000022');
  await expect(frame.locator(ROUTING_INPUT)).toHaveAttribute('data-ace-ach-state', 'invalid');
  await expectAssistantText(frame, /This form is in a sandboxed frame: only the format of its values is checked/);
  for (const text of ['*****6789', '*****0000', '000123456789']) {
    await showOnFile(frame, text);
    await frame.locator(ROUTING_INPUT).fill(text === '*****0000' ? '021000022' : '021000021');
    await expect(frame.locator(ROUTING_INPUT)).toHaveAttribute('data-ace-ach-state', text === '*****0000' ? 'invalid' : 'ok');
    expect(await stateOf(frame)).toBeNull();
  }
});
