/**
 * How long a wrong passphrase makes the next try wait. Two slips are free; from the third
 * consecutive failure on the wait doubles from 1 s up to 30 s, which makes guessing slow
 * without locking the owner out.
 */

/** Free failures, the first wait after them, and the longest wait. */
const THROTTLE = { freeAttempts: 2, firstDelayMs: 1_000, maxDelayMs: 30_000 } as const;

export interface FailedUnlocks {
  readonly failedAttempts: number;
  /** Epoch milliseconds of the last failure. */
  readonly lastFailedAt: number;
}

/** The wait imposed after `failedAttempts` consecutive failures. */
export function unlockDelayMs(failedAttempts: number): number {
  const { freeAttempts, firstDelayMs, maxDelayMs } = THROTTLE;
  if (failedAttempts <= freeAttempts) return 0;
  return Math.min(firstDelayMs * 2 ** (failedAttempts - freeAttempts - 1), maxDelayMs);
}

/** Milliseconds until the next try is taken; 0 when it may go ahead now. */
export function unlockRetryAfterMs(failures: FailedUnlocks | undefined, now: number): number {
  if (!failures) return 0;
  const delay = unlockDelayMs(failures.failedAttempts);
  // A clock set back must not stretch the wait beyond the delay itself.
  const elapsed = Math.max(0, now - failures.lastFailedAt);
  return Math.max(0, Math.min(delay, delay - elapsed));
}
