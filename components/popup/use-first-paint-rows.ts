/** The popup's list paints this many rows first, the rest of its page a frame later (shared/use-first-paint-rows.ts). */
import { useFirstPaintRowLimit as useFirstPaintRows } from '../shared/use-first-paint-rows';

/** Enough to fill the popup (580 px) with room to spare. */
export const FIRST_PAINT_ROWS = 12;

export function useFirstPaintRowLimit(ready: boolean): number {
  return useFirstPaintRows(ready, FIRST_PAINT_ROWS);
}
