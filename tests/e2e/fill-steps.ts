/**
 * Steps the fill e2e tests share: open the picker from the Fill button in the routing field,
 * find the picker's frame (our extension page inside the ACE page), read the page's own state.
 */
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { assistantText } from './assistant-ui-text';
import { expect } from './fixtures';

export const ROUTING = '[data-ace-ach-field="routing"]:is(input)';

/** The frame that holds the bank form: the page itself, or its only other frame. */
export function formFrame(page: Page, inFrame = false): Frame {
  if (!inFrame) return page.mainFrame();
  const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes('/s/frame/'));
  if (!frame) throw new Error('No form frame on this page');
  return frame;
}

const isPicker = (frame: Frame) => !frame.isDetached() && frame.url().includes('/picker.html');

/** The picker's frame once it is open (the newest: a closed one lingers hidden for a moment). */
export async function pickerFrame(page: Page): Promise<Frame> {
  let found: Frame | undefined;
  await expect.poll(() => (found = page.frames().filter(isPicker).at(-1)), { timeout: 10_000 }).toBeTruthy();
  return found!;
}

/** Whether a picker frame is on the page now. */
export function pickerIsOpen(page: Page): boolean {
  return page.frames().some(isPicker);
}

/** Waits until no picker frame is left on the page. */
export async function pickerGone(page: Page) {
  await expect.poll(() => page.frames().some(isPicker), { timeout: 10_000 }).toBe(false);
}

/** Clicks the Fill button the assistant draws inside the routing field's right end. */
export async function clickFillButton(page: Page, frame: Frame = page.mainFrame()) {
  const routing = frame.locator(ROUTING);
  await expect(routing).toHaveAttribute('data-ace-ach-field', 'routing');
  // The button is drawn on a later frame than the mark: wait until it is there, however slow.
  await expectAssistantText(frame, /^Fill$/m);
  const box = (await routing.boundingBox())!;
  await page.mouse.click(box.x + box.width - 16, box.y + box.height / 2);
}

/** The page's own model (window.portalState) in `frame`. */
export function portalState(frame: Frame): Promise<Record<string, string>> {
  return frame.evaluate(() => ({ ...(window as unknown as { portalState: Record<string, string> }).portalState }));
}

/** Waits until the assistant's UI (closed shadow root, read through CDP) shows `pattern`. */
export async function expectAssistantText(target: Page | Frame, pattern: RegExp) {
  await expect.poll(() => assistantText(target), { timeout: 10_000 }).toMatch(pattern);
}

/** The few extension APIs the tests call inside the service worker (`worker.evaluate`). */
export interface WorkerChrome {
  runtime: { getURL(path: string): string };
  windows: { create(details: { url: string; type: 'popup'; width: number; height: number }): Promise<unknown> };
  tabs: { query(info: { active: boolean; windowType: 'normal' }): Promise<{ id?: number }[]> };
  commands: {
    getAll(): Promise<{ name?: string; shortcut?: string }[]>;
    /** Chrome's extension events can be dispatched from the extension itself: what the browser does on the key press. */
    onCommand: { dispatch(name: string, tab?: unknown): void };
  };
}

/** The popup in a small window of its own, as the page's Unlock button opens it: the ACE tab stays active. */
export async function openPopupWindow(context: BrowserContext): Promise<Page> {
  const worker = context.serviceWorkers()[0]!;
  const opened = context.waitForEvent('page');
  await worker.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
    return chrome.windows.create({ url: chrome.runtime.getURL('popup.html'), type: 'popup', width: 400, height: 600 });
  });
  const popup = await opened;
  await expect(popup.getByRole('heading', { name: 'Bank profiles' })).toBeVisible();
  return popup;
}

/** What the browser does when the user presses the shortcut: the command, with the active tab. */
export async function pressFillShortcut(context: BrowserContext) {
  const worker = context.serviceWorkers()[0]!;
  await worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
    const [tab] = await chrome.tabs.query({ active: true, windowType: 'normal' });
    chrome.commands.onCommand.dispatch('fill-bank-form', tab);
  });
}


export type FillTrigger = 'button' | 'popup' | 'shortcut';

/** Opens the picker the way a user does with `trigger`; the form is in `frame`. */
export async function openPicker(page: Page, trigger: FillTrigger, frame: Frame = page.mainFrame()): Promise<Frame> {
  // The user sees the form first: the assistant has recognised it.
  await expect(frame.locator(ROUTING)).toHaveAttribute('data-ace-ach-field', 'routing');
  if (trigger === 'button') await clickFillButton(page, frame);
  else if (trigger === 'shortcut') await pressFillShortcut(page.context());
  else {
    const popup = await openPopupWindow(page.context());
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Fill this page' }).click();
    await closed;
  }
  return pickerFrame(page);
}

/**
 * Waits until the page's own state in `frame` holds `state`. On failure the error carries what
 * the assistant and the picker showed, which says why nothing was filled.
 */
export async function expectPageState(page: Page, frame: Frame, state: Record<string, string>, what: string) {
  try {
    await expect.poll(() => portalState(frame), { message: what }).toEqual(state);
  } catch (error) {
    const shown = await assistantText(frame).catch((reason: unknown) => `(unreadable: ${String(reason)})`);
    const picker = page.frames().filter(isPicker).at(-1);
    const listed = picker ? await picker.locator('body').innerText().catch(() => '(gone)') : '(no picker)';
    throw new Error(`${String(error)}\nassistant UI: ${shown}\npicker: ${listed}`);
  }
}
