/**
 * A hostile page, replayed in the real Chromium: a page on a CBP host that is not ACE
 * (www.cbp.gov, where our content script does not run) frames and fetches the picker at the
 * extension's fixed address to detect the extension. Neither loads: Chrome serves picker.html
 * only at its dynamic address (use_dynamic_url), a random id per browser session that only our
 * content script is told (runtime.getURL). The Fill button on ACE still opens the picker there.
 */
import type { Page } from '@playwright/test';
import { aceUrl, expect, test } from './fixtures';
import { clickFillButton, pickerFrame } from './fill-steps';
import { ACME, addProfile, createVault } from './popup-steps';

/** What a page script learns by framing and fetching `url`: whether either reached the picker. */
function probe(page: Page, url: string) {
  return page.evaluate(async (address) => {
    let fetched: string;
    try {
      const response = await fetch(address);
      fetched = `status ${response.status}: ${(await response.text()).slice(0, 80)}`;
    } catch (error) {
      fetched = `refused (${(error as Error).name})`;
    }
    const frame = document.createElement('iframe');
    frame.src = address;
    const loaded = new Promise<string>((resolve) => {
      frame.addEventListener('load', () => resolve('load event'), { once: true });
      frame.addEventListener('error', () => resolve('error event'), { once: true });
    });
    document.body.append(frame);
    return { fetched, framed: await loaded };
  }, url);
}

/** The frames of `page` that show an extension page (the picker loaded). */
function extensionFrames(page: Page): string[] {
  return page.frames().map((frame) => frame.url()).filter((url) => url.startsWith('chrome-extension://'));
}

test('a non-ACE CBP page can neither frame nor fetch picker.html; the Fill button on ACE opens it at its dynamic address', async ({
  page,
  context,
  extensionId,
}) => {
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  const fixed = `chrome-extension://${extensionId}/picker.html`;

  // Our own page can read its own file: the address is right, the refusal below is the browser's.
  expect(await page.evaluate((url) => fetch(url).then((r) => r.status), fixed)).toBe(200);

  const cbp = await context.newPage();
  await cbp.goto('https://www.cbp.gov/s/importer/plain');
  const probed = await probe(cbp, fixed);
  expect(probed.fetched).toMatch(/^refused/);
  // The frame "loads" Chromium's error page, never the picker: no frame of the page is ours.
  expect(probed.framed).toBe('load event');
  expect(cbp.frames().map((frame) => frame.url())).toContain('chrome-error://chromewebdata/');
  expect(extensionFrames(cbp)).toEqual([]);

  // The fixed address is refused on ACE too; our content script opens the dynamic one there.
  const ace = await context.newPage();
  const requested: URL[] = [];
  ace.on('request', (request) => requested.push(new URL(request.url())));
  await ace.goto(aceUrl('plain'));
  expect((await probe(ace, fixed)).fetched).toMatch(/^refused/);
  await clickFillButton(ace);
  const picker = await pickerFrame(ace);
  await expect(picker.getByRole('button', { name: /^Acme main/ })).toBeVisible();
  // Asked for at the session's random address (which Chromium then serves as our own page).
  const asked = requested.filter((url) => url.protocol === 'chrome-extension:' && url.pathname === '/picker.html');
  expect(asked.length).toBeGreaterThan(0);
  expect(asked[0]!.host).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
});
