/**
 * The document and every open shadow root below it: MutationObserver and querySelectorAll stop
 * at shadow boundaries, so each root is watched and searched on its own.
 */
export function collectShadowRoots(root: Document | ShadowRoot, into: Set<ShadowRoot>): void {
  const walker = (root instanceof Document ? root : root.ownerDocument).createTreeWalker(
    root,
    NodeFilter.SHOW_ELEMENT,
  );
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const shadow = (node as Element).shadowRoot;
    if (shadow && !into.has(shadow)) {
      into.add(shadow);
      collectShadowRoots(shadow, into);
    }
  }
}
