// @vitest-environment happy-dom
/**
 * The robustness suite (tests/support/layout-variants.ts): each practice variant's form rewritten
 * into layouts that keep its meaning. For every layout the detector must recognise the same
 * fields, read the same states after typing, fill the same values into the page's own state, and
 * leave look-alike fields alone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFormValues } from '@/utils/content/assistant/read-values';
import { FIELD_ATTRIBUTE } from '@/utils/content/field-marks';
import { fillForm, fillInputsOf } from '@/utils/content/fill/fill-form';
import { startFieldDetection, type DetectedForm } from '@/utils/content/field-detection';
import { fieldReports } from '@/utils/form-checks/field-reports';
import { planFill, type FillValues } from '@/utils/form-checks/plan-fill';
import { describeLayout, generateVariants, TYPED, type LayoutPage, type ModelKey } from '../../support/layout-variants';
import { mountLayout, type MountedLayout } from '../../support/mount-layout';
import { ENABLED_SPACE } from '../../support/layout-space';

// happy-dom has no layout: every element is visible.
const isVisible = () => true;

const PROFILE: FillValues = {
  routing: '021000021',
  account: '000123456789',
  accountType: 'savings',
  bankName: 'JPMorgan Chase Bank',
  holderName: 'Acme Imports LLC',
};
const FILLED: Record<ModelKey, string> = {
  routing: '021000021',
  account: '000123456789',
  accountConfirm: '000123456789',
  controlKey: '02',
  bankName: 'JPMorgan Chase Bank',
  holderName: 'Acme Imports LLC',
};
const STATES_AFTER_TYPING: Record<string, string> = {
  routing: 'invalid',
  account: 'ok',
  'account-confirm': 'mismatch',
  'account-type': 'ok',
};

const PAGES = generateVariants(ENABLED_SPACE);

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  (window as unknown as { portalEvents: unknown[] }).portalEvents = [];
});
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

function detect(mounted: MountedLayout): DetectedForm | null {
  const closed = new Map(mounted.closedRoots);
  return startFieldDetection({
    root: document,
    signal: controller.signal,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    isVisible,
    afterLayout: (callback) => callback(),
    batchDelayMs: 0,
    shadowRootOf: (element) => closed.get(element) ?? element.shadowRoot,
  }).form;
}

/** Types or chooses `TYPED` into each field the way a user does. */
function typeInto(page: LayoutPage, mounted: MountedLayout) {
  for (const field of page.fields) {
    const element = mounted.byId(field.id);
    const value = TYPED[field.key];
    if (field.control === 'input') {
      element.focus();
      (element as HTMLInputElement).value = value;
      element.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
      element.dispatchEvent(new Event('change', { bubbles: true }));
      element.blur();
    } else if (field.control === 'select') {
      (element as HTMLSelectElement).value = value;
      element.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      // Radio group and comboboxes: the second choice is Savings (02).
      if (field.control !== 'radio') element.click();
      mounted.byId(field.optionIds![1]!).click();
    }
  }
}

function lookAlikeEvents(): unknown[] {
  return (window as unknown as { portalEvents: { field: string }[] }).portalEvents.filter((event) => event.field === 'lookalike');
}

describe('layout variants of the practice forms', () => {
  it('has at least 200 variants, each with a distinct page', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(200);
    expect(new Set(PAGES.map((page) => page.html)).size).toBe(PAGES.length);
  });

  it.each(PAGES.map((page) => [describeLayout(page), page] as const))('%s', (_title, page) => {
    document.body.innerHTML = '<main></main>';
    const mounted = mountLayout(document.querySelector('main')!, page);
    const form = detect(mounted);

    // The same fields recognised, each on its own element; the look-alikes not at all.
    expect(form?.fields.map((field) => [field.element.id, field.kind])).toEqual(page.fields.map((field) => [field.id, field.kind]));
    for (const id of page.lookAlikes) expect(mounted.byId(id).getAttribute(FIELD_ATTRIBUTE)).toBeNull();

    // The same values in the page's own state after a fill; look-alikes untouched.
    const outcome = fillForm(form!, planFill(fillInputsOf(form!), PROFILE), { replaceConflicts: false, isVisible });
    expect(outcome.skipped).toEqual([]);
    expect(mounted.state).toEqual(Object.fromEntries(page.fields.map((field) => [field.key, FILLED[field.key]])));
    for (const id of page.lookAlikes) expect((mounted.byId(id) as HTMLInputElement).value).toBe('');
    expect(lookAlikeEvents()).toEqual([]);

    // The same states after typing.
    typeInto(page, mounted);
    expect(mounted.state).toEqual(Object.fromEntries(page.fields.map((field) => [field.key, TYPED[field.key]])));
    const reports = fieldReports(readFormValues(form!));
    const states = Object.fromEntries(Object.entries(reports).map(([kind, report]) => [kind, report?.state]));
    const expected = Object.fromEntries(
      page.fields.filter((field) => field.kind in STATES_AFTER_TYPING).map((field) => [field.kind, STATES_AFTER_TYPING[field.kind]]),
    );
    expect(states).toEqual(expected);
  });
});
