/**
 * The field detector as DOM tests start it: happy-dom has no layout, so fields are visible unless
 * the test says otherwise, layout is "fresh" at once and mutation batches run on a 0 ms timer;
 * every report goes to `reports`.
 */
import { startFieldDetection, type DetectedForm, type FieldDetection, type FieldDetectionOptions } from '@/utils/content/field-detection';

export function startTestDetection(
  signal: AbortSignal,
  reports: (DetectedForm | null)[],
  extra: Partial<FieldDetectionOptions> = {},
): FieldDetection {
  return startFieldDetection({
    root: document,
    signal,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    onChange: (form) => reports.push(form),
    isVisible: () => true,
    afterLayout: (callback) => callback(),
    batchDelayMs: 0,
    ...extra,
  });
}

/** Lets MutationObserver callbacks and the 0 ms batch timer run. */
export async function settleDetection(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}
