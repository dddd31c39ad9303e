// @vitest-environment happy-dom
/**
 * The page assistant's importer wiring: the top frame marks the importer's number and tells the
 * background (page/importer, the candidates when unclear); a frame holding the form asks again
 * while the top frame has not said it; a combobox's choice is sent as its value, and a refused
 * comparison is said on the card rather than dropped.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPageAssistant } from '@/utils/content/assistant/page-assistant';
import { FIELD_ATTRIBUTE } from '@/utils/content/field-marks';

interface Sent {
  type: string;
  payload: Record<string, unknown>;
}

let controller: AbortController;
let sent: Sent[];
/** page/compare answers, taken in turn; the last one repeats. */
let compareAnswers: Record<string, unknown>[];

const UNKNOWN = { vault: 'unlocked', importerNumbers: [], match: 'unknown-importer', choices: [], verdicts: [] };
const KNOWN = { ...UNKNOWN, importerNumbers: ['12-345678900'], match: 'none' };

async function transport(message: unknown) {
  const { type, payload } = message as Sent;
  sent.push({ type, payload });
  if (type === 'page/compare') return { ok: true, data: compareAnswers.length > 1 ? compareAnswers.shift() : compareAnswers[0] };
  if (type === 'page/settings') return { ok: true, data: { submitGuard: false } };
  if (type === 'directory/lookup') return { ok: false, error: { code: 'not-found', message: 'No directory.' } };
  return { ok: true, data: { done: true } };
}

function start(isTopFrame: boolean) {
  startPageAssistant({
    doc: document,
    signal: controller.signal,
    // The importer retries (3 s) run at once here.
    setTimeout: (callback, ms) => setTimeout(callback, Math.min(ms, 5)),
    transport,
    isTopFrame,
    extensionUrl: (path) => `chrome-extension://test${path}`,
    onCommand: () => {},
    isVisible: () => true,
  });
}

async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

const FORM = `
  <label for="r">Bank Routing Number</label><input id="r">
  <label for="a">Bank Account Number</label><input id="a">
  <label for="k">Bank Control Key</label>
  <div id="k" role="combobox" aria-labelledby="kl"><span>02 - Savings</span>
    <div role="listbox"><div role="option" data-value="01">01 - Checking</div><div role="option" data-value="02" aria-selected="true">02 - Savings</div></div></div>`;

beforeEach(() => {
  controller = new AbortController();
  sent = [];
  compareAnswers = [UNKNOWN];
});
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
  document.documentElement.querySelector('ace-ach-assist-ui')?.remove();
});

describe('page assistant: the importer', () => {
  it("marks the importer's number in the top frame and reports it, not the broker's", async () => {
    document.body.innerHTML = `<header><h1>Acme Imports LLC</h1><p><span>IR #:</span> <span id="ir">12-345678900</span></p>
      <p><span>Broker</span> <span>98-765432100</span></p></header>`;
    start(true);
    await until(() => sent.some((message) => message.type === 'page/importer'));
    expect(sent.find((message) => message.type === 'page/importer')?.payload).toEqual({ importerNumbers: ['12-345678900'] });
    expect(document.getElementById('ir')!.getAttribute(FIELD_ATTRIBUTE)).toBe('importer-number');
    expect(document.querySelectorAll(`[${FIELD_ATTRIBUTE}]`)).toHaveLength(1);
    controller.abort();
    expect(document.getElementById('ir')!.hasAttribute(FIELD_ATTRIBUTE)).toBe(false);
  });

  it('sends the candidates when nothing says which number is the importer’s, and marks none', async () => {
    document.body.innerHTML = `<p>12-345678900</p><p>12-345678901</p>`;
    start(true);
    await until(() => sent.some((message) => message.type === 'page/importer'));
    expect(sent.find((message) => message.type === 'page/importer')?.payload).toEqual({
      importerNumbers: [],
      candidates: ['12-345678900', '12-345678901'],
    });
    expect(document.querySelectorAll(`[${FIELD_ATTRIBUTE}="importer-number"]`)).toHaveLength(0);
  });

  it('in a frame, asks again while the top frame has not said the importer, and sends the combobox’s choice', async () => {
    document.body.innerHTML = FORM;
    compareAnswers = [UNKNOWN, UNKNOWN, KNOWN];
    start(false);
    await until(() => sent.filter((message) => message.type === 'page/compare').length >= 3);
    expect(sent.some((message) => message.type === 'page/importer')).toBe(false);
    const compare = sent.find((message) => message.type === 'page/compare')!.payload;
    expect(compare.form).toEqual({ routing: '', account: '', accountType: '02 02 - Savings' });
  });
});
