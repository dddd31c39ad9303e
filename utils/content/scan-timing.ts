/**
 * How long the content script's work takes, as User Timing entries read by the benches:
 * `ace-ach:scan` (first scan: roots found, fields classified), `ace-ach:batch` (each mutation
 * batch) and `ace-ach:settle` (visibility, marks, report) for bench/detection.bench.ts;
 * `ace-ach:picker-open` and `ace-ach:fill` for bench/fill.bench.ts. The page can see them: they carry a
 * name and a duration, never page data. Bench builds only (TIMING_BUILD): elsewhere both calls do
 * nothing and the bundler drops their bodies.
 */
import { TIMING_BUILD } from '@/utils/timing-build';

export const FIRST_SCAN_MEASURE = 'ace-ach:scan';
export const BATCH_MEASURE = 'ace-ach:batch';
export const SETTLE_MEASURE = 'ace-ach:settle';
/** Filling: the user's request to open the picker (a mark), and planning + filling every field (a measure). */
export const PICKER_OPEN_MARK = 'ace-ach:picker-open';
export const FILL_MEASURE = 'ace-ach:fill';

/** The timeline keeps measures until cleared: keep ours bounded on long-lived pages. */
const MAX_BATCH_MEASURES = 1000;
let batchMeasures = 0;

export function recordTiming(name: string, start: number): void {
  if (!TIMING_BUILD) return;
  try {
    if (name !== FIRST_SCAN_MEASURE && ++batchMeasures > MAX_BATCH_MEASURES) {
      performance.clearMeasures(BATCH_MEASURE);
      performance.clearMeasures(SETTLE_MEASURE);
      batchMeasures = 1;
    }
    performance.measure(name, { start });
  } catch {
    // No User Timing here (old engine, test environment): timings are optional.
  }
}

export function markTiming(name: string): void {
  if (!TIMING_BUILD) return;
  try {
    performance.clearMarks(name);
    performance.mark(name);
  } catch {
    // As above: timings are optional.
  }
}
