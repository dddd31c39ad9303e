/**
 * The robustness suite in the real Chromium: 20 layout variants of the practice forms
 * (tests/support/layout-variants.ts, the same generator as the unit tier), each served at an ACE
 * address by route interception. For every variant: the same fields recognised, the page's own
 * state holds the profile after a fill, the same states after typing, look-alikes untouched.
 * Fields inside closed shadow roots are reached through the page's own reference to them
 * (window.layoutTest), as Playwright's locators cannot pierce closed roots.
 */
import type { BrowserContext, ElementHandle, Page } from '@playwright/test';
import { describeLayout, generateVariants, TYPED, type LayoutField, type LayoutPage, type ModelKey } from '../support/layout-variants';
import { E2E_SPACE } from '../support/layout-space';
import { mountLayout } from '../support/mount-layout';
import { expect, test } from './fixtures';
import { expectPageState, pickerFrame, pressFillShortcut } from './fill-steps';
import { ACME, addProfile, createVault } from './popup-steps';

const FILLED: Record<ModelKey, string> = {
  routing: '021000021',
  account: '000123456789',
  accountConfirm: '000123456789',
  controlKey: '01',
  bankName: 'JPMorgan Chase Bank',
  holderName: 'Acme Imports LLC',
};
/** As in the unit tier, but compared with the profile too: Savings differs from its Checking. */
const STATES_AFTER_TYPING: Partial<Record<string, string>> = {
  routing: 'invalid',
  account: 'ok',
  'account-confirm': 'mismatch',
  'account-type': 'mismatch',
};

/** 20 of the unit tier's variants, spread over it. */
const ALL = generateVariants(E2E_SPACE);
const PAGES = Array.from({ length: 20 }, (_, i) => ALL[Math.floor((i * ALL.length) / 20) + (i % 3)]!);
const GROUP = 5;

function pageHtml(layout: LayoutPage): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ACE Portal</title><link rel="icon" href="data:,"></head>
<body><header><h1>Acme Imports LLC</h1><p>IR #: 12-345678900</p></header><h2>ACH Refund Authorization</h2><main></main>
<script>window.layoutTest = (${mountLayout.toString()})(document.querySelector('main'), ${JSON.stringify(layout).replace(/</g, '\\u003c')});</script>
</body></html>`;
}

async function serve(context: BrowserContext, layout: LayoutPage): Promise<string> {
  const url = `https://ace.cbp.gov/s/generated/${layout.seed}`;
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pageHtml(layout) }));
  return url;
}

interface LayoutWindow {
  layoutTest: { byId(id: string): HTMLElement; state: Record<string, string> };
  portalEvents: { type: string; field: string }[];
}

function element(page: Page, id: string): Promise<ElementHandle<HTMLElement>> {
  return page.evaluateHandle((id) => (window as unknown as LayoutWindow).layoutTest.byId(id), id);
}

async function attributes(page: Page, ids: string[], name: string): Promise<(string | null)[]> {
  return page.evaluate(({ ids, name }) => ids.map((id) => (window as unknown as LayoutWindow).layoutTest.byId(id).getAttribute(name)), { ids, name });
}

async function typeInto(page: Page, field: LayoutField) {
  const target = await element(page, field.id);
  if (field.control === 'input') await target.fill(TYPED[field.key]);
  else if (field.control === 'select') await target.selectOption(TYPED[field.key]);
  else {
    if (field.control !== 'radio') await target.click();
    await (await element(page, field.optionIds![1]!)).click();
  }
}

async function checkVariant(page: Page, layout: LayoutPage) {
  await page.goto(await serve(page.context(), layout));
  const ids = layout.fields.map((field) => field.id);
  // The same fields recognised; the look-alikes not at all.
  await expect.poll(() => attributes(page, ids, 'data-ace-ach-field'), { timeout: 10_000 }).toEqual(layout.fields.map((field) => field.kind));
  expect(await attributes(page, layout.lookAlikes, 'data-ace-ach-field')).toEqual(layout.lookAlikes.map(() => null));

  // The same values in the page's own state after a fill.
  await pressFillShortcut(page.context());
  const picker = await pickerFrame(page);
  await picker.getByRole('button', { name: /^Acme main/ }).click();
  await expectPageState(page, page.mainFrame(), Object.fromEntries(layout.fields.map((field) => [field.key, FILLED[field.key]])), describeLayout(layout));
  // portalState here is the generated page's model (window.layoutTest.state).
  for (const id of layout.lookAlikes) expect(await (await element(page, id)).evaluate((el) => (el as HTMLInputElement).value)).toBe('');
  const events = await page.evaluate(() => (window as unknown as LayoutWindow).portalEvents.filter((event) => event.field === 'lookalike'));
  expect(events).toEqual([]);

  // The same states after typing.
  for (const field of layout.fields) await typeInto(page, field);
  const checked = layout.fields.filter((field) => STATES_AFTER_TYPING[field.kind]);
  await expect
    .poll(() => attributes(page, checked.map((field) => field.id), 'data-ace-ach-state'), { message: describeLayout(layout) })
    .toEqual(checked.map((field) => STATES_AFTER_TYPING[field.kind]));
}

test('the e2e set has 20 distinct variants, with open and closed shadow roots, table layouts and column headers among them', () => {
  expect(PAGES).toHaveLength(20);
  expect(new Set(PAGES.map((layout) => layout.seed)).size).toBe(20);
  expect(PAGES.some((layout) => layout.options.shadow.endsWith('open'))).toBe(true);
  expect(PAGES.some((layout) => layout.options.shadow.endsWith('closed'))).toBe(true);
  expect(PAGES.some((layout) => layout.options.labels === 'table-cell')).toBe(true);
  expect(PAGES.some((layout) => layout.options.labels === 'column-header')).toBe(true);
});

for (let start = 0; start < PAGES.length; start += GROUP) {
  const group = PAGES.slice(start, start + GROUP);
  test(`layout variants ${start + 1}–${start + group.length}: recognised, filled, checked as typed; look-alikes untouched`, async ({ page, extensionId }) => {
    test.setTimeout(150_000);
    await createVault(page, extensionId);
    await addProfile(page, ACME);
    for (const layout of group) {
      await test.step(describeLayout(layout), () => checkVariant(page, layout));
    }
  });
}
