/**
 * Enrollment status in the real Chromium: three practice importers (one whose values on file
 * match its profile, one whose differ, one never visited) are visited as a user would, then the
 * status page shows the three statuses with their counts, exports the view as CSV (last 4
 * only), filters and searches by keyboard, and the toolbar badge counts the mismatch. A fill
 * and a Save make an importer "entered, not confirmed" until the next refresh.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { clickFillButton, expectAssistantText, pickerFrame, portalState } from './fill-steps';
import { aceUrl, expect, test } from './fixtures';
import { ACME, addProfile, createVault, GLOBEX, type ProfileFields } from './popup-steps';

const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots');

/** A third importer the practice portal never shows. */
const INITECH: ProfileFields = {
  ...ACME,
  label: 'Initech main',
  importerName: 'Initech Corp',
  importerNumber: '45-678901200',
  holder: 'Initech Corp',
  routing: '011000015',
  bankName: 'Federal Reserve Bank of Boston',
  account: '5550001234',
};

async function refreshOnFile(page: Page, variant: string, verdict: RegExp) {
  await page.goto(aceUrl(variant));
  await page.getByRole('button', { name: 'Get Info/Refresh' }).click();
  await expect(page.getByText('Bank Information on File')).toBeVisible();
  await expectAssistantText(page, verdict);
}

async function openStatusPage(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/status.html`);
  await expect(page.getByRole('heading', { name: 'Enrollment status', level: 1 })).toBeVisible();
}

/** The body rows of the status table, as the text of their cells. */
async function tableRows(page: Page): Promise<string[][]> {
  return page
    .getByRole('table')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())));
}

function badgeText(context: BrowserContext): Promise<string> {
  return context.serviceWorkers()[0]!.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
}

/** Splits one CSV line (quoted fields may hold commas and doubled quotes). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

test('three importers visited as a user would: the status page shows each status, its count, the CSV and the badge', async ({ page, context, extensionId }) => {
  await createVault(page, extensionId);
  for (const profile of [ACME, GLOBEX, INITECH]) await addProfile(page, profile);

  // On file at the practice portal: 021000021, *****6789, 01 - Checking.
  await refreshOnFile(page, 'lightning', /CBP's bank details on file match "Acme main"/);
  await refreshOnFile(page, 'two-profiles', /CBP's bank details on file differ from "Globex main"/);

  await openStatusPage(page, extensionId);
  await expect.poll(() => tableRows(page)).toHaveLength(3);
  const rows = await tableRows(page);
  const rowOf = (number: string) => rows.find((cells) => cells.some((cell) => cell === number))!;
  expect(rowOf('12-345678900').join(' | ')).toMatch(/Acme Imports LLC.*Acme main.*JPMorgan Chase Bank.*6789.*Verified.*\d{4}-\d{2}-\d{2} today/);
  expect(rowOf('98-765432100').join(' | ')).toMatch(/Globex Trading Co.*Globex main.*Bank of America.*7788.*Mismatch/);
  expect(rowOf('98-765432100').join(' | ')).toMatch(/routing number, account number, account type/);
  expect(rowOf('45-678901200').join(' | ')).toMatch(/Initech Corp.*Initech main.*1234.*Never seen on ACE/);
  // Never an account number beyond its last 4.
  for (const account of [ACME.account, GLOBEX.account, INITECH.account]) await expect(page.locator('body')).not.toContainText(account);

  for (const [name, count] of [['Verified', 1], ['Mismatch', 1], ['Never seen on ACE', 1], ['Re-verify', 0], ['Entered, not confirmed', 0]] as const) {
    await expect(page.getByRole('button', { name: new RegExp(`^${name}\\W*${count}\\b`) })).toBeVisible();
  }
  // Counted once the recordings pause (half a second).
  await expect.poll(() => badgeText(context)).toBe('1');
  await page.screenshot({ path: resolve(SCREENSHOTS, 'enrollment-status.png'), fullPage: true });

  // The CSV of the view: a header and one row per importer, the account by its last 4 only.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^enrollment-status-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const lines = text.trim().split(/\r?\n/).map(csvFields);
  expect(lines).toHaveLength(4);
  const header = lines[0]!;
  const column = (name: string) => header.indexOf(name);
  expect(column('Importer number')).toBeGreaterThanOrEqual(0);
  const byNumber = new Map(lines.slice(1).map((fields) => [fields[column('Importer number')]!, fields]));
  expect([...byNumber.keys()].sort()).toEqual(['12-345678900', '45-678901200', '98-765432100']);
  expect(byNumber.get('12-345678900')![column('Status')]).toBe('Verified');
  expect(byNumber.get('98-765432100')![column('Status')]).toBe('Mismatch');
  expect(byNumber.get('45-678901200')![column('Status')]).toBe('Never seen on ACE');
  expect(byNumber.get('98-765432100')![column('Account last 4')]).toBe('7788');
  for (const account of [ACME.account, GLOBEX.account, INITECH.account]) expect(text).not.toContain(account);

  // Keyboard only: Tab to the Mismatch chip, Space toggles it; then the search box.
  const mismatchChip = page.getByRole('button', { name: /^Mismatch\W*1\b/ });
  for (let presses = 0; presses < 30 && !(await mismatchChip.evaluate((chip) => chip === document.activeElement)); presses++) await page.keyboard.press('Tab');
  await expect(mismatchChip).toBeFocused();
  await page.keyboard.press('Space');
  await expect(mismatchChip).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => tableRows(page)).toHaveLength(1);
  expect((await tableRows(page))[0]!.join(' ')).toContain('98-765432100');
  await page.keyboard.press('Space');
  await expect(mismatchChip).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => tableRows(page)).toHaveLength(3);

  const search = page.getByLabel('Search importers');
  for (let presses = 0; presses < 30 && !(await search.evaluate((box) => box === document.activeElement)); presses++) await page.keyboard.press('Tab');
  await expect(search).toBeFocused();
  // The importer number without its hyphens finds it.
  await page.keyboard.type('45678901200');
  await expect.poll(() => tableRows(page)).toHaveLength(1);
  expect((await tableRows(page))[0]!.join(' ')).toContain('Initech Corp');
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await page.keyboard.type('chase');
  await expect.poll(() => tableRows(page)).toHaveLength(1);
  expect((await tableRows(page))[0]!.join(' ')).toContain('Acme Imports LLC');
});

test('a fill and a Save are "entered, not confirmed" until the next Get Info/Refresh shows the values', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  await page.goto(aceUrl('plain'));
  await clickFillButton(page);
  await (await pickerFrame(page)).getByRole('button', { name: /^Acme main/ }).click();
  await expect.poll(() => portalState(page.mainFrame())).toMatchObject({ routing: ACME.routing, account: ACME.account, controlKey: '01' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Bank information saved')).toBeVisible();

  const status = await page.context().newPage();
  await openStatusPage(status, extensionId);
  await expect.poll(() => tableRows(status)).toHaveLength(1);
  expect((await tableRows(status))[0]!.join(' | ')).toMatch(/Entered, not confirmed.*Saved on \d{4}-\d{2}-\d{2}/);

  await page.bringToFront();
  await page.getByRole('button', { name: 'Get Info/Refresh' }).click();
  await expectAssistantText(page, /CBP's bank details on file match "Acme main"/);
  await status.bringToFront();
  await expect.poll(async () => (await status.reload(), (await tableRows(status))[0]?.join(' | ')), { timeout: 10_000 }).toMatch(/Verified/);
});
