/**
 * The practice variants of issue 17 in the real Chromium, one question per test: what is
 * recognised, what is checked as the user types, whether the form and CBP's values on file are
 * compared with the importer's profile, and whether a fill lands in the page's own state. Each
 * variant also writes its screenshot to docs/screenshots/practice-<variant>.png (README's
 * practice-portal list).
 */
import { resolve } from 'node:path';
import type { ElementHandle, Frame, Page } from '@playwright/test';
import { aceUrl, expect, test } from './fixtures';
import { expectAssistantText, expectPageState, pickerFrame, pressFillShortcut } from './fill-steps';
import { ACME, addProfile, createVault } from './popup-steps';

const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots');
const ACME_STATE = { routing: '021000021', account: '000123456789', controlKey: '01' };

interface Variant {
  name: string;
  /** The form is in the page's only iframe. */
  inFrame?: boolean;
  /** Get Info/Refresh (and what the variant needs to show its form). */
  refresh: (page: Page, frame: Frame) => Promise<void>;
  /** Before the refresh, or with no refresh at all. */
  recognised: string[];
  /** After the refresh: the form and the values on file. */
  recognisedAfterRefresh: string[];
  filled: Record<string, string>;
  /** What a fill must leave alone (look-alikes, another bank form). */
  untouched?: (frame: Frame) => Promise<void>;
  /** The checks this variant passes today; the others are listed in NOT_YET with their cause. */
  checks: readonly Check[];
}

type Check = 'recognised' | 'typing' | 'compared' | 'filled';
const ALL_CHECKS: readonly Check[] = ['recognised', 'typing', 'compared', 'filled'];

const pressRefresh = async (page: Page, frame: Frame, onFile: string) => {
  await frame.getByRole('button', { name: 'Get Info/Refresh' }).click();
  await expect(frame.getByText(onFile).first()).toBeVisible();
};

const ON_FILE_FORMATTED = ['account-type:lightning-formatted-text', 'account:lightning-formatted-text', 'routing:lightning-formatted-text'];

const VARIANTS: Variant[] = [
  {
    name: 'sap-grid',
    checks: [],
    refresh: (page, frame) => pressRefresh(page, frame, 'On file'),
    recognised: ['account-type:select', 'account:input', 'routing:input'],
    recognisedAfterRefresh: ['account-type:select', 'account-type:span', 'account:input', 'account:span', 'routing:input', 'routing:span'],
    filled: ACME_STATE,
  },
  {
    name: 'fiori',
    checks: ['typing', 'filled'],
    refresh: (page, frame) => pressRefresh(page, frame, 'Bank Details on File'),
    recognised: ['account-type:div', 'account:input', 'routing:input'],
    recognisedAfterRefresh: ['account-type:div', 'account-type:span', 'account:input', 'account:span', 'routing:input', 'routing:span'],
    filled: ACME_STATE,
  },
  {
    name: 'inline-edit',
    checks: ['typing', 'filled'],
    refresh: (page, frame) => pressRefresh(page, frame, '*****6789'),
    recognised: [],
    recognisedAfterRefresh: ON_FILE_FORMATTED,
    filled: ACME_STATE,
  },
  {
    name: 'closed-shadow',
    checks: ['recognised'],
    refresh: async (page, frame) => {
      // The button is inside the closed root: pressed through the page's own reference.
      await frame.evaluate(() => {
        const root = (window as unknown as { portalClosedRoot: ShadowRoot }).portalClosedRoot;
        [...root.querySelectorAll('button')].find((button) => button.textContent === 'Get Info/Refresh')!.click();
      });
      await expect.poll(() => frame.evaluate(() => (window as unknown as { portalClosedRoot: ShadowRoot }).portalClosedRoot.textContent)).toContain('*****6789');
    },
    recognised: ['account-confirm:input', 'account-type:select', 'account:input', 'routing:input'],
    recognisedAfterRefresh: ['account-confirm:input', 'account-type:select', 'account:input', 'routing:input', ...ON_FILE_FORMATTED].sort(),
    filled: { ...ACME_STATE, accountConfirm: '000123456789' },
  },
  {
    name: 'header-meta',
    checks: ALL_CHECKS,
    refresh: (page, frame) => pressRefresh(page, frame, 'Bank Information on File'),
    recognised: ['account-type:select', 'account:input', 'routing:input'],
    recognisedAfterRefresh: ['account-type:select', 'account:input', 'routing:input', ...ON_FILE_FORMATTED].sort(),
    filled: ACME_STATE,
  },
  {
    name: 'top-frame',
    checks: ['typing', 'filled'],
    inFrame: true,
    refresh: (page, frame) => pressRefresh(page, frame, 'Bank Information on File'),
    recognised: ['account-type:select', 'account:input', 'routing:input'],
    recognisedAfterRefresh: ['account-type:select', 'account-type:span', 'account:input', 'account:span', 'routing:input', 'routing:span'],
    filled: ACME_STATE,
  },
  {
    name: 'nickname',
    checks: [],
    refresh: (page, frame) => pressRefresh(page, frame, 'Bank Information on File'),
    recognised: ['account-type:select', 'account:input', 'routing:input'],
    recognisedAfterRefresh: ['account-type:select', 'account:input', 'routing:input', ...ON_FILE_FORMATTED].sort(),
    filled: ACME_STATE,
    untouched: async (frame) => {
      expect(await frame.evaluate(() => (window as unknown as { portalDebitState: unknown }).portalDebitState)).toEqual({ routing: '', account: '', accountType: '' });
      const events = await frame.evaluate(() => (window as unknown as { portalEvents: { field: string }[] }).portalEvents.map((event) => event.field));
      expect(events.filter((field) => field.startsWith('debit-') || field.startsWith('lookalike-'))).toEqual([]);
      for (const id of ['#refund-nickname', '#refund-account-name']) await expect(frame.locator(id)).toHaveValue('');
      await expect(frame.locator('#refund-country')).toHaveValue('US');
    },
  },
];

