/**
 * The store listing's picture of the popup (docs/screenshots/store-popup.png, 1280×800): the
 * popup's saved profiles as it opens from the toolbar over the importer's ACH Refund
 * Authorization tab. The listing's other pictures are the page screenshots the assistant, fill
 * and submit-guard tests write at the same size (docs/store-description.md lists them).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { aceUrl, expect, test } from './fixtures';
import { expectAssistantText } from './fill-steps';
import { ACME, addProfile, createVault, GLOBEX, openPopup } from './popup-steps';

const STORE_POPUP = resolve(import.meta.dirname, '../../docs/screenshots/store-popup.png');
const STORE_SIZE = { width: 1280, height: 800 };
const POPUP_SIZE = { width: 380, height: 600 };

/** "WxH" from a PNG's header. */
function pngSize(bytes: Buffer): string {
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the store picture of the popup over the ACE page is 1280×800', async ({ context, page, extensionId }) => {
  await page.setViewportSize(POPUP_SIZE);
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  await addProfile(page, GLOBEX);
  await openPopup(page, extensionId);
  await expect(page.getByRole('button', { name: /^Acme main/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Globex main/ })).toBeVisible();
  // As tall as its content, as the browser sizes a popup.
  const popupHeight = await page.evaluate(() => Math.ceil(document.getElementById('app')!.getBoundingClientRect().bottom) + 12);
  const height = Math.min(Math.max(popupHeight, 200), POPUP_SIZE.height);
  const popup = await page.screenshot({ clip: { x: 0, y: 0, width: POPUP_SIZE.width, height } });

  await page.setViewportSize(STORE_SIZE);
  await page.goto(aceUrl('lightning'));
  await page.getByRole('button', { name: 'Get Info/Refresh' }).click();
  await expectAssistantText(page, /CBP's bank details on file match "Acme main"/);
  const acePage = await page.screenshot();

  // The popup hangs from the toolbar at the window's top right, as the browser shows it.
  const canvas = await context.newPage();
  await canvas.setViewportSize(STORE_SIZE);
  const image = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await canvas.setContent(`<!doctype html><body style="margin:0;overflow:hidden">
    <img alt="ACE page" src="${image(acePage)}" style="position:absolute;left:0;top:0;width:1280px;height:800px">
    <img alt="popup" src="${image(popup)}" style="position:absolute;right:16px;top:0;width:${POPUP_SIZE.width}px;height:${height}px;
      border:1px solid #b9c2cc;border-top:none;border-radius:0 0 8px 8px;box-shadow:0 8px 28px rgba(0,0,0,.35)">
  </body>`);
  await expect.poll(() => canvas.evaluate(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0))).toBe(true);
  await canvas.screenshot({ path: STORE_POPUP });
  expect(pngSize(readFileSync(STORE_POPUP))).toBe('1280x800');
  await canvas.close();
});
