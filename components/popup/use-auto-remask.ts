/**
 * Re-hides a revealed account number by itself: after REVEAL_MS, and as soon as the popup loses
 * focus or is hidden, so a number is never left on screen for a passer-by or a screenshot.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

export const REVEAL_MS = 10_000;

export function useAutoRemask(active: boolean, remask: () => void, ms: number = REVEAL_MS): void {
  const latest = useRef(remask);
  latest.current = remask;
  // From the very render that shows the number, not a frame later.
  useLayoutEffect(() => {
    if (!active) return;
    const hide = () => latest.current();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hide();
    };
    const timer = setTimeout(hide, ms);
    window.addEventListener('blur', hide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('blur', hide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [active, ms]);
}
