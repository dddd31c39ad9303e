// @vitest-environment happy-dom
/**
 * The content script's page/user-activity: sent for the user's own (trusted) key presses,
 * pastes and pointer presses on a recognised field or our UI, at most once per
 * ACTIVITY_REPORT_MS with the last of a burst sent when its time comes; never for a page
 * script's synthetic events, nor for anything elsewhere on the page. (happy-dom has no
 * isTrusted: a trusted event is made here by defining it, as the browser does for real input.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTIVITY_REPORT_MS, startUserActivityReports } from '@/utils/content/assistant/user-activity';
import { startPageAssistant } from '@/utils/content/assistant/page-assistant';
import { UI_HOST_TAG } from '@/utils/content/ui-host';

let controller: AbortController;
let sent: string[];
let clock: number;
let timers: { at: number; callback: () => void }[];

const transport = async (message: unknown) => {
  const { type } = message as { type: string };
  sent.push(type);
  return { ok: true, data: REPLIES[type] };
};
const REPLIES: Record<string, unknown> = {
  'page/user-activity': { done: true },
  'page/settings': { submitGuard: false },
  'page/compare': { vault: 'unlocked', importerNumbers: [], match: 'unknown-importer', choices: [], verdicts: [] },
  'directory/lookup': { imported: false, found: false, suggestions: [] },
  'page/form': { done: true },
  'page/importer': { done: true },
};

/** An event as the browser makes it from real input (`trusted`) or as a page script does. */
function fire(target: EventTarget, type: string, trusted: boolean) {
  const event = type === 'keydown' ? new KeyboardEvent(type, { bubbles: true, composed: true, key: '1' }) : new Event(type, { bubbles: true, composed: true });
  if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

/** The test's clock moves; timers due by then run. */
function advance(ms: number) {
  clock += ms;
  for (const timer of timers.filter((t) => t.at <= clock)) {
    timers.splice(timers.indexOf(timer), 1);
    timer.callback();
  }
}

function reporter(isOurs: (event: Event) => boolean) {
  return startUserActivityReports({
    doc: document,
    signal: controller.signal,
    transport,
    setTimeout: (callback, ms) => timers.push({ at: clock + ms, callback }),
    now: () => clock,
    isOurs,
  });
}

const reports = () => sent.filter((type) => type === 'page/user-activity').length;

beforeEach(() => {
  controller = new AbortController();
  sent = [];
  clock = 1_000_000;
  timers = [];
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
  document.body.replaceChildren();
  document.documentElement.querySelector(UI_HOST_TAG)?.remove();
});

describe('startUserActivityReports', () => {
  it('reports trusted key presses, pastes and pointer presses on our elements only', () => {
    document.body.innerHTML = '<input id="ours"><input id="theirs">';
    const ours = document.getElementById('ours')!;
    reporter((event) => event.composedPath()[0] === ours);
    for (const type of ['keydown', 'paste', 'pointerdown']) {
      fire(document.getElementById('theirs')!, type, true);
      expect(reports(), `${type} elsewhere`).toBe(0);
      fire(ours, type, false);
      expect(reports(), `synthetic ${type}`).toBe(0);
      fire(ours, type, true);
      expect(reports(), `trusted ${type}`).toBe(1);
      advance(ACTIVITY_REPORT_MS);
      sent = [];
    }
  });

  it('never reports input or focus, which a page script can make trusted (execCommand, focus())', () => {
    document.body.innerHTML = '<input id="ours">';
    const ours = document.getElementById('ours')!;
    reporter(() => true);
    for (const type of ['input', 'beforeinput', 'focus', 'focusin', 'change', 'click']) fire(ours, type, true);
    expect(reports()).toBe(0);
  });

  it('sends one report at once, then the last of a burst when the interval is over', () => {
    document.body.innerHTML = '<input id="ours">';
    const ours = document.getElementById('ours')!;
    reporter(() => true);
    fire(ours, 'keydown', true);
    expect(reports()).toBe(1);
    for (let i = 0; i < 10; i++) {
      advance(1_000);
      fire(ours, 'keydown', true);
    }
    expect(reports()).toBe(1);
    advance(ACTIVITY_REPORT_MS - 10_001);
    expect(reports()).toBe(1);
    advance(1);
    expect(reports()).toBe(2);
    // Quiet afterwards: nothing more.
    advance(5 * ACTIVITY_REPORT_MS);
    expect(reports()).toBe(2);
    fire(ours, 'pointerdown', true);
    expect(reports()).toBe(3);
  });

  it('hears a field inside a closed shadow root once told to follow it', () => {
    const host = document.createElement('c-bank');
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = '<input>';
    document.body.append(host);
    const input = root.querySelector('input')!;
    // As in a browser: outside the closed root, the path starts at its host.
    const composedPath = Event.prototype.composedPath;
    vi.spyOn(Event.prototype, 'composedPath').mockImplementation(function (this: Event) {
      const path = composedPath.call(this);
      return this.currentTarget === document ? path.slice(path.indexOf(host)) : path;
    });
    const activity = reporter((event) => event.composedPath()[0] === input);
    fire(input, 'keydown', true);
    expect(reports()).toBe(0);
    activity.follow([input]);
    fire(input, 'keydown', true);
    expect(reports()).toBe(1);
  });

  it('stops with the content script', () => {
    document.body.innerHTML = '<input id="ours">';
    const ours = document.getElementById('ours')!;
    reporter(() => true);
    fire(ours, 'keydown', true);
    fire(ours, 'keydown', true);
    controller.abort();
    advance(ACTIVITY_REPORT_MS);
    fire(ours, 'keydown', true);
    expect(reports()).toBe(1);
  });
});

describe('the page assistant', () => {
  async function settle() {
    for (let i = 0; i < 8; i++) await new Promise((resolve) => setTimeout(resolve, 40));
  }

  it("reports the user's key presses on a bank field and clicks on our UI, never a page script's events", async () => {
    document.body.innerHTML = `
      <label for="r">Bank Routing Number</label><input id="r" maxlength="9">
      <label for="a">Bank Account Number</label><input id="a" maxlength="17">
      <label for="n">Notes</label><input id="n">`;
    startPageAssistant({
      doc: document,
      signal: controller.signal,
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      transport,
      isTopFrame: false,
      extensionUrl: (path) => `chrome-extension://test${path}`,
      onCommand: () => {},
      detection: { isVisible: () => true, afterLayout: (callback) => callback(), batchDelayMs: 0 },
    });
    await settle();
    const account = document.getElementById('a') as HTMLInputElement;
    expect(account.getAttribute('data-ace-ach-field')).toBe('account');
    // The attack: synthetic typing, again and again. The page compares, but says nothing of the user.
    for (let i = 0; i < 3; i++) {
      account.value = `00012345678${i}`;
      fire(account, 'keydown', false);
      fire(account, 'input', false);
      await settle();
    }
    expect(sent).toContain('page/compare');
    fire(document.getElementById('n')!, 'keydown', true);
    expect(reports()).toBe(0);
    fire(account, 'keydown', true);
    expect(reports()).toBe(1);
  });

  it('counts a trusted click on our UI (the Fill button, the dialogs, the card)', async () => {
    document.body.innerHTML = `
      <label for="r">Bank Routing Number</label><input id="r" maxlength="9">
      <label for="a">Bank Account Number</label><input id="a" maxlength="17">`;
    startPageAssistant({
      doc: document,
      signal: controller.signal,
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      transport,
      isTopFrame: false,
      extensionUrl: (path) => `chrome-extension://test${path}`,
      onCommand: () => {},
      detection: { isVisible: () => true, afterLayout: (callback) => callback(), batchDelayMs: 0 },
    });
    await settle();
    const host = document.documentElement.querySelector(UI_HOST_TAG)!;
    expect(host).not.toBeNull();
    fire(host, 'pointerdown', false);
    expect(reports()).toBe(0);
    // A look-alike host of the page's making is not ours.
    const fake = document.createElement(UI_HOST_TAG);
    document.body.append(fake);
    fire(fake, 'pointerdown', true);
    expect(reports()).toBe(0);
    fire(host, 'pointerdown', true);
    expect(reports()).toBe(1);
  });
});
