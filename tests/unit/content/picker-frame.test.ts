// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"enableIframePageLoading":true}}
/**
 * The profile picker's iframe on the page: where it goes, what closes it (its own close message,
 * only from that very frame; Escape; a click elsewhere), where focus goes back, and that it is
 * hidden at once but removed only after the timer. Iframe loading is on (about:blank only) so
 * the frame has a contentWindow to be the message's source, as in a browser.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PICKER_SIZE, openPickerFrame, pickerSpot, type PickerFrameOptions } from '@/utils/content/assistant/picker-frame';
import { PICKER_CLOSE_MESSAGE } from '@/utils/messaging/picker-messages';

const URL = 'about:blank#0123456789abcdef0123456789abcdef';
const TOKEN = '0123456789abcdef0123456789abcdef';

let controller: AbortController;
let container: HTMLElement;

beforeEach(() => {
  controller = new AbortController();
  // As on the page: the frame lives inside the assistant's shadow root.
  const host = document.createElement('ace-ach-assist-ui');
  document.body.append(host);
  container = document.createElement('div');
  host.attachShadow({ mode: 'open' }).append(container);
});

afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

function open(extra: Partial<PickerFrameOptions> = {}) {
  const timers: { callback: () => void; ms: number }[] = [];
  const onClosed = vi.fn();
  const picker = openPickerFrame({
    doc: document,
    container,
    url: URL,
    token: TOKEN,
    signal: controller.signal,
    setTimeout: (callback, ms) => timers.push({ callback, ms }),
    onClosed,
    ...extra,
  });
  const frame = container.querySelector('iframe')!;
  const runTimers = () => timers.splice(0).forEach(({ callback }) => callback());
  return { picker, frame, timers, runTimers, onClosed };
}

function pageInput(id = 'routing') {
  const input = document.createElement('input');
  input.id = id;
  document.body.append(input);
  return input;
}

const post = (data: unknown, source: MessageEventSource | null) =>
  window.dispatchEvent(new MessageEvent('message', { data, source }));

describe('opening', () => {
  it('appends one iframe with the url into the container, below the anchor', () => {
    const anchor = pageInput();
    anchor.getBoundingClientRect = () => ({ left: 120, top: 80, bottom: 110, right: 300, width: 180, height: 30, x: 120, y: 80 }) as DOMRect;
    const { picker, frame } = open({ anchor });
    expect(container.querySelectorAll('iframe')).toHaveLength(1);
    expect(frame.getAttribute('src')).toBe(URL);
    expect(frame.className).toBe('picker');
    expect(frame.title).toBe('ACE ACH Assist: choose a bank profile');
    expect(picker.token).toBe(TOKEN);
    const spot = pickerSpot({ left: 120, top: 80, right: 300, bottom: 110 }, { width: window.innerWidth, height: window.innerHeight });
    expect(spot).toEqual({ left: 120, top: 116, height: PICKER_SIZE.height });
    expect(frame.style.left).toBe('120px');
    expect(frame.style.top).toBe('116px');
    expect(frame.style.width).toBe(`${PICKER_SIZE.width}px`);
    expect(frame.style.height).toBe(`${PICKER_SIZE.height}px`);
    expect(frame.style.visibility).toBe('');
    // Nothing of ours lands in the page's own DOM.
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
  });

  it('without an anchor, opens in the bottom-right corner', () => {
    const { frame } = open();
    const spot = pickerSpot(undefined, { width: window.innerWidth, height: window.innerHeight });
    expect(frame.style.left).toBe(`${spot.left}px`);
    expect(frame.style.top).toBe(`${spot.top}px`);
  });

  it('the frame has a window of its own here (so the source checks below mean something)', () => {
    const { frame } = open();
    expect(frame.contentWindow).toBeTruthy();
    expect(frame.contentWindow).not.toBe(window);
  });
});

describe("the picker's close message", () => {
  it('closes when it comes from the frame itself, and gives the focus back', () => {
    const opener = pageInput();
    const { frame, onClosed } = open({ opener });
    post(PICKER_CLOSE_MESSAGE, frame.contentWindow);
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(frame.style.visibility).toBe('hidden');
    expect(document.activeElement).toBe(opener);
  });

  it('does not close for the same message from another window', () => {
    const { frame, onClosed } = open();
    post(PICKER_CLOSE_MESSAGE, window);
    post({ ...PICKER_CLOSE_MESSAGE }, null);
    const other = document.createElement('iframe');
    other.src = 'about:blank';
    document.body.append(other);
    post(PICKER_CLOSE_MESSAGE, other.contentWindow);
    expect(onClosed).not.toHaveBeenCalled();
    expect(frame.style.visibility).toBe('');
  });

  it('does not close for another message from the frame', () => {
    const { frame, onClosed } = open();
    post({ source: 'ace-ach-assist-picker', type: 'open' }, frame.contentWindow);
    post('close', frame.contentWindow);
    expect(onClosed).not.toHaveBeenCalled();
  });
});

describe('Escape and clicks elsewhere', () => {
  it('Escape on the page closes and gives the focus back', () => {
    const opener = pageInput();
    const { frame, onClosed } = open({ opener });
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onClosed).not.toHaveBeenCalled();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(frame.style.visibility).toBe('hidden');
    expect(document.activeElement).toBe(opener);
  });

  it('a pointerdown elsewhere on the page closes without moving the focus', () => {
    const opener = pageInput('opener');
    const elsewhere = pageInput('elsewhere');
    const { frame, onClosed } = open({ opener });
    elsewhere.focus();
    elsewhere.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(frame.style.visibility).toBe('hidden');
    expect(document.activeElement).toBe(elsewhere);
  });

  it('a pointerdown the page gets within the frame’s box does not close (a frame just shown), one outside does', () => {
    const { frame, onClosed } = open();
    frame.getBoundingClientRect = () => ({ left: 100, top: 100, right: 480, bottom: 540, width: 380, height: 440, x: 100, y: 100 }) as DOMRect;
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, clientX: 200, clientY: 300 }));
    expect(onClosed).not.toHaveBeenCalled();
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, clientX: 480, clientY: 300 }));
    expect(onClosed).toHaveBeenCalledTimes(1);
  });

  it('a pointerdown on the frame itself does not close', () => {
    const { frame, onClosed } = open();
    frame.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(onClosed).not.toHaveBeenCalled();
  });
});

describe('close', () => {
  it('hides the frame at once and removes it only when the timer fires', () => {
    const { picker, frame, timers, runTimers, onClosed } = open();
    picker.close(false);
    expect(frame.style.visibility).toBe('hidden');
    expect(frame.tabIndex).toBe(-1);
    expect(frame.isConnected).toBe(true);
    expect(timers.map(({ ms }) => ms)).toEqual([500]);
    expect(onClosed).toHaveBeenCalledTimes(1);
    runTimers();
    expect(frame.isConnected).toBe(false);
    expect(container.querySelector('iframe')).toBeNull();
  });

  it('close(true) gives the focus to the opener', () => {
    const opener = pageInput('opener');
    const other = pageInput('other');
    other.focus();
    const { picker } = open({ opener });
    picker.close(true);
    expect(document.activeElement).toBe(opener);
  });

  it('close(true) without an opener gives the focus back to what had it before', () => {
    const before = pageInput();
    before.focus();
    const { picker } = open();
    pageInput('later').focus();
    picker.close(true);
    expect(document.activeElement).toBe(before);
  });

  it('close(false) leaves the focus where it is', () => {
    const opener = pageInput('opener');
    const other = pageInput('other');
    const { picker } = open({ opener });
    other.focus();
    picker.close(false);
    expect(document.activeElement).toBe(other);
  });

  it('does not restore focus to an opener that left the page', () => {
    const opener = pageInput('opener');
    const other = pageInput('other');
    const { picker } = open({ opener });
    other.focus();
    opener.remove();
    picker.close(true);
    expect(document.activeElement).toBe(other);
  });

  it('closes once: later closes, messages and keys do nothing', () => {
    const { picker, frame, timers, onClosed } = open();
    picker.close(false);
    picker.close(true);
    post(PICKER_CLOSE_MESSAGE, frame.contentWindow);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(timers).toHaveLength(1);
  });
});

describe('the extension going away', () => {
  it('abort of the signal removes the frame and stops listening', () => {
    const { frame, onClosed } = open();
    const contentWindow = frame.contentWindow;
    controller.abort();
    expect(frame.isConnected).toBe(false);
    post(PICKER_CLOSE_MESSAGE, contentWindow);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(onClosed).not.toHaveBeenCalled();
  });
});
