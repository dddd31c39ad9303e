/**
 * The extension, built and loaded in the real Chromium, runs on the practice ACE Portal under
 * the production match patterns: top frame, iframes, shadow roots, late fields; not elsewhere.
 */
import { aceUrl, expect, test } from './fixtures';

const routing = 'input[data-ace-ach-field="routing"]';
const account = 'input[data-ace-ach-field="account"]';

test('marks the fields inside Lightning shadow roots', async ({ page }) => {
  await page.goto(aceUrl('lightning'));
  // Playwright's CSS engine pierces open shadow roots; the page's own light DOM has no inputs.
  await expect(page.locator(routing)).toHaveCount(1);
  await expect(page.locator(account)).toHaveCount(1);
  const inShadow = await page.locator(routing).evaluate((el) => el.getRootNode() instanceof ShadowRoot);
  expect(inShadow).toBe(true);
});

test('marks the fields of a plain light-DOM form', async ({ page }) => {
  await page.goto(aceUrl('plain'));
  await expect(page.locator(routing)).toHaveAttribute('id', /.+/);
  await expect(page.locator(account)).toHaveCount(1);
  // The confirmation field is not the account field.
  const confirm = page.getByLabel('Confirm Bank Account Number');
  await expect(confirm).not.toHaveAttribute('data-ace-ach-field', 'account');
});

test('marks the fields inside a same-origin iframe', async ({ page }) => {
  await page.goto(aceUrl('iframe'));
  const frame = page.frameLocator('iframe');
  await expect(frame.locator(routing)).toHaveCount(1);
  await expect(frame.locator(account)).toHaveCount(1);
});

test('marks fields that exist only after Get Info/Refresh', async ({ page }) => {
  await page.goto(aceUrl('after-refresh'));
  await expect(page.getByRole('button', { name: 'Get Info/Refresh' })).toBeVisible();
  await expect(page.locator('input')).toHaveCount(0);
  await page.getByRole('button', { name: 'Get Info/Refresh' }).click();
  await expect(page.locator(routing)).toHaveCount(1);
  await expect(page.locator(account)).toHaveCount(1);
});

test('marks the new fields after a tab switch without page load', async ({ page }) => {
  await page.goto(aceUrl('lightning'));
  await expect(page.locator(routing)).toHaveCount(1);
  const loads: string[] = [];
  page.on('load', () => loads.push(page.url()));
  await page.getByRole('tab', { name: 'Account Information' }).click();
  await expect(page.locator(routing)).toHaveCount(0);
  await page.getByRole('tab', { name: 'ACH Refund Authorization' }).click();
  await expect(page.locator(routing)).toHaveCount(1);
  expect(loads).toEqual([]);
});

test('runs on the old ace.cbp.dhs.gov host too', async ({ page }) => {
  await page.goto('https://ace.cbp.dhs.gov/s/importer/plain');
  await expect(page.locator(routing)).toHaveCount(1);
});

test('does not run on a host that is not ACE', async ({ page }) => {
  // Control: the same page on the ACE host is marked, so the marker is working in this profile.
  await page.goto(aceUrl('plain'));
  await expect(page.locator(routing)).toHaveCount(1);
  await page.goto('https://example.test/s/importer/plain');
  await expect(page.getByLabel('Bank Routing Number')).toBeVisible();
  await page.waitForTimeout(1_000);
  await expect(page.locator('[data-ace-ach-field]')).toHaveCount(0);
  await expect(page.locator('ace-ach-assist-ui')).toHaveCount(0);
});

test('popup and options pages open from the extension', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByRole('heading', { name: 'ACE ACH Assist' })).toBeVisible();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'ACE ACH Assist options' })).toBeVisible();
});
