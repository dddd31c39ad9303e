/**
 * Paints the first rows of a freshly opened list at once and the rest of its page one frame
 * later. The popup shows about six rows; building and laying out all 50 before the first paint
 * made opening it over thousands of profiles measurably slower (bench/vault.bench.ts). Only the
 * opening is split: later pages (search, "Show more") render whole.
 */
import { useLayoutEffect, useState } from 'preact/hooks';

/** Enough to fill the popup (580 px) with room to spare. */
export const FIRST_PAINT_ROWS = 12;

/** How many rows to render now: FIRST_PAINT_ROWS until the first ready list has painted, then all. */
export function useFirstPaintRowLimit(ready: boolean): number {
  const [deferring, setDeferring] = useState(true);

  useLayoutEffect(() => {
    if (!ready || !deferring) return;
    // Two frames on, not in the next one: a state change inside a frame callback is rendered
    // before that frame's paint, and work started right after it would compete with drawing it.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setDeferring(false));
    });
    // A page that is not shown gets no frames: it still gets its rows.
    const fallback = setTimeout(() => setDeferring(false), 500);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(fallback);
    };
  }, [ready, deferring]);

  return deferring ? FIRST_PAINT_ROWS : Number.POSITIVE_INFINITY;
}
