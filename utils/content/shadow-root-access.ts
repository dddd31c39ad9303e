/**
 * Adapter for the shadow roots an extension may look into: open ones through `shadowRoot`,
 * closed ones through the browser's extension-only API (Chrome's
 * `chrome.dom.openOrClosedShadowRoot`, Firefox's `Element.openOrClosedShadowRoot`). Without
 * those APIs (tests, other browsers) only open roots are seen.
 */

export type ShadowRootOf = (element: Element) => ShadowRoot | null;

interface ChromeDomApi {
  dom?: { openOrClosedShadowRoot?: (element: HTMLElement) => ShadowRoot | null };
}
/** Firefox's is a property of the element (as content scripts see it), not a function. */
interface FirefoxElement {
  readonly openOrClosedShadowRoot?: ShadowRoot | null;
}

/**
 * Closed roots are asked for only on defined custom elements: frameworks attach them there, an
 * undefined element has none yet, and the extension API costs far more per call (and much more
 * on the first, which sets the API up) than reading `shadowRoot`.
 */
export function createShadowRootAccess(): ShadowRootOf {
  let chromeApi: ChromeDomApi['dom'] | null | undefined;
  return (element) => {
    const open = element.shadowRoot;
    if (open || !element.localName.includes('-') || !element.matches(':defined')) return open;
    try {
      chromeApi ??= (globalThis as { chrome?: ChromeDomApi }).chrome?.dom ?? null;
      if (chromeApi?.openOrClosedShadowRoot) return chromeApi.openOrClosedShadowRoot(element as HTMLElement) ?? null;
      return (element as FirefoxElement).openOrClosedShadowRoot ?? null;
    } catch {
      return null;
    }
  };
}
