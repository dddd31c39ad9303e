/**
 * The whole path by keyboard alone, no mouse: create the vault, add a profile, lock and unlock in
 * the popup; on the practice ACE page Tab to the routing field, type, Tab on to the Fill button,
 * choose the profile in the picker, answer the question about the value already typed. Only key
 * presses move the focus; where it is inside the assistant's closed root, the browser's
 * accessibility tree (DevTools protocol) says which control has it.
 */
import type { Locator, Page } from '@playwright/test';
import { aceUrl, expect, test } from './fixtures';
import { expectAssistantText, pickerFrame, portalState } from './fill-steps';
import { ACME, openPopup, PASSPHRASE } from './popup-steps';

test.setTimeout(120_000);

/** Presses Tab until `isThere` says the focus arrived; fails after `most` presses. */
async function tabUntil(page: Page, isThere: () => Promise<boolean>, what: string, most = 60) {
  for (let presses = 0; presses < most; presses++) {
    if (await isThere()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what} in ${most} presses`);
}

const focused = (locator: Locator) => () => locator.evaluate((element) => element === document.activeElement || element.contains(document.activeElement)).catch(() => false);

async function tabTo(page: Page, locator: Locator, what: string) {
  await tabUntil(page, focused(locator), what);
}

interface AxNode {
  name?: { value?: string };
  role?: { value?: string };
  properties?: { name: string; value: { value?: unknown } }[];
}

/** The accessible name and role of what has the focus, wherever it is (closed shadow roots too). */
async function focusedControl(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    // The document itself says it is focused too: the control is the focused node that is not the document.
    const node = nodes.find((n) => n.role?.value !== 'RootWebArea' && n.properties?.some((p) => p.name === 'focused' && p.value.value === true));
    return node ? `${node.role?.value} ${node.name?.value}` : '';
  } finally {
    await cdp.detach();
  }
}

async function typeInto(page: Page, locator: Locator, what: string, text: string) {
  await tabTo(page, locator, what);
  await page.keyboard.type(text);
}

test('create the vault, add a profile, lock, unlock, and fill the ACE form answering its question, by keyboard alone', async ({ page, extensionId }) => {
  await openPopup(page, extensionId);
  await expect(page.getByRole('heading', { name: 'Set up ACE ACH Assist' })).toBeVisible();
  // The first field has the focus as the view opens.
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await typeInto(page, page.getByLabel('Confirm passphrase'), 'Confirm passphrase', PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Bank profiles' })).toBeVisible({ timeout: 20_000 });

  await tabTo(page, page.getByRole('button', { name: 'Add profile' }), 'Add profile');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'New profile' })).toBeVisible();
  await typeInto(page, page.getByLabel('Label', { exact: true }), 'Label', ACME.label);
  await typeInto(page, page.getByLabel('Importer legal name'), 'Importer legal name', ACME.importerName);
  await typeInto(page, page.getByLabel('Importer number', { exact: true }), 'Importer number', ACME.importerNumber);
  await typeInto(page, page.getByLabel('Bank routing number'), 'Bank routing number', ACME.routing);
  await typeInto(page, page.getByLabel('Bank name'), 'Bank name', ACME.bankName!);
  await typeInto(page, page.getByLabel('Account number', { exact: true }), 'Account number', ACME.account);
  await typeInto(page, page.getByLabel('Confirm account number'), 'Confirm account number', ACME.account);
  await typeInto(page, page.getByLabel('Account holder name'), 'Account holder name', ACME.holder);
  await tabTo(page, page.getByRole('button', { name: 'Save profile' }), 'Save profile');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Bank profiles' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Acme main/ })).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Lock' }), 'Lock');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Unlock' })).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Bank profiles' })).toBeVisible();

  // On the ACE page: a routing number typed first, so that filling asks before replacing it.
  await page.goto(aceUrl('plain'));
  const routing = page.locator('[data-ace-ach-field="routing"]:is(input)');
  await expect(routing).toHaveAttribute('data-ace-ach-field', 'routing');
  await expectAssistantText(page, /^Fill$/m);
  await typeInto(page, routing, 'the routing field', '026009593');
  await expect(routing).toHaveAttribute('data-ace-ach-state', 'mismatch');
  await tabUntil(page, async () => (await focusedControl(page)) === 'button Fill the bank form from a saved profile', 'the Fill button');
  await page.keyboard.press('Enter');

  const picker = await pickerFrame(page);
  await expect(picker.getByLabel('Filter profiles')).toBeFocused();
  await page.keyboard.type('acme');
  await page.keyboard.press('Enter');
  await expectAssistantText(page, /Replace what the form holds\?/);
  // The question has the focus, on its first answer; Tab moves to the next one.
  await expect.poll(() => focusedControl(page)).toBe('button Replace with "Acme main"');
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedControl(page)).toBe('button Fill only the empty fields');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => portalState(page.mainFrame())).toMatchObject({ routing: '021000021', account: '000123456789', controlKey: '01' });
  // The focus is back where the user was: the Fill button.
  await expect.poll(() => focusedControl(page)).toBe('button Fill the bank form from a saved profile');
});
