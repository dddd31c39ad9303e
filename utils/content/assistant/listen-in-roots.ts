/**
 * Listens inside the shadow roots that hold the form's fields. An event from a closed root
 * reaches the document retargeted to the root's host (composedPath() stops there), `change`
 * and `scroll` never leave a shadow root at all: a listener on the root itself sees the real
 * target. Roots the form left are let go; everything ends with the content script's signal.
 */
import { isShadowRoot } from '../field-label-text';

export interface RootListeners {
  /** Listens in every shadow root around `elements` (innermost to the document), and only there. */
  follow(elements: Iterable<Element>): void;
}

export function createRootListeners(
  signal: AbortSignal,
  types: readonly string[],
  listener: (event: Event) => void,
): RootListeners {
  const roots = new Map<ShadowRoot, AbortController>();
  signal.addEventListener(
    'abort',
    () => {
      for (const controller of roots.values()) controller.abort();
      roots.clear();
    },
    { once: true },
  );
  return {
    follow(elements) {
      const wanted = new Set<ShadowRoot>();
      for (const element of elements) {
        for (let root = element.getRootNode(); isShadowRoot(root); root = root.host.getRootNode()) wanted.add(root);
      }
      for (const [root, controller] of roots) {
        if (wanted.has(root)) continue;
        controller.abort();
        roots.delete(root);
      }
      if (signal.aborted) return;
      for (const root of wanted) {
        if (roots.has(root)) continue;
        const controller = new AbortController();
        roots.set(root, controller);
        for (const type of types) root.addEventListener(type, listener, { capture: true, signal: controller.signal });
      }
    },
  };
}
