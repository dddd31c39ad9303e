/**
 * Keeps the style of our one element in the page (`ace-ach-assist-ui`) ours alone, against a
 * page that would hide it and have the user click it unseen (clickjacking). Every
 * property that decides whether it is seen is set twice, both with `!important`:
 * - in the shadow root's `:host` rule (HOST_STYLE), which no page rule can beat: for important
 *   declarations the inner (shadow) context wins over the page's, even over its inline style;
 * - inline on the element, re-asserted whenever the page changes its attributes or adds a
 *   `<style>`/`<link>` to the document (a MutationObserver).
 * A page that moves the element elsewhere (inside a faded wrapper) gets it put back. What no
 * style can stop (a filter on `<html>`, a cover above it, the element taken away) is for the
 * visibility gate; `tampered()` tells the gate when the computed style is not ours after all.
 */

/** The properties that decide whether (and where) the host is seen, with the values we keep. */
const HOST_PROPERTIES: readonly (readonly [string, string])[] = [
  ['display', 'block'],
  ['position', 'fixed'],
  ['top', '0px'],
  ['left', '0px'],
  ['right', 'auto'],
  ['bottom', 'auto'],
  ['width', '0px'],
  ['height', '0px'],
  ['margin', '0px'],
  ['overflow', 'visible'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['z-index', '2147483647'],
  ['transform', 'none'],
  ['translate', 'none'],
  ['rotate', 'none'],
  ['scale', 'none'],
  ['filter', 'none'],
  ['backdrop-filter', 'none'],
  ['clip-path', 'none'],
  ['mask', 'none'],
  ['mix-blend-mode', 'normal'],
  ['pointer-events', 'auto'],
  ['contain', 'none'],
  ['content-visibility', 'visible'],
  ['zoom', '1'],
  ['transition', 'none'],
  ['animation', 'none'],
];

/** Checked in the computed style when a click is judged: what a browser reports for each. */
const CHECKED = ['display', 'position', 'visibility', 'opacity', 'z-index', 'transform', 'filter', 'clip-path', 'mix-blend-mode'];

const declarations = HOST_PROPERTIES.map(([name, value]) => `${name}: ${value} !important;`).join(' ');

/** The host's own rule in the shadow root; its pseudo-elements (a page could draw a cover with them) are off. */
export const HOST_STYLE = `:host { all: initial !important; ${declarations} }
  :host::before, :host::after { content: none !important; display: none !important; }`;

/** The inline style attribute we keep on the host. */
export const HOST_INLINE_STYLE = `all: initial !important; ${declarations}`;

/**
 * Beyond this many re-assertions a second the page is fighting us: we stop until the next second
 * (no endless ping-pong of observers); the `:host` rule still holds, and `tampered()` judges.
 */
const MAX_FIXES_PER_SECOND = 20;

export interface HostStyleGuard {
  /** Whether the page has changed how the host is shown in a way we could not undo. */
  tampered(): boolean;
}

export interface HostStyleGuardOptions {
  readonly doc: Document;
  readonly signal: AbortSignal;
  readonly now?: () => number;
  /** getComputedStyle, injectable for DOM tests without a cascade. */
  readonly computedStyle?: (element: Element) => { getPropertyValue(name: string): string };
}

export function guardHostStyle(host: HTMLElement, options: HostStyleGuardOptions): HostStyleGuard {
  const { doc, signal } = options;
  const now = options.now ?? (() => Date.now());
  const view = doc.defaultView;
  const computedStyle = options.computedStyle ?? ((element: Element) => view!.getComputedStyle(element));
  let windowStart = now();
  let fixes = 0;
  let placed = false;

  /** Counts a re-assertion; false once the page has made us fix too many within this second. */
  function mayFix(): boolean {
    if (now() - windowStart >= 1000 || now() < windowStart) {
      windowStart = now();
      fixes = 0;
    }
    return ++fixes <= MAX_FIXES_PER_SECOND;
  }

  function assertStyle() {
    const stray = host.getAttributeNames().filter((name) => name !== 'style');
    if (host.getAttribute('style') === HOST_INLINE_STYLE && stray.length === 0) return;
    if (!mayFix()) return;
    for (const name of stray) host.removeAttribute(name);
    host.setAttribute('style', HOST_INLINE_STYLE);
  }

  function assertPlace() {
    if (host.isConnected) placed = true;
    if (!placed || host.parentNode === doc.documentElement || signal.aborted) return;
    // Moved into a wrapper (whose opacity or filter would apply to us) or taken out: back on <html>.
    if (mayFix()) doc.documentElement.append(host);
  }

  assertStyle();
  const observer = new MutationObserver((records) => {
    if (signal.aborted) return;
    if (records.some((record) => record.type === 'attributes')) assertStyle();
    if (records.some((record) => record.type === 'childList')) {
      assertPlace();
      // A new stylesheet: the inline style must still be ours (a link's rules come when it loads).
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeName === 'LINK') node.addEventListener('load', assertStyle, { once: true, signal });
        }
      }
      assertStyle();
    }
  });
  observer.observe(host, { attributes: true });
  const watchChildren = () => {
    for (const parent of [doc.documentElement, doc.head, doc.body]) if (parent) observer.observe(parent, { childList: true });
  };
  watchChildren();
  // The page may replace <head> or <body>: their children are watched anew.
  doc.addEventListener('DOMContentLoaded', watchChildren, { once: true, signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });

  return {
    tampered() {
      if (!host.isConnected) return true;
      const style = computedStyle(host);
      return CHECKED.some((name) => {
        const expected = HOST_PROPERTIES.find(([property]) => property === name)![1];
        const actual = style.getPropertyValue(name);
        return actual !== '' && actual !== expected;
      });
    },
  };
}
