/**
 * Filling benchmark (not a test), in Debian's Chromium with the built extension on the practice
 * portal, 2,000 saved profiles:
 *   (a) picker open → first paint: the page assistant taking the user's click on the Fill button
 *       (User Timing mark ace-ach:picker-open in the page) until the picker page's rows are on
 *       screen (mark ace-ach:picker-painted in the picker's own document: the first task after
 *       the frame that draws them); target ≤ 100 ms. Both marks are read as absolute times
 *       (timeOrigin + startTime), the two documents having their own time origins;
 *   (b) fill of all fields: planning and filling the plain form's six fields with their events
 *       (measure ace-ach:fill), target ≤ 50 ms; and the Lightning form (shadow roots, combobox).
 * Run: npx tsx bench/fill.bench.ts   (a bench build, with timing marks, into /tmp/ace-bench-out)
 */
import { loadavg } from 'node:os';
import type { Frame, Page } from '@playwright/test';
import { startPortal } from '../tests/fixtures/serve.mjs';
import { extensionIdOf, launchWithExtension } from '../tests/support/launch-browser';
import { benchProfilesFile } from './vault-profiles';
import { importProfiles, send } from './vault-page';
import { figuresTable, type Figure } from './vault-stats';
import { benchBuild } from './bench-build';

const RUNS = 15;
const PROFILES = 2_000;
const TARGETS = { pickerMs: 100, fillMs: 50 };
const ACME = {
  schemaVersion: 1, label: 'Acme main', importerName: 'Acme Imports LLC', importerNumbers: ['12-345678900'],
  bankName: 'JPMorgan Chase Bank', routingNumber: '021000021', accountNumber: '000123456789', accountType: 'checking',
  accountHolderName: 'Acme Imports LLC',
};

async function absoluteMark(target: Page | Frame, name: string): Promise<number | undefined> {
  return target.evaluate(`(() => { const [m] = performance.getEntriesByName(${JSON.stringify(name)}); return m ? performance.timeOrigin + m.startTime : undefined; })()`);
}

async function until<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Opens the picker from the Fill button, chooses Acme main; answers (a) and (b) for this run. */
async function oneRun(page: Page, variant: string): Promise<{ picker: number; fill: number }> {
  await page.goto(`https://ace.cbp.gov/s/importer/${variant}`);
  const routing = page.locator('input[data-ace-ach-field="routing"]');
  await routing.waitFor();
  await page.waitForTimeout(200);
  const box = (await routing.boundingBox())!;
  await page.mouse.click(box.x + box.width - 16, box.y + box.height / 2);
  const picker = await until(async () => page.frames().find((f) => f.url().includes('/picker.html')), 'the picker frame');
  const painted = await until(() => absoluteMark(picker, 'ace-ach:picker-painted'), 'the picker rows');
  const opened = await until(() => absoluteMark(page, 'ace-ach:picker-open'), 'the open mark');
  await picker.getByRole('button', { name: /^Acme main/ }).click();
  const fill = await until(
    () => page.evaluate(`performance.getEntriesByName('ace-ach:fill')[0]?.duration`) as Promise<number | undefined>,
    'the fill measure',
  );
  return { picker: painted - opened, fill };
}

const portal = await startPortal();
const context = await launchWithExtension({ portalPort: portal.port, extensionPath: benchBuild('/tmp/ace-bench-out') });
try {
  const extensionId = await extensionIdOf(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await send(page, 'vault/setup', { passphrase: 'correct horse battery staple 42' });
  await importProfiles(page, benchProfilesFile(PROFILES));
  await send(page, 'profiles/save', { profile: ACME });

  const figures: Figure[] = [];
  for (const variant of ['plain', 'lightning']) {
    await oneRun(page, variant); // warm-up
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(page, variant));
    figures.push(
      { name: `picker open → rows painted (${variant})`, samples: runs.map((r) => r.picker), target: TARGETS.pickerMs, unit: 'ms' },
      { name: `fill of all fields (${variant})`, samples: runs.map((r) => r.fill), target: TARGETS.fillMs, unit: 'ms' },
    );
  }
  console.log(`fill bench: ${PROFILES + 1} profiles, ${RUNS} runs each, load average ${loadavg()[0]!.toFixed(1)}`);
  console.log(figuresTable(figures));
} finally {
  await context.close();
  await portal.close();
}
