/**
 * `npm run demo`: the built extension in Debian's Chromium on the practice ACE Portal.
 * With a display it opens a window and waits; without one it runs headless, visits every
 * variant, presses Get Info/Refresh, saves screenshots and prints what the extension recognised.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { startPortal } from '../tests/fixtures/serve.mjs';
import { launchWithExtension } from '../tests/support/launch-browser';

const VARIANTS = ['lightning', 'plain', 'iframe', 'after-refresh'];
const SHOTS = resolve(import.meta.dirname, '../demo-screenshots');
const headed = Boolean(process.env.DISPLAY) && process.env.DEMO_HEADLESS !== '1';

async function recognisedFields(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const frame of page.frames()) {
    const fields = frame.locator('[data-ace-ach-field]');
    for (const field of await fields.all()) {
      const kind = await field.getAttribute('data-ace-ach-field');
      const label = await field.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? el.id);
      found.push(`${kind} ← "${label}"${frame === page.mainFrame() ? '' : ' (in iframe)'}`);
    }
  }
  return found;
}

async function pressRefresh(page: Page) {
  for (const frame of page.frames()) {
    const refresh = frame.getByRole('button', { name: 'Get Info/Refresh' });
    if (await refresh.count()) {
      await refresh.first().click();
      await frame.getByText('Bank Information on File').first().waitFor({ timeout: 5_000 }).catch(() => {});
    }
  }
}

const portal = await startPortal();
const context = await launchWithExtension({ portalPort: portal.port, headless: !headed });
const page = context.pages()[0] ?? (await context.newPage());
mkdirSync(SHOTS, { recursive: true });

if (headed) {
  await page.goto('https://ace.cbp.gov/s/importer/lightning');
  console.log('Chromium is open on the practice ACE Portal (https://ace.cbp.gov/s/importer/lightning).');
  console.log(`Other variants: ${VARIANTS.map((v) => `/s/importer/${v}`).join(', ')}. Ctrl+C to stop.`);
  const stop = async () => {
    await context.close().catch(() => {});
    await portal.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  context.on('close', stop);
} else {
  for (const variant of VARIANTS) {
    await page.goto(`https://ace.cbp.gov/s/importer/${variant}`);
    await pressRefresh(page);
    await page.waitForTimeout(400); // let the content script's batched scan and badges settle
    const shot = resolve(SHOTS, `${variant}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    const fields = await recognisedFields(page);
    console.log(`\n${variant}: ${fields.length} field(s) recognised — screenshot ${shot}`);
    for (const field of fields) console.log(`  ${field}`);
  }
  await context.close();
  await portal.close();
}
