/**
 * Renders the toolbar and store icons (public/icon/<size>.png) from their SVG drawings in
 * assets/icons/ with Debian's Chromium: 16 and 32 px from the drawing made on the 16-pixel grid
 * (legible in the toolbar), 48 and 128 px from the detailed one. The PNGs are committed, so a
 * build needs no browser; run `npx tsx scripts/render-icons.ts` after changing a drawing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const ROOT = join(import.meta.dirname, '..');
const SIZES: ReadonlyArray<readonly [number, string]> = [
  [16, 'icon-small.svg'],
  [32, 'icon-small.svg'],
  [48, 'icon.svg'],
  [128, 'icon.svg'],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/lib/chromium/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  mkdirSync(join(ROOT, 'public/icon'), { recursive: true });
  for (const [size, drawing] of SIZES) {
    const svg = readFileSync(join(ROOT, 'assets/icons', drawing), 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    writeFileSync(join(ROOT, `public/icon/${size}.png`), png);
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
