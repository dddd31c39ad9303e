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
    // After the next frame, not in it: a state change inside the frame callback would still be
    // rendered before that frame's paint.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setDeferring(false), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, deferring]);

  return deferring ? FIRST_PAINT_ROWS : Number.POSITIVE_INFINITY;
}
