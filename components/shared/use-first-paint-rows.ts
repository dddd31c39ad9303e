/**
 * Paints the first rows of a freshly opened list at once and the rest one frame later. The popup
 * shows about six rows and the status page about fifteen; building and laying out all of them
 * before the first paint made opening over thousands of profiles measurably slower
 * (bench/vault.bench.ts, bench/enrollment.bench.ts). Only the opening is split: later views
 * (search, "Show more", a filter) render whole.
 */
import { useLayoutEffect, useState } from 'preact/hooks';

/** How many rows to render now: `firstRows` until the first ready list has painted, then all. */
export function useFirstPaintRowLimit(ready: boolean, firstRows: number): number {
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

  return deferring ? firstRows : Number.POSITIVE_INFINITY;
}
