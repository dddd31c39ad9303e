// @vitest-environment happy-dom
/**
 * The closed-root adapter in each browser's shape: Chrome's `chrome.dom.openOrClosedShadowRoot`
 * (a function taking the element), Firefox's `Element.openOrClosedShadowRoot` (a property of the
 * element as content scripts see it), neither (only open roots), and never on plain elements.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createShadowRootAccess } from '@/utils/content/shadow-root-access';

class ClosedHost extends HTMLElement {
  readonly root = this.attachShadow({ mode: 'closed' });
}
customElements.define('test-closed-host', ClosedHost);

function closedHost(): ClosedHost {
  const host = document.createElement('test-closed-host') as ClosedHost;
  document.body.append(host);
  // happy-dom matches no element with :defined; a browser matches this one (its class is defined).
  const matches = host.matches.bind(host);
  host.matches = (selector: string) => selector === ':defined' || matches(selector);
  return host;
}

afterEach(() => {
  document.body.replaceChildren();
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('createShadowRootAccess', () => {
  it('reads an open root directly', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    expect(createShadowRootAccess()(host)).toBe(root);
  });

  it("reads a closed root through Firefox's openOrClosedShadowRoot property", () => {
    const host = closedHost();
    Object.defineProperty(host, 'openOrClosedShadowRoot', { get: () => host.root });
    expect(host.shadowRoot).toBeNull();
    expect(createShadowRootAccess()(host)).toBe(host.root);
  });

  it("reads a closed root through Chrome's chrome.dom.openOrClosedShadowRoot", () => {
    const host = closedHost();
    (globalThis as { chrome?: unknown }).chrome = {
      dom: { openOrClosedShadowRoot: (element: Element) => (element === host ? host.root : null) },
    };
    expect(createShadowRootAccess()(host)).toBe(host.root);
  });

  it('sees no closed root where the browser offers neither API', () => {
    expect(createShadowRootAccess()(closedHost())).toBeNull();
  });

  it('does not ask for a closed root on an element that is not a defined custom element', () => {
    let asked = 0;
    const count = { get: () => (asked++, null) };
    const plain = document.createElement('section');
    const notDefined = document.createElement('not-defined-yet');
    Object.defineProperty(plain, 'openOrClosedShadowRoot', count);
    Object.defineProperty(notDefined, 'openOrClosedShadowRoot', count);
    const access = createShadowRootAccess();
    expect([access(plain), access(notDefined)]).toEqual([null, null]);
    expect(asked).toBe(0);
  });
});
