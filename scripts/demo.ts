/**
 * `npm run demo`: the built extension in Debian's Chromium on the practice ACE Portal.
 * With a display it opens a window and waits; without one it runs headless, visits every
 * variant, presses Get Info/Refresh, saves screenshots and prints what the extension recognised,
 * then sets up a demo vault with one profile and fills the plain form from the Fill button.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { startPortal } from '../tests/fixtures/serve.mjs';
import { extensionIdOf, launchWithExtension } from '../tests/support/launch-browser';

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

/** A demo vault and one profile, set up from the options page as its import would. */
async function demoProfile(page: Page) {
  await page.goto(`chrome-extension://${await extensionIdOf(page.context())}/options.html`);
  const send = (type: string, payload: unknown) =>
    page.evaluate((message) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(message), { type, payload });
  await send('vault/setup', { passphrase: 'demo passphrase, not for real use' });
  await send('profiles/save', {
    profile: {
      schemaVersion: 1, label: 'Acme main (demo)', importerName: 'Acme Imports LLC', importerNumbers: ['12-345678900'],
      bankName: 'JPMorgan Chase Bank', routingNumber: '021000021', accountNumber: '000123456789', accountType: 'checking',
      accountHolderName: 'Acme Imports LLC',
    },
  });
}

/** The Fill button in the routing field, the demo profile in the picker, the page's own state after. */
async function fillPlainForm(page: Page) {
  await page.goto('https://ace.cbp.gov/s/importer/plain');
  const routing = page.locator('input[data-ace-ach-field="routing"]');
  await routing.waitFor();
  await page.waitForTimeout(300);
  const box = (await routing.boundingBox())!;
  await page.mouse.click(box.x + box.width - 16, box.y + box.height / 2);
  let picker;
  for (let i = 0; i < 100 && !picker; i++, await page.waitForTimeout(50)) picker = page.frames().find((f) => f.url().includes('/picker.html'));
  if (!picker) throw new Error('The profile picker did not open.');
  await picker.getByRole('button', { name: /^Acme main \(demo\)/ }).click();
  await page.waitForTimeout(600);
  const shot = resolve(SHOTS, 'filled.png');
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`\nfilled from "Acme main (demo)" — screenshot ${shot}`);
  console.log(`  the page's own state: ${JSON.stringify(await page.evaluate(() => (window as unknown as { portalState: unknown }).portalState))}`);
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
  await demoProfile(page);
  await fillPlainForm(page);
  await context.close();
  await portal.close();
}
