/**
 * How long the background's slow steps take, as User Timing measures in the service worker that
 * bench/vault.bench.ts reads: `ace-ach:worker-start` (the worker's start → its code evaluated),
 * `ace-ach:unlock` (passphrase → key in memory),
 * `ace-ach:profiles-read` (all profile records read and parsed after a worker start),
 * `ace-ach:listing-build` (summaries sorted for profiles/list) and `ace-ach:profiles-list` (one
 * profiles/list request: search and page). Names and durations only, never data. Bench builds
 * only (TIMING_BUILD).
 */
import { TIMING_BUILD } from '@/utils/timing-build';

export { LISTING_BUILD_MEASURE, PROFILES_LIST_MEASURE, PROFILES_READ_MEASURE, UNLOCK_MEASURE, WORKER_START_MEASURE } from './timing-names';

/** The timeline keeps measures until cleared: a long-lived worker keeps only the recent ones. */
const KEPT_PER_NAME = 200;

export function timingStart(): number {
  return typeof performance === 'undefined' ? 0 : performance.now();
}

export function recordTiming(name: string, start: number): void {
  if (!TIMING_BUILD) return;
  try {
    if (performance.getEntriesByName(name, 'measure').length >= KEPT_PER_NAME) performance.clearMeasures(name);
    performance.measure(name, { start });
  } catch {
    // No User Timing here: timings are optional.
  }
}

/** Runs `work` and records how long it took, whether it succeeded or not. */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = timingStart();
  try {
    return await work();
  } finally {
    recordTiming(name, start);
  }
}
