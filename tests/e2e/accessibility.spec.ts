/**
 * Accessibility audit: axe-core (serious and critical violations of WCAG 2.x A/AA and best
 * practice) on every view of the popup, the options page, the enrollment status page, the profile picker (locked and
 * unlocked) and the assistant's card and questions on the practice ACE page. The in-page UI is
 * audited where the extension drew it, inside its closed shadow root (axe-steps.ts says how and
 * why); on an ACE page only our element is audited, not the practice page around it.
 */
import type { Page } from '@playwright/test';
import { aceUrl, expect, test } from './fixtures';
import {
  exposeAssistantRoot,
  expectAssistantTextContrast,
  expectNoSeriousViolations,
  expectNoSeriousViolationsInFrame,
  expectNoSeriousViolationsScrolled,
} from './axe-steps';
import { clickFillButton, expectAssistantText, pickerFrame } from './fill-steps';
import { ACME, addProfile, createVault, fillProfileEditor, GLOBEX, openPopup, PASSPHRASE } from './popup-steps';

// Each audit takes seconds on a busy two-core machine, and a test walks through several views.
test.setTimeout(120_000);

const ROUTING = '[data-ace-ach-field="routing"]:is(input)';
const OURS = 'ace-ach-assist-ui';

/** Audits our element on the ACE page as it is drawn now: axe, and the contrast axe cannot judge there. */
async function auditAssistant(page: Page, what: string) {
  await exposeAssistantRoot(page);
  await expectNoSeriousViolations(page, what, OURS);
  await expectAssistantTextContrast(page, what);
}

test('popup: first run, empty list, editor with a message, discard question, list', async ({ page, extensionId }) => {
  await openPopup(page, extensionId);
  await expect(page.getByRole('heading', { name: 'Set up ACE ACH Assist' })).toBeVisible();
  await expectNoSeriousViolations(page, 'first run');
  await page.getByLabel('Passphrase', { exact: true }).fill('aaaaaaaaaa');
  await page.getByLabel('Confirm passphrase').fill('aaaaaaaaab');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByText(/Repeated characters/).first()).toBeVisible();
  await expectNoSeriousViolations(page, 'first run with a weak passphrase');

  await createVault(page, extensionId);
  await expectNoSeriousViolations(page, 'empty list');
  await page.getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByRole('heading', { name: 'New profile' })).toBeVisible();
  await expectNoSeriousViolationsScrolled(page, 'new profile', page.locator('.popup'));
  await fillProfileEditor(page, { ...ACME, routing: '021000022' });
  await page.getByLabel('Label', { exact: true }).focus();
  await expect(page.getByText(/check.digit/i).first()).toBeVisible();
  await expectNoSeriousViolationsScrolled(page, 'editor with a validation message', page.locator('.popup'));
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Discard unsaved changes?' })).toBeVisible();
  await expectNoSeriousViolations(page, 'discard question');
  await page.getByRole('button', { name: 'Keep editing' }).click();
  await fillProfileEditor(page, { routing: ACME.routing });
  await page.getByRole('button', { name: 'Save profile' }).click();
  await addProfile(page, GLOBEX);
  await expectNoSeriousViolations(page, 'list of two profiles');
});

test('popup: a saved profile, delete with undo, locked and a wrong passphrase', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  await addProfile(page, GLOBEX);

  await page.getByRole('button', { name: /^Globex main/ }).click();
  await expect(page.getByRole('button', { name: 'Delete profile' })).toBeVisible();
  await expectNoSeriousViolationsScrolled(page, 'editor of a saved profile', page.locator('.popup'));
  await page.getByRole('button', { name: 'Delete profile' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expectNoSeriousViolations(page, 'list after a delete, with Undo');

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock' })).toBeVisible();
  await expectNoSeriousViolations(page, 'unlock');
  await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /passphrase/i })).toBeVisible();
  await expectNoSeriousViolations(page, 'unlock after a wrong passphrase');
});

test('options page', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'ACE ACH Assist options' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Activity log entries' }).or(page.getByText('No activity yet.'))).toBeVisible();
  await expectNoSeriousViolations(page, 'options');
});

test('enrollment status page: locked, the table with a chip pressed and sorted, an empty search', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  await addProfile(page, GLOBEX);
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.goto(`chrome-extension://${extensionId}/status.html`);
  await expect(page.getByRole('heading', { name: 'The vault is locked' })).toBeVisible();
  await expectNoSeriousViolations(page, 'status page, locked');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await page.getByRole('button', { name: /^Never seen on ACE\W*2\b/ }).click();
  await page.getByRole('button', { name: 'Bank', exact: true }).click();
  await expectNoSeriousViolations(page, 'status page, table');
  await page.getByLabel('Search importers').fill('no such importer');
  await expect(page.getByText('0 importers shown')).toBeVisible();
  await expectNoSeriousViolations(page, 'status page, empty search');
});

test('on the ACE page: chips and messages, the locked card, the picker’s unlock and list, the replace question', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  await addProfile(page, ACME);
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.goto(aceUrl('plain'));
  await page.locator(ROUTING).fill('021000022');
  await expect(page.locator(ROUTING)).toHaveAttribute('data-ace-ach-state', 'invalid');
  await expectAssistantText(page, /Unlock to compare with your profile/);
  await auditAssistant(page, 'a failing check digit and the locked card');

  await clickFillButton(page);
  const picker = await pickerFrame(page);
  await expect(picker.getByRole('heading', { name: 'Unlock' })).toBeVisible();
  await auditAssistant(page, 'the card with the picker open');
  await expectNoSeriousViolationsInFrame(picker, 'the picker, locked');
  await picker.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await picker.getByRole('button', { name: 'Unlock' }).click();
  await expect(picker.getByRole('button', { name: /^Acme main/ })).toBeVisible();
  await expectNoSeriousViolationsInFrame(picker, 'the picker, listing profiles');
  await picker.getByRole('button', { name: /^Acme main/ }).click();
  await expectAssistantText(page, /Replace what the form holds\?/);
  await auditAssistant(page, 'the replace question');
});

test('on the ACE page: the other-importer question, the card’s profile choice, the submit guard', async ({ page, extensionId }) => {
  await createVault(page, extensionId);
  await addProfile(page, GLOBEX);
  await addProfile(page, { ...GLOBEX, label: 'Globex old bank', routing: '021000021', bankName: 'JPMorgan Chase Bank' });
  await page.goto(aceUrl('two-profiles'));
  await page.locator(ROUTING).fill('021000021');
  await expectAssistantText(page, /Several profiles match importer 98-765432100/);
  await auditAssistant(page, 'the card asking which profile to compare with');

  await page.goto(aceUrl('plain'));
  await clickFillButton(page);
  const picker = await pickerFrame(page);
  await picker.getByRole('button', { name: /^Globex main/ }).click();
  await expectAssistantText(page, /Fill another importer's bank details\?/);
  await auditAssistant(page, 'the other-importer question');
  await page.keyboard.press('Escape');

  await page.locator(ROUTING).fill('021000022');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectAssistantText(page, /Save with these problems\?/);
  await auditAssistant(page, 'the submit guard');
});
