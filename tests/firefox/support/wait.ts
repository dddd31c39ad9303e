/**
 * Waits that retry: a check is read again until it holds or the time is up, never once after a
 * fixed sleep (the tests must hold on a loaded two-core machine).
 */
import { isDeepStrictEqual, inspect } from 'node:util';

export const WAIT_MS = 15_000;

/** Calls `read` until `holds` says yes (errors count as no); fails with the last value. */
export async function waitUntil<T>(
  what: string,
  read: () => Promise<T> | T,
  holds: (value: T) => boolean,
  timeout = WAIT_MS,
): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (let delay = 50; ; delay = Math.min(delay * 2, 400)) {
    try {
      const value = await read();
      if (holds(value)) return value;
      last = value;
    } catch (error) {
      last = error instanceof Error ? `(error) ${error.message.split('\n')[0]}` : error;
    }
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}; last: ${inspect(last, { depth: 4 })}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** Waits until `read` gives a value deeply equal to `expected`. */
export function waitForEqual<T>(what: string, read: () => Promise<T> | T, expected: T, timeout = WAIT_MS): Promise<T> {
  return waitUntil(what, read, (value) => isDeepStrictEqual(value, expected), timeout);
}

/** Waits until `read` gives a text matching `pattern`. */
export function waitForText(what: string, read: () => Promise<string> | string, pattern: RegExp, timeout = WAIT_MS): Promise<string> {
  return waitUntil(what, read, (value) => pattern.test(value), timeout);
}
