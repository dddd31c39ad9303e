/**
 * Focus placement when a view appears, so keyboard and screen-reader users land on its heading
 * or first field instead of at the top of the document.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

/** Focuses the element once, after the view has mounted. */
export function useFocusOnMount<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  // Layout effect: focus lands in the same frame the view appears, before anyone types.
  useLayoutEffect(() => {
    if (enabled) ref.current?.focus();
  }, []);
  return ref;
}
