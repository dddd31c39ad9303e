// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"enableIframePageLoading":true}}
/**
 * The fill flow against clickjacking: a profile chosen in a picker whose frame the page hid or
 * covered is not even fetched (no page/fill), and the user is told why; the other-importer
 * question is asked through the visibility gate, so a hidden "Fill anyway" fills nothing; where
 * the browser does not track visibility (Firefox) it is asked in the extension's own window.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssistantUi } from '@/utils/content/assistant/assistant-ui';
import { createFillFlow } from '@/utils/content/assistant/fill-flow';
import type { DetectedField, DetectedForm } from '@/utils/content/detected-form';
import type { VisibilityGate } from '@/utils/content/visibility-gate';

const TOKEN = '0123456789abcdef0123456789abcdef';
const HIDDEN = 'This page covered or hid ACE ACH Assist; nothing was filled.';

let controller: AbortController;
let overlay: HTMLElement;
let requests: { type: string; payload: unknown }[];
let hidden: Set<string>;
let tracked: boolean;
/** The answer of our window to page/confirm-importer. */
let windowAnswer: boolean;

function fieldOf(kind: DetectedField['kind'], element: HTMLElement): DetectedField {
  return { kind, control: 'input', element, classification: { kind, confidence: 1, evidence: [], notes: [] } };
}

/** Judges the picker frame by `hidden.has('frame')`, a dialog button by its label. */
const gate: VisibilityGate = {
  get tracked() {
    return tracked;
  },
  watch() {},
  unwatch() {},
  check: async (element) => !hidden.has(element.localName === 'iframe' ? 'frame' : (element.textContent ?? '')),
};

const FILL_ANSWER = {
  profileId: 'p-acme',
  profileLabel: 'Acme main',
  profileImporter: '12-345678900',
  pageImporter: '98-765432100',
  importerMatch: 'other',
  values: { routing: '021000021', account: '000123456789', accountType: 'checking' },
};

function flow() {
  const routing = document.createElement('input');
  const account = document.createElement('input');
  document.body.append(routing, account);
  // happy-dom has no layout: the fields and the page get a box, so the fill sees them as the user would.
  for (const [name, value] of [['clientWidth', 1024], ['clientHeight', 768]] as const) {
    Object.defineProperty(document.documentElement, name, { configurable: true, value });
  }
  routing.getBoundingClientRect = () => ({ left: 10, top: 10, width: 200, height: 24, right: 210, bottom: 34, x: 10, y: 10 }) as DOMRect;
  account.getBoundingClientRect = () => ({ left: 10, top: 50, width: 200, height: 24, right: 210, bottom: 74, x: 10, y: 50 }) as DOMRect;
  const form: DetectedForm = { fields: [fieldOf('routing', routing), fieldOf('account', account)], onFile: [] };
  const ui: AssistantUi = { render() {}, announce() {}, flash() {}, reposition() {}, overlay, gate };
  const fill = createFillFlow({
    doc: document,
    signal: controller.signal,
    transport: async (message) => {
      const { type, payload } = message as { type: string; payload: unknown };
      requests.push({ type, payload });
      if (type === 'page/picker-open') return { ok: true, data: { token: TOKEN } };
      if (type === 'page/fill') return { ok: true, data: FILL_ANSWER };
      if (type === 'page/confirm-importer') return { ok: true, data: { fill: windowAnswer } };
      return { ok: true, data: { done: true } };
    },
    ui,
    form: () => form,
    extensionUrl: (path) => `about:blank${path.slice(path.indexOf('#'))}`,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    afterFill() {},
  });
  return { fill, routing, account };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
const dialogs = () => Array.from(overlay.querySelectorAll('[role="alertdialog"]'));
const types = () => requests.map((request) => request.type);

beforeEach(() => {
  controller = new AbortController();
  overlay = document.createElement('div');
  document.body.append(overlay);
  requests = [];
  hidden = new Set();
  tracked = true;
  windowAnswer = false;
});

afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
  for (const name of ['clientWidth', 'clientHeight']) delete (document.documentElement as unknown as Record<string, unknown>)[name];
});

describe('a choice made in the picker', () => {
  it('is fetched and asked about when the picker frame is seen', async () => {
    const { fill } = flow();
    await fill.openPicker();
    expect(fill.onCommand({ type: 'ace-ach/fill-ready', token: TOKEN })).toBe(true);
    await tick();
    expect(types()).toEqual(['page/picker-open', 'page/fill']);
    expect(dialogs()[0]!.textContent).toContain("Fill another importer's bank details?");
  });

  it('is not even fetched when the page hid or covered the picker frame, and the user is told why', async () => {
    hidden.add('frame');
    const { fill } = flow();
    await fill.openPicker();
    expect(fill.onCommand({ type: 'ace-ach/fill-ready', token: TOKEN })).toBe(true);
    await tick();
    expect(types()).toEqual(['page/picker-open']);
    expect(dialogs()).toHaveLength(1);
    expect(dialogs()[0]!.textContent).toContain('ACE ACH Assist ignored a click');
    expect(dialogs()[0]!.textContent).toContain(HIDDEN);
    expect(overlay.querySelector('iframe')!.style.visibility).toBe('hidden');
  });
});

describe('the other-importer question', () => {
  it('a hidden “Fill anyway” fills nothing and reports nothing filled', async () => {
    hidden.add('Fill anyway');
    const { fill, routing, account } = flow();
    await fill.openPicker();
    fill.onCommand({ type: 'ace-ach/fill-ready', token: TOKEN });
    await tick();
    const anyway = Array.from(dialogs()[0]!.querySelectorAll('button')).find((button) => button.textContent === 'Fill anyway')!;
    anyway.click();
    await tick();
    expect(routing.value).toBe('');
    expect(account.value).toBe('');
    expect(requests.at(-1)).toEqual({ type: 'page/fill-done', payload: { token: TOKEN, filled: [], page: document.location.href } });
    expect(dialogs().map((box) => box.textContent).join('\n')).toContain(HIDDEN);
  });

  it('a seen “Fill anyway” fills', async () => {
    const { fill, routing, account } = flow();
    await fill.openPicker();
    fill.onCommand({ type: 'ace-ach/fill-ready', token: TOKEN });
    await tick();
    Array.from(dialogs()[0]!.querySelectorAll('button')).find((button) => button.textContent === 'Fill anyway')!.click();
    await tick();
    expect(routing.value).toBe('021000021');
    expect(account.value).toBe('000123456789');
  });
});

describe('where the browser does not track visibility (Firefox)', () => {
  it("asks the other-importer question in our window, never on the page: Cancel there fills nothing", async () => {
    tracked = false;
    const { fill, routing } = flow();
    await fill.openPicker();
    fill.onCommand({ type: 'ace-ach/fill-ready', token: TOKEN });
    await tick();
    expect(types()).toEqual(['page/picker-open', 'page/fill', 'page/confirm-importer', 'page/fill-done']);
    expect(requests[2]!.payload).toEqual({ token: TOKEN });
    expect(dialogs()).toHaveLength(0);
    expect(routing.value).toBe('');
  });

  it('fills when the window answers Fill anyway', async () => {
    tracked = false;
    windowAnswer = true;
    const { fill, routing, account } = flow();
    await fill.openPicker();
    fill.onCommand({ type: 'ace-ach/fill-ready', token: TOKEN });
    await tick();
    expect(dialogs()).toHaveLength(0);
    expect(routing.value).toBe('021000021');
    expect(account.value).toBe('000123456789');
  });
});