/** Kinds marked in a frame: open shadow roots, and the closed root the page keeps for tests. */
async function marks(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        const kind = element.getAttribute('data-ace-ach-field');
        // The importer number is checked through the comparison it makes possible.
        if (kind && kind !== 'importer-number') found.push(`${kind}:${element.localName}`);
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    const closed = (window as unknown as { portalClosedRoot?: ShadowRoot }).portalClosedRoot;
    if (closed) visit(closed);
    return found.sort();
  });
}

/** The form's control of `kind` (not a value on file), wherever it is. */
function control(frame: Frame, kind: string): Promise<ElementHandle<HTMLElement>> {
  return frame.evaluateHandle((kind) => {
    const selector = `[data-ace-ach-field="${kind}"]:is(input, select, textarea, [role=combobox], fieldset, [role=radiogroup])`;
    const search = (root: Document | ShadowRoot): HTMLElement | null => {
      const here = root.querySelector<HTMLElement>(selector);
      if (here) return here;
      for (const element of root.querySelectorAll('*')) {
        const found = element.shadowRoot && search(element.shadowRoot);
        if (found) return found;
      }
      return null;
    };
    const closed = (window as unknown as { portalClosedRoot?: ShadowRoot }).portalClosedRoot;
    const found = search(document) ?? (closed ? search(closed) : null);
    if (!found) throw new Error(`no ${kind} field`);
    return found;
  }, kind);
}

/** Opens the form where a variant shows it only on demand (inline edit: the pencil). */
async function openForm(page: Page, variant: Variant, frame: Frame) {
  if (variant.name === 'inline-edit') await frame.getByRole('button', { name: 'Edit Bank Routing Number' }).click();
}

function frameOf(page: Page, variant: Variant): Frame {
  if (!variant.inFrame) return page.mainFrame();
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error('no form frame');
  return frame;
}

for (const variant of VARIANTS) {
  test(`${variant.name}: the page as a user sees it after Get Info/Refresh (screenshot)`, async ({ page }) => {
    await page.goto(aceUrl(variant.name));
    const frame = frameOf(page, variant);
    await variant.refresh(page, frame);
    // Whatever the assistant makes of it, drawn on the next frames.
    await page.waitForTimeout(600);
    await page.screenshot({ path: resolve(SCREENSHOTS, `practice-${variant.name}.png`) });
  });

  if (variant.checks.includes('recognised')) test(`${variant.name}: what is recognised, before and after Get Info/Refresh`, async ({ page }) => {
    await page.goto(aceUrl(variant.name));
    const frame = frameOf(page, variant);
    await expect.poll(() => marks(frame), { timeout: 10_000 }).toEqual(variant.recognised);
    await variant.refresh(page, frame);
    await expect.poll(() => marks(frame), { timeout: 10_000 }).toEqual(variant.recognisedAfterRefresh);
  });

  if (variant.checks.includes('typing')) test(`${variant.name}: the fields are checked as the user types`, async ({ page }) => {
    await page.goto(aceUrl(variant.name));
    const frame = frameOf(page, variant);
    await openForm(page, variant, frame);
    const routing = await control(frame, 'routing');
    await routing.fill('021000022');
    await expect.poll(() => routing.getAttribute('data-ace-ach-state')).toBe('invalid');
    await expectAssistantText(page, /fails the check-digit test/);
    await routing.fill('021000021');
    const account = await control(frame, 'account');
    await account.fill('12345\u200b678');
    await expect.poll(() => account.getAttribute('data-ace-ach-state')).toBe('invalid');
    await expect.poll(() => routing.getAttribute('data-ace-ach-state')).toBe('ok');
  });

  if (variant.checks.includes('compared')) test(`${variant.name}: the form and CBP's values on file are compared with the importer's profile`, async ({ page, extensionId }) => {
    await createVault(page, extensionId);
    await addProfile(page, ACME);
    await page.goto(aceUrl(variant.name));
    const frame = frameOf(page, variant);
    await variant.refresh(page, frame);
    await expectAssistantText(page, /Comparing with "Acme main" \(12-345678900\)/);
    await expectAssistantText(page, /CBP's bank details on file match "Acme main"/);
    await openForm(page, variant, frame);
    const account = await control(frame, 'account');
    await account.fill('000123454321');
    await expect.poll(() => account.getAttribute('data-ace-ach-state')).toBe('mismatch');
    await expectAssistantText(page, /The form has an account number ending 4321; the profile "Acme main" has one ending 6789/);
  });

  if (variant.checks.includes('filled')) test(`${variant.name}: a fill lands in the page's own state, and Save sends it`, async ({ page, extensionId }) => {
    await createVault(page, extensionId);
    await addProfile(page, ACME);
    await page.goto(aceUrl(variant.name));
    const frame = frameOf(page, variant);
    await variant.refresh(page, frame);
    await openForm(page, variant, frame);
    await expect.poll(async () => (await marks(frame)).some((mark) => mark.startsWith('routing:input'))).toBe(true);
    await pressFillShortcut(page.context());
    await (await pickerFrame(page)).getByRole('button', { name: /^Acme main/ }).click();
    await expectPageState(page, frame, variant.filled, `${variant.name} filled`);
    await variant.untouched?.(frame);
    await frame.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await frame.evaluate(() => (window as unknown as { portalSaves: unknown[] }).portalSaves)).toEqual([variant.filled]);
  });
}
