/**
 * Firefox ESR: the field detector on every practice page (each field its kind, the values on
 * file too, look-alikes and decoys none, a closed shadow root's form through
 * `Element.openOrClosedShadowRoot`), and the checks as the user types, read from the page's
 * `data-ace-ach-state` marks and the assistant's closed shadow root.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { aceUrl, launchFirefox, type FirefoxRun } from './support/firefox';
import { assistantText, button, checkState, expectAssistantText, markedControl, typeInto } from './support/steps';
import { waitForEqual, waitUntil } from './support/wait';
import { PRACTICE_PAGES, type PracticePage } from '../support/practice-pages';

let run: FirefoxRun;
let page: Page;

beforeAll(async () => {
  run = await launchFirefox();
  page = await run.browser.newPage();
});
afterAll(async () => {
  await run?.close();
});

/** Kinds marked in a frame (open shadow roots and the closed root the page hands to tests), each with its tag. */
function marks(frame: Frame): Promise<string[]> {
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
    const closed = (window as unknown as { portalClosedRoot?: ShadowRoot }).portalClosedRoot;
    if (closed) visit(closed);
    return found.sort();
  });
}

const isImporterMark = (mark: string) => mark.startsWith('importer-number:');
const bankMarks = async (frame: Frame) => (await marks(frame)).filter((mark) => !isImporterMark(mark));

/** The practice page open, its form shown (after the button it needs), in the frame that holds it. */
async function openPractice(practice: PracticePage): Promise<Frame> {
  await page.goto(aceUrl(practice.name));
  let frame = page.mainFrame();
  if (practice.inFrame) {
    frame = (await waitUntil('the form frame', () => page.frames().find((f) => f !== page.mainFrame()), (found) => found !== undefined))!;
  }
  if (practice.pressFirst) await (await button(frame, new RegExp(`^${practice.pressFirst}$`))).click();
  return frame;
}

describe('Firefox ESR: detection on every practice page', () => {
  for (const practice of PRACTICE_PAGES) {
    const title = `${practice.name}${practice.pressFirst ? ` (after ${practice.pressFirst})` : ''}: each field has its kind`;
    test(title, async () => {
      const frame = await openPractice(practice);
      await waitForEqual(`${practice.name}'s marks`, () => bankMarks(frame), practice.marks);
      // The importer's number is marked in the top frame, where the page shows it; a form in a
      // frame leaves the top frame no bank field.
      const top = await waitUntil('the importer number marked', () => marks(page.mainFrame()), (all) => all.some(isImporterMark));
      if (practice.inFrame) assert.deepEqual(top.filter((mark) => !isImporterMark(mark)), []);
    });
  }

  test('the decoys (hidden, display:none, off-screen) are not the form', async () => {
    await page.goto(aceUrl('decoy'));
    await waitUntil('the routing field marked', () => page.$eval('#ach-routing', (e) => e.getAttribute('data-ace-ach-field')), (kind) => kind === 'routing');
    const decoys = await page.$$eval('input[type=hidden][name=routingNumber], #legacy-routing, #offscreen-routing', (inputs) =>
      inputs.map((input) => input.getAttribute('data-ace-ach-field')),
    );
    assert.deepEqual(decoys, [null, null, null]);
  });
});

describe('Firefox ESR: checks as the user types', () => {
  test('a failing check digit, a prefix for traveler\u2019s cheques, then good numbers (Lightning, open shadow roots)', async () => {
    await page.goto(aceUrl('lightning'));
    const frame = page.mainFrame();
    const routing = await markedControl(frame, 'routing');
    await typeInto(routing, '021000022');
    await waitForEqual('routing invalid', () => checkState(routing), 'invalid');
    await expectAssistantText(frame, /fails the check-digit test/);

    await typeInto(routing, '800000006');
    await expectAssistantText(frame, /traveler's cheques; ACH refunds need your bank's ACH routing number/);

    await typeInto(routing, '021000021');
    const account = await markedControl(frame, 'account');
    await typeInto(account, '000123456789');
    await waitForEqual('routing ok', () => checkState(routing), 'ok');
    await waitForEqual('account ok', () => checkState(account), 'ok');
    // Our UI is in a closed shadow root: the page cannot read it.
    assert.equal(await page.$eval('ace-ach-assist-ui', (host) => host.shadowRoot), null);
  });

  test('a confirmation that differs is named without repeating the number (plain form)', async () => {
    await page.goto(aceUrl('plain'));
    const frame = page.mainFrame();
    const account = await markedControl(frame, 'account');
    const confirm = await markedControl(frame, 'account-confirm');
    await typeInto(account, '000123456789');
    await typeInto(confirm, '000123456780');
    await waitForEqual('confirmation mismatch', () => checkState(confirm), 'mismatch');
    await expectAssistantText(frame, /differ at position 12/);
    assert.ok(!(await assistantText(frame)).includes('000123456789'));
    await typeInto(confirm, '000123456789');
    await waitForEqual('confirmation ok', () => checkState(confirm), 'ok');
  });

  test('a form inside the page\u2019s closed shadow root is checked as typed (openOrClosedShadowRoot)', async () => {
    await page.goto(aceUrl('closed-shadow'));
    const frame = page.mainFrame();
    const routing = await markedControl(frame, 'routing');
    await typeInto(routing, '021000022');
    await waitForEqual('routing invalid', () => checkState(routing), 'invalid');
    await expectAssistantText(frame, /fails the check-digit test/);
    await typeInto(routing, '021000021');
    await waitForEqual('routing ok', () => checkState(routing), 'ok');
  });

  test('a form in a sandboxed frame is checked for format only, never against profiles', async () => {
    const frame = await openPractice({ name: 'sandboxed', inFrame: true, marks: [] });
    await expectAssistantText(frame, /This form is in a sandboxed frame: only the format of its values is checked, never against your saved profiles\./);
    const routing = await markedControl(frame, 'routing');
    await typeInto(routing, '021000022');
    await waitForEqual('routing invalid', () => checkState(routing), 'invalid');
  });

  test('a form in a frame of the page is checked as typed (top-frame variant)', async () => {
    const frame = await openPractice({ name: 'top-frame', inFrame: true, marks: [] });
    const routing = await markedControl(frame, 'routing');
    await typeInto(routing, '021000022');
    await waitForEqual('routing invalid', () => checkState(routing), 'invalid');
    await expectAssistantText(frame, /fails the check-digit test/);
  });
});
