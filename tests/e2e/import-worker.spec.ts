/**
 * A 100,000-row profiles CSV is checked in a worker, so the options page never freezes while
 * it is previewed: while it runs, the page keeps painting
 * (a requestAnimationFrame heartbeat advances between progress updates), the progress shows the
 * rows checked, and Cancel is handled mid-check (nothing is imported); a second run completes
 * with the expected counts. No durations are asserted here; bench/import-preview.bench.ts
 * measures the page's longest task.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { profilesCsv } from '../support/profiles-csv';
import { expect, test } from './fixtures';
import { createVault, openPopup } from './popup-steps';

const ROWS = 100_000;

/** Counts animation frames and records each progress text with the frame count it appeared at. */
async function watchPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = { beats: 0, progress: [] as { text: string; beats: number }[] };
    (globalThis as unknown as { aceImportWatch: typeof seen }).aceImportWatch = seen;
    const beat = () => {
      seen.beats++;
      requestAnimationFrame(beat);
    };
    requestAnimationFrame(beat);
    new MutationObserver(() => {
      const text = document.getElementById('import-progress-text')?.textContent ?? '';
      if (text && text !== seen.progress.at(-1)?.text) seen.progress.push({ text, beats: seen.beats });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

function progressSeen(page: Page): Promise<{ text: string; beats: number }[]> {
  return page.evaluate(() => (globalThis as unknown as { aceImportWatch: { progress: { text: string; beats: number }[] } }).aceImportWatch.progress);
}

/** The row counts of the "Checking rows… N of 100,000" updates seen so far, in order. */
async function rowsChecked(page: Page): Promise<number[]> {
  return (await progressSeen(page)).flatMap(({ text }) => {
    const match = /^Checking rows… ([\d,]+) of 100,000$/.exec(text);
    return match ? [Number(match[1]!.replace(/,/g, ''))] : [];
  });
}

test('a 100,000-row preview keeps the options page responsive: progress, a working Cancel, then the full preview', async ({ page, extensionId }, testInfo) => {
  test.setTimeout(240_000);
  await createVault(page, extensionId);
  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = join(testInfo.outputDir, 'profiles-100k.csv');
  writeFileSync(file, profilesCsv(ROWS));

  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await watchPage(page);
  await page.getByLabel('Import profiles file').setInputFiles(file);

  // Cancel is clicked as soon as the rows are being checked (which takes seconds) and handled
  // while the check still runs: the button is there until it is clicked.
  await expect(page.locator('#import-progress-text')).toHaveText(/^Checking rows… [\d,]+ of 100,000$/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Cancel import check' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import cancelled; nothing was saved.' })).toBeVisible();
  await expect(page.getByLabel('Import check progress')).toHaveCount(0);
  await expect(page.getByRole('region', { name: /Import preview/ })).toHaveCount(0);
  // It stopped before the last row.
  expect(Math.max(...(await rowsChecked(page)))).toBeLessThan(ROWS);

  await openPopup(page, extensionId);
  await expect(page.getByRole('heading', { name: 'Bank profiles' })).toBeVisible();
  await expect(page.getByText('No bank profiles yet. Add one to get started.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Importer 0\b/ })).toHaveCount(0);

  // A second run goes to the end and shows the counts, naming the first rows only.
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await watchPage(page);
  await page.getByLabel('Import profiles file').setInputFiles(file);
  const preview = page.getByRole('region', { name: 'Import preview: profiles-100k.csv' });
  await expect(preview).toBeVisible({ timeout: 180_000 });
  await expect(preview.getByText('100,000 will be added, 0 will be updated, 0 rejected. Nothing is saved until you confirm.')).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Will be added (100,000)' })).toBeVisible();
  await expect(preview.getByRole('listitem')).toHaveCount(100);
  await expect(preview.getByText('…and 99,900 more (the first 100 are listed).')).toBeVisible();
  await expect(preview.getByRole('button', { name: 'Import 100,000 profiles' })).toBeVisible();
  // The rows were checked in batches: the progress advanced step by step, and the page painted
  // frames between the updates (a frozen page would show none of them).
  const checking = (await progressSeen(page)).filter(({ text }) => text.startsWith('Checking rows…'));
  const rows = await rowsChecked(page);
  expect(rows.filter((count) => count > 0 && count < ROWS).length).toBeGreaterThanOrEqual(3);
  expect(rows).toEqual([...rows].sort((a, b) => a - b));
  expect(rows.at(-1)).toBe(ROWS);
  expect(checking.at(-1)!.beats).toBeGreaterThan(checking[0]!.beats);

  // Leaving it unconfirmed writes nothing.
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import cancelled; nothing was saved.' })).toBeVisible();
});
