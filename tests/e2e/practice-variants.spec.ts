/**
 * The practice variants in the real Chromium, one question per test: what is
 * recognised, whether CBP's values on file are read and compared, what is checked as the user
 * types, whether the form is compared with the importer's profile, and whether a fill lands in
 * the page's own state (look-alikes and other bank forms untouched). Each variant also writes
 * its screenshot to docs/screenshots/practice-<variant>.png (README's practice-portal list).
 */
import { resolve } from 'node:path';
import type { ElementHandle, Frame, Page } from '@playwright/test';
import { aceUrl, expect, test } from './fixtures';
import { expectAssistantText, expectPageState, pickerFrame, pressFillShortcut } from './fill-steps';
import { ACME, addProfile, createVault } from './popup-steps';

const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots');
const ACME_STATE = { routing: '021000021', account: '000123456789', controlKey: '01' };

type Check = 'recognised' | 'on-file' | 'typing' | 'compared' | 'filled';
const ALL_CHECKS: readonly Check[] = ['recognised', 'on-file', 'typing', 'compared', 'filled'];

interface Variant {
  name: string;
  /** The checks this variant runs (every variant now passes them all). */
  checks: readonly Check[];
  /** The form is in the page's only iframe. */
  inFrame?: boolean;
  /** Presses Get Info/Refresh and waits for the values on file. */
  refresh: (frame: Frame) => Promise<void>;
  /** Shows the form where it appears only on demand (inline edit: a pencil). */
  openForm?: (frame: Frame) => Promise<void>;
  /** Clicks the page's Save. */
  save?: (frame: Frame) => Promise<void>;
  /** Marks (kind:tag) of the form, once shown. */
  form: string[];
  /** Marks after Get Info/Refresh (the form, where still shown, and the values on file). */
  afterRefresh: string[];
  filled: Record<string, string>;
  /** What a fill must leave alone (look-alikes, another bank form). */
  untouched?: (frame: Frame) => Promise<void>;
}

const pressRefresh = (onFile: string) => async (frame: Frame) => {
  await frame.getByRole('button', { name: 'Get Info/Refresh' }).click();
  await expect(frame.getByText(onFile).first()).toBeVisible();
};

/** The closed-shadow page's own root, which it hands to tests (Playwright cannot pierce it). */
const closedRoot = (frame: Frame) =>
  frame.waitForFunction(() => (window as unknown as { portalClosedRoot?: ShadowRoot }).portalClosedRoot);

async function clickInClosedRoot(frame: Frame, label: string) {
  await closedRoot(frame);
  await frame.evaluate((label) => {
    const root = (window as unknown as { portalClosedRoot: ShadowRoot }).portalClosedRoot;
    [...root.querySelectorAll('button')].find((button) => button.textContent === label)!.click();
  }, label);
}

const ON_FILE_FORMATTED = ['account-type:lightning-formatted-text', 'account:lightning-formatted-text', 'routing:lightning-formatted-text'];
const ON_FILE_SPANS = ['account-type:span', 'account:span', 'routing:span'];
const SELECT_FORM = ['account-type:select', 'account:input', 'routing:input'];
const sorted = (...lists: string[][]) => lists.flat().sort();

