/**
 * Field detection on every practice variant in the real Chromium: each field gets the right
 * `data-ace-ach-field` kind, the values on file too, and decoys none.
 */
import type { Frame, Page } from '@playwright/test';
import { aceUrl, expect, test } from './fixtures';

/** Kinds marked in a frame, open shadow roots included, each with the marked element's tag. */
async function marks(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        const kind = element.getAttribute('data-ace-ach-field');
        if (kind) found.push(`${kind}:${element.localName}`);
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return found.sort();
  });
}

const PLAIN = [
  'account-confirm:input',
  'account-type:select',
  'account:input',
  'bank-name:input',
  'holder-name:input',
  'routing:input',
];
const ON_FILE_LIGHTNING = ['account-type:lightning-formatted-text', 'account:lightning-formatted-text', 'routing:lightning-formatted-text'];

interface Variant {
  name: string;
  prepare?: (page: Page) => Promise<void>;
  frame?: boolean;
  expected: string[];
}

const refresh = async (page: Page) => {
  await page.getByRole('button', { name: 'Get Info/Refresh' }).click();
  await expect(page.getByText('Bank Information on File')).toBeVisible();
};

const VARIANTS: Variant[] = [
  { name: 'lightning', expected: ['account-type:button', 'account:input', 'routing:input'] },
  { name: 'lightning', prepare: refresh, expected: ['account-type:button', 'account:input', 'routing:input', ...ON_FILE_LIGHTNING].sort() },
  { name: 'plain', expected: PLAIN },
  { name: 'two-profiles', expected: PLAIN },
  { name: 'decoy', expected: PLAIN },
  { name: 'iframe', frame: true, expected: ['account-type:select', 'account:input', 'routing:input'] },
  // The other ACE host's origin: the content script runs in the frame as on the top page's host.
  { name: 'ace-frame', frame: true, expected: ['account-type:select', 'account:input', 'routing:input'] },
  // Chromium matches content scripts by the frame's URL (an ACE URL), not its opaque origin, so
  // the sandboxed frame is scanned too. Harmless: its messages arrive with sender.origin "null",
  // which is where filling is refused.
  { name: 'sandboxed', frame: true, expected: ['account-type:select', 'account:input', 'routing:input'] },
  { name: 'after-refresh', prepare: refresh, expected: ['account-type:button', 'account:input', 'routing:input', ...ON_FILE_LIGHTNING].sort() },
  { name: 'synthetic', expected: ['account-type:button', 'account:input', 'routing:input'] },
  { name: 'radio', expected: ['account-type:fieldset', 'account:input', 'routing:input'] },
  {
    name: 'dialog',
    prepare: async (page) => page.getByRole('button', { name: 'Edit Bank Information' }).click(),
    expected: ['account-type:select', 'account:input', 'routing:input'],
  },
  { name: 'controlled', expected: ['account-type:select', 'account:input', 'routing:input'] },
];

/** Every practice importer page shows "IR #: <number>" in its record header, in the top frame. */
const IMPORTER_MARK = 'importer-number:span';

for (const variant of VARIANTS) {
  const title = `${variant.name}${variant.prepare ? ' (after its button)' : ''}: each field has its kind`;
  test(title, async ({ page }) => {
    await page.goto(aceUrl(variant.name));
    await variant.prepare?.(page);
    let frame = page.mainFrame();
    if (variant.frame) await expect.poll(() => (frame = page.frames().find((f) => f !== page.mainFrame())!)).toBeTruthy();
    const expected = variant.frame ? variant.expected : [...variant.expected, IMPORTER_MARK].sort();
    await expect.poll(() => marks(frame), { timeout: 10_000 }).toEqual(expected);
    // A form in a frame: the top frame marks the importer's number alone, no bank field.
    if (variant.frame) await expect.poll(() => marks(page.mainFrame())).toEqual([IMPORTER_MARK]);
  });
}

test('the decoys (hidden, display:none, off-screen) are not the form', async ({ page }) => {
  await page.goto(aceUrl('decoy'));
  await expect(page.locator('#ach-routing')).toHaveAttribute('data-ace-ach-field', 'routing');
  for (const decoy of ['input[type=hidden][name=routingNumber]', '#legacy-routing', '#offscreen-routing']) {
    await expect(page.locator(decoy)).not.toHaveAttribute('data-ace-ach-field', /.*/);
  }
});

test('the dialog variant has no marks before the dialog opens', async ({ page }) => {
  await page.goto(aceUrl('dialog'));
  await expect(page.getByRole('button', { name: 'Edit Bank Information' })).toBeVisible();
  await page.waitForTimeout(500);
  expect((await marks(page.mainFrame())).filter((m) => m.endsWith(':input'))).toEqual([]);
});

test('nothing runs inside a cross-origin frame that is not an ACE host', async ({ page }) => {
  await page.goto(aceUrl('cross-origin'));
  const frame = page.frames().find((f) => f.url().startsWith('https://other.test/'));
  expect(frame).toBeDefined();
  await expect(frame!.getByLabel('Bank Routing Number')).toBeVisible();
  await page.waitForTimeout(800);
  expect(await marks(frame!)).toEqual([]);
});
