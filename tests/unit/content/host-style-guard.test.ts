// @vitest-environment happy-dom
/**
 * The host style guard: our element's inline style is ours (every property that decides whether
 * it is seen, `!important`), put back when the page changes it or adds a stylesheet, other
 * attributes removed, the element put back on <html> when the page moves it into a wrapper; a
 * page that fights is not fought without end; `tampered()` reads the computed style. (That the
 * cascade holds against page rules is for the real browser: tests/e2e/clickjacking.spec.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardHostStyle, HOST_INLINE_STYLE, HOST_STYLE } from '@/utils/content/host-style-guard';

let controller: AbortController;
let host: HTMLElement;
let clock: number;

beforeEach(() => {
  controller = new AbortController();
  clock = 0;
  host = document.createElement('ace-ach-assist-ui');
  document.documentElement.append(host);
});

afterEach(() => {
  controller.abort();
  host.remove();
  document.head.replaceChildren();
  document.body.replaceChildren();
});

/** MutationObserver callbacks run as microtasks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function guard(computed: Record<string, string> = {}) {
  return guardHostStyle(host, {
    doc: document,
    signal: controller.signal,
    now: () => clock,
    computedStyle: () => ({ getPropertyValue: (name: string) => computed[name] ?? '' }),
  });
}

describe('the style', () => {
  it('sets every property that decides whether it is seen, !important, inline and in the :host rule', () => {
    guard();
    for (const declaration of ['display: block', 'position: fixed', 'visibility: visible', 'opacity: 1', 'z-index: 2147483647', 'transform: none', 'filter: none', 'clip-path: none', 'mix-blend-mode: normal', 'pointer-events: auto', 'contain: none', 'width: 0px', 'height: 0px']) {
      expect(HOST_INLINE_STYLE).toContain(`${declaration} !important;`);
      expect(HOST_STYLE).toContain(`${declaration} !important;`);
    }
    expect(HOST_INLINE_STYLE.startsWith('all: initial !important;')).toBe(true);
    expect(HOST_STYLE).toMatch(/:host::before, :host::after \{ content: none !important; display: none !important; \}/);
    expect(host.getAttribute('style')).toBe(HOST_INLINE_STYLE);
    expect(host.style.getPropertyPriority('opacity')).toBe('important');
  });

  it('puts its style back when the page changes it, and removes the attributes the page adds', async () => {
    guard();
    host.style.setProperty('opacity', '0.01', 'important');
    host.setAttribute('class', 'faded');
    host.hidden = true;
    host.setAttribute('inert', '');
    await settle();
    expect(host.getAttribute('style')).toBe(HOST_INLINE_STYLE);
    expect(host.getAttributeNames()).toEqual(['style']);
    host.removeAttribute('style');
    await settle();
    expect(host.getAttribute('style')).toBe(HOST_INLINE_STYLE);
  });

  it('keeps it while the page adds a <style> or <link> and restyles the element in the same turn', async () => {
    guard();
    const style = document.createElement('style');
    style.textContent = 'ace-ach-assist-ui { opacity: .01 !important }';
    host.style.cssText = 'opacity: .01 !important';
    document.head.append(style);
    await settle();
    expect(host.getAttribute('style')).toBe(HOST_INLINE_STYLE);
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    document.body.append(link);
    await settle();
    host.style.cssText = 'opacity: .01 !important';
    await settle();
    expect(host.getAttribute('style')).toBe(HOST_INLINE_STYLE);
  });

  it('stops fighting a page that changes it more than 20 times a second, and fights again the next second', async () => {
    guard();
    for (let i = 0; i < 25; i++) {
      host.style.cssText = 'opacity: .01 !important';
      await settle();
    }
    expect(host.getAttribute('style')).not.toBe(HOST_INLINE_STYLE);
    clock = 1000;
    host.style.cssText = 'opacity: .02 !important';
    await settle();
    expect(host.getAttribute('style')).toBe(HOST_INLINE_STYLE);
  });

  it('stops when the content script goes away', async () => {
    guard();
    controller.abort();
    host.style.cssText = 'opacity: .01 !important';
    await settle();
    expect(host.getAttribute('style')).not.toBe(HOST_INLINE_STYLE);
  });
});

describe('the place', () => {
  it('puts the element back on <html> when the page moves it into a wrapper', async () => {
    guard();
    const wrapper = document.createElement('div');
    wrapper.style.opacity = '0.01';
    document.body.append(wrapper);
    wrapper.append(host);
    await settle();
    expect(host.parentNode).toBe(document.documentElement);
  });
});

describe('tampered()', () => {
  it('is false while the computed style is ours', () => {
    expect(guard({ opacity: '1', display: 'block', visibility: 'visible', filter: 'none' }).tampered()).toBe(false);
  });

  it('is true when a property that decides whether it is seen is not ours', () => {
    for (const [name, value] of [['opacity', '0.01'], ['visibility', 'hidden'], ['display', 'none'], ['filter', 'opacity(0)'], ['transform', 'matrix(0, 0, 0, 0, 0, 0)'], ['clip-path', 'inset(50%)'], ['z-index', '1']] as const) {
      expect(guard({ [name]: value }).tampered(), name).toBe(true);
    }
  });

  it('is true when the element is out of the page', () => {
    const g = guard();
    host.remove();
    expect(g.tampered()).toBe(true);
  });
});