const VARIANTS: Variant[] = [
  {
    name: 'sap-grid',
    checks: ALL_CHECKS,
    refresh: pressRefresh('On file'),
    form: SELECT_FORM,
    afterRefresh: sorted(SELECT_FORM, ON_FILE_SPANS),
    filled: ACME_STATE,
  },
  {
    name: 'fiori',
    checks: ALL_CHECKS,
    refresh: pressRefresh('Bank Details on File'),
    form: ['account-type:div', 'account:input', 'routing:input'],
    afterRefresh: sorted(['account-type:div', 'account:input', 'routing:input'], ON_FILE_SPANS),
    filled: ACME_STATE,
  },
  {
    name: 'inline-edit',
    checks: ALL_CHECKS,
    refresh: pressRefresh('*****6789'),
    openForm: (frame) => frame.getByRole('button', { name: 'Edit Bank Routing Number' }).click(),
    form: ['account-type:button', 'account:input', 'routing:input'],
    afterRefresh: ON_FILE_FORMATTED,
    filled: ACME_STATE,
  },
  {
    name: 'closed-shadow',
    checks: ALL_CHECKS,
    refresh: async (frame) => {
      await clickInClosedRoot(frame, 'Get Info/Refresh');
      await expect
        .poll(() => frame.evaluate(() => (window as unknown as { portalClosedRoot: ShadowRoot }).portalClosedRoot.textContent))
        .toContain('*****6789');
    },
    openForm: async (frame) => void (await closedRoot(frame)),
    save: (frame) => clickInClosedRoot(frame, 'Save'),
    form: ['account-confirm:input', 'account-type:select', 'account:input', 'routing:input'],
    afterRefresh: sorted(['account-confirm:input', 'account-type:select', 'account:input', 'routing:input'], ON_FILE_FORMATTED),
    filled: { ...ACME_STATE, accountConfirm: '000123456789' },
  },
  {
    name: 'header-meta',
    checks: ALL_CHECKS,
    refresh: pressRefresh('Bank Information on File'),
    form: SELECT_FORM,
    afterRefresh: sorted(SELECT_FORM, ON_FILE_FORMATTED),
    filled: ACME_STATE,
  },
  {
    name: 'top-frame',
    checks: ALL_CHECKS,
    inFrame: true,
    refresh: pressRefresh('Bank Information on File'),
    form: SELECT_FORM,
    afterRefresh: sorted(SELECT_FORM, ON_FILE_SPANS),
    filled: ACME_STATE,
  },
  {
    name: 'nickname',
    checks: ALL_CHECKS,
    refresh: pressRefresh('Bank Information on File'),
    form: SELECT_FORM,
    afterRefresh: sorted(SELECT_FORM, ON_FILE_FORMATTED),
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

function frameOf(page: Page, variant: Variant): Frame {
  if (!variant.inFrame) return page.mainFrame();
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error('no form frame');
  return frame;
}

/** The page with its form shown and recognised. */
async function openVariant(page: Page, variant: Variant): Promise<Frame> {
  await page.goto(aceUrl(variant.name));
  const frame = frameOf(page, variant);
  await variant.openForm?.(frame);
  await expect.poll(() => marks(frame), { timeout: 10_000 }).toEqual(variant.form);
  return frame;
}

async function withProfile(page: Page, extensionId: string) {
  await createVault(page, extensionId);
  await addProfile(page, ACME);
}

for (const variant of VARIANTS) {
  const has = (check: Check) => variant.checks.includes(check);

  test(`${variant.name}: the page as a user sees it after Get Info/Refresh (screenshot)`, async ({ page }) => {
    await page.goto(aceUrl(variant.name));
    await variant.refresh(frameOf(page, variant));
    // Whatever the assistant makes of it, drawn on the next frames.
    await page.waitForTimeout(600);
    await page.screenshot({ path: resolve(SCREENSHOTS, `practice-${variant.name}.png`) });
  });

  if (has('recognised')) {
    test(`${variant.name}: the form's fields are recognised`, async ({ page }) => {
      await openVariant(page, variant);
    });
  }

  if (has('on-file')) {
    test(`${variant.name}: CBP's values on file are recognised and compared with the importer's profile`, async ({ page, extensionId }) => {
      await withProfile(page, extensionId);
      await page.goto(aceUrl(variant.name));
      const frame = frameOf(page, variant);
      await variant.refresh(frame);
      await expect.poll(() => marks(frame), { timeout: 10_000 }).toEqual(variant.afterRefresh);
      await expectAssistantText(page, /CBP's bank details on file match "Acme main"/);
    });
  }

  if (has('typing')) {
    test(`${variant.name}: the fields are checked as the user types`, async ({ page }) => {
      const frame = await openVariant(page, variant);
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
  }

  if (has('compared')) {
    test(`${variant.name}: the form is compared with the importer's profile`, async ({ page, extensionId }) => {
      await withProfile(page, extensionId);
      const frame = await openVariant(page, variant);
      await expectAssistantText(page, /Comparing with "Acme main" \(12-345678900\)/);
      const account = await control(frame, 'account');
      await account.fill('000123454321');
      await expect.poll(() => account.getAttribute('data-ace-ach-state')).toBe('mismatch');
      await expectAssistantText(page, /The form has an account number ending 4321; the profile "Acme main" has one ending 6789/);
    });
  }

  if (has('filled')) {
    test(`${variant.name}: a fill lands in the page's own state, and Save sends it`, async ({ page, extensionId }) => {
      await withProfile(page, extensionId);
      const frame = await openVariant(page, variant);
      await pressFillShortcut(page.context());
      await (await pickerFrame(page)).getByRole('button', { name: /^Acme main/ }).click();
      await expectPageState(page, frame, variant.filled, `${variant.name} filled`);
      await variant.untouched?.(frame);
      if (variant.save) await variant.save(frame);
      else await frame.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => frame.evaluate(() => (window as unknown as { portalSaves: unknown[] }).portalSaves)).toEqual([variant.filled]);
    });
  }
}
