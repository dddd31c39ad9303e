/**
 * Clickjacking, replayed in the real Chromium: a page script hides or
 * covers the assistant and has the user click where its buttons are, to fill another importer's
 * bank details (Acme's on Globex's form) in three clicks: the Fill button, Acme's row in the
 * picker, "Fill anyway". Each click comes while the browser judges that control hidden; none
 * fills anything, and the assistant or the picker says why. Page CSS aimed at our element
 * (`ace-ach-assist-ui{opacity:.01!important}`, re-added over and over, inline too) does not
 * hide it at all; the normal path still fills.
 */
import type { Page } from '@playwright/test';
import { aceUrl, expect, test } from './fixtures';
import { assistantText, clickAssistantButton } from './assistant-ui-text';
import { clickFillButton, expectAssistantText, pickerFrame, pickerIsOpen, portalState, ROUTING } from './fill-steps';
import { ACME, addProfile, createVault, GLOBEX } from './popup-steps';
import { assistantButton, centreOf, expectButtonSeen, expectPickerElementSeen } from './visibility-steps';

const HIDDEN = /This page covered or hid ACE ACH Assist; nothing was filled\./;
const IGNORED = /ACE ACH Assist ignored a click/;

/**
 * The page's opacity trick on our element, as the attack did it, and then some: its rule added
 * again every 50 ms (after ours), the element's inline style set to the same.
 */
function restyleOurElement() {
  const w = window as unknown as { restyles: number };
  w.restyles = 0;
  const again = () => {
    const style = document.createElement('style');
    style.textContent = 'ace-ach-assist-ui{opacity:.01!important;visibility:hidden!important;transform:scale(0)!important}';
    document.head.append(style);
    document.querySelector('ace-ach-assist-ui')?.setAttribute('style', 'opacity:.01!important');
    w.restyles++;
  };
  again();
  setInterval(again, 50);
}

interface Attack {
  readonly name: string;
  /** Page script: hides or covers our UI in a way no style of ours can undo. */
  readonly hide: () => void;
  readonly unhide: () => void;
}

const ATTACKS: Attack[] = [
  {
    // The opacity rule on our element changes nothing now, so the page fades the whole page.
    name: 'page CSS: our element at opacity .01, and the whole page filtered to opacity .01',
    hide() {
      const style = document.createElement('style');
      style.id = 'attack';
      style.textContent = 'ace-ach-assist-ui{opacity:.01!important} html{filter:opacity(.01)!important}';
      document.head.append(style);
    },
    unhide: () => document.getElementById('attack')?.remove(),
  },
  {
    name: 'a pointer-events:none decoy over our UI',
    hide() {
      const decoy = document.createElement('div');
      decoy.id = 'attack';
      decoy.textContent = 'Win a prize: click here, here and here';
      decoy.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff;pointer-events:none;font:24px serif';
      // After our element, so that it paints above it.
      document.documentElement.append(decoy);
    },
    unhide: () => document.getElementById('attack')?.remove(),
  },
];

async function setUp(page: Page, extensionId: string) {
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  await addProfile(page, GLOBEX);
  await page.goto(aceUrl('two-profiles'));
  await expect(page.locator(ROUTING)).toHaveAttribute('data-ace-ach-field', 'routing');
}

const empty = async (page: Page) => expect(await portalState(page.mainFrame())).toMatchObject({ routing: '', account: '' });

for (const attack of ATTACKS) {
  test(`${attack.name}: three real clicks on the hidden Fill button, Acme's row and “Fill anyway” fill nothing`, async ({ page, extensionId }) => {
    await setUp(page, extensionId);

    // 1. The Fill button, hidden.
    const fillButton = await assistantButton(page, /^Fill$/);
    await page.evaluate(attack.hide);
    await expectButtonSeen(page, fillButton, false);
    await page.mouse.click(fillButton.x, fillButton.y);
    await expectAssistantText(page, IGNORED);
    await expectAssistantText(page, HIDDEN);
    expect(pickerIsOpen(page)).toBe(false);
    await page.evaluate(attack.unhide);
    await clickAssistantButton(page, /^OK$/);

    // 2. Acme's row in the picker (another importer's profile on Globex's page), hidden.
    await clickFillButton(page);
    const picker = await pickerFrame(page);
    const acme = picker.getByRole('button', { name: /^Acme main/ });
    await expect(acme).toBeVisible();
    const row = await centreOf(acme);
    await page.evaluate(attack.hide);
    await expectPickerElementSeen(acme, false);
    await page.mouse.click(row.x, row.y);
    await expect(picker.getByRole('alert')).toHaveText(HIDDEN);
    await empty(page);

    // 3. "Fill anyway" of the other-importer question, hidden.
    await page.evaluate(attack.unhide);
    await expectPickerElementSeen(acme, true);
    await page.mouse.click(row.x, row.y);
    await expectAssistantText(page, /Fill another importer's bank details\?/);
    const fillAnyway = await assistantButton(page, /^Fill anyway$/);
    await page.evaluate(attack.hide);
    await expectButtonSeen(page, fillAnyway, false);
    await page.mouse.click(fillAnyway.x, fillAnyway.y);
    await expectAssistantText(page, IGNORED);
    // The ignored click answered the question with Cancel: it is gone.
    await expect.poll(() => assistantText(page)).not.toMatch(/Fill another importer's bank details\?/);
    await empty(page);
    await page.evaluate(attack.unhide);
  });
}

test('page CSS on our element, re-added after ours and inline, does not hide it; what the user sees and clicks fills', async ({ page, extensionId }) => {
  await setUp(page, extensionId);
  await page.evaluate(restyleOurElement);
  await expect.poll(() => page.evaluate(() => (window as unknown as { restyles: number }).restyles)).toBeGreaterThan(10);
  const shown = await page.evaluate(() => {
    const style = getComputedStyle(document.querySelector('ace-ach-assist-ui')!);
    return { opacity: style.opacity, visibility: style.visibility, transform: style.transform };
  });
  expect(shown).toEqual({ opacity: '1', visibility: 'visible', transform: 'none' });
  // The browser judges our Fill button seen: the normal path fills.
  await expectButtonSeen(page, await assistantButton(page, /^Fill$/), true);
  await clickFillButton(page);
  const picker = await pickerFrame(page);
  await picker.getByRole('button', { name: /^Globex main/ }).click();
  await expect.poll(() => portalState(page.mainFrame())).toMatchObject({ routing: '026009593', account: '4455667788', controlKey: '02' });
});
