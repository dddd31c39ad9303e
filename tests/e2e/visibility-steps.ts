/**
 * Steps of the clickjacking tests: where a button of the assistant is, and whether the browser
 * itself judges it seen (IntersectionObserver v2 run on that very element through the DevTools
 * protocol, or inside the picker frame), so a test clicks only once the browser has noticed
 * what the page did, however slow the machine.
 *
 * A fresh observer answers at the next frame; the product's observers (delay 100 ms) re-judge
 * at most every 100 ms. So once the fresh answer has turned, a second fresh answer SETTLE_MS
 * later comes from a frame in which the product's observers have re-judged too.
 */
import type { Locator, Page } from '@playwright/test';
import { assistantButtonSpot } from './assistant-ui-text';
import { expect } from './fixtures';

/** IntersectionObserver v2's first answer about `this`: whether it is seen now. */
const SEEN_NOW = `function () {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      observer.disconnect();
      resolve(entries[entries.length - 1].isVisible);
    }, { trackVisibility: true, delay: 100 });
    observer.observe(this);
  });
}`;

const SETTLE_MS = 300;

/** Polls `seenNow` until it answers `seen`, then once more after SETTLE_MS (see above). */
async function expectSeen(seenNow: () => Promise<boolean>, seen: boolean, what: string) {
  await expect.poll(seenNow, { message: `${what} seen: ${seen}` }).toBe(seen);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  await expect.poll(seenNow, { message: `${what} still seen: ${seen}` }).toBe(seen);
}

export interface ButtonSpot {
  readonly x: number;
  readonly y: number;
  readonly backendNodeId: number;
}

/** Where the assistant's button named `name` is (closed shadow root, found through the protocol). */
export async function assistantButton(page: Page, name: RegExp): Promise<ButtonSpot> {
  let spot: ButtonSpot | null = null;
  await expect.poll(async () => (spot = await assistantButtonSpot(page, name)), { message: `assistant button ${name}` }).not.toBeNull();
  return spot!;
}

async function assistantButtonSeen(page: Page, button: ButtonSpot): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: button.backendNodeId })) as { object: { objectId: string } };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: SEEN_NOW,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: boolean } };
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** Waits until the browser judges the assistant's button seen (`true`) or hidden (`false`). */
export async function expectButtonSeen(page: Page, button: ButtonSpot, seen: boolean) {
  await expectSeen(() => assistantButtonSeen(page, button), seen, 'assistant button');
}

/** The same for an element of the picker page (inside its frame, which judges the embedder's effects too). */
export async function expectPickerElementSeen(element: Locator, seen: boolean) {
  const seenNow = () =>
    element.evaluate((node) => new Promise<boolean>((resolve) => {
      const observer = new IntersectionObserver((entries) => {
        observer.disconnect();
        resolve((entries[entries.length - 1] as IntersectionObserverEntry & { isVisible: boolean }).isVisible);
      }, { trackVisibility: true, delay: 100 } as IntersectionObserverInit);
      observer.observe(node);
    }));
  await expectSeen(seenNow, seen, 'picker element');
}

/** The middle of a picker element, in the page's coordinates (where a real click lands). */
export async function centreOf(element: Locator): Promise<{ x: number; y: number }> {
  const box = (await element.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
