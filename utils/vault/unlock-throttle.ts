/**
 * How long a wrong passphrase makes the next try wait. Two slips are free; from the third
 * consecutive failure on the wait doubles from 1 s up to 30 s, which makes guessing slow
 * without locking the owner out.
 */

export const FREE_ATTEMPTS = 2;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 30_000;

export interface FailedUnlocks {
  readonly failedAttempts: number;
  /** Epoch milliseconds of the last failure. */
  readonly lastFailedAt: number;
}

/** The wait imposed after `failedAttempts` consecutive failures. */
export function unlockDelayMs(failedAttempts: number): number {
  if (failedAttempts <= FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failedAttempts - FREE_ATTEMPTS - 1), MAX_DELAY_MS);
}

/** Milliseconds until the next try is taken; 0 when it may go ahead now. */
export function unlockRetryAfterMs(failures: FailedUnlocks | undefined, now: number): number {
  if (!failures) return 0;
  const delay = unlockDelayMs(failures.failedAttempts);
  // A clock set back must not stretch the wait beyond the delay itself.
  const elapsed = Math.max(0, now - failures.lastFailedAt);
  return Math.max(0, Math.min(delay, delay - elapsed));
}
