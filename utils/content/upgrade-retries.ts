/**
 * Custom elements the page has not defined yet get their shadow root later, with no mutation the
 * detector could observe: it looks again after 250 ms, 1 s and 3 s, each time on its own timer so
 * a far retry never delays the batch of a real mutation, and forgets them after the last.
 */
import type { RootRegistry } from './collect-roots';

const UPGRADE_RETRY_MS = [250, 1000, 3000];

export interface UpgradeRetries {
  /** New elements are waiting: the retries start over. */
  restart(): void;
  /** Plans the next retry, if elements are waiting and none is planned. */
  later(): void;
}

export function createUpgradeRetries(
  registry: RootRegistry,
  signal: AbortSignal,
  setTimer: (callback: () => void, ms: number) => unknown,
  retry: () => void,
): UpgradeRetries {
  let pending = false;
  let count = 0;
  return {
    restart() {
      count = 0;
    },
    later() {
      if (registry.waitingForUpgrade === 0 || pending || signal.aborted) return;
      const wait = UPGRADE_RETRY_MS[count];
      if (wait === undefined) {
        registry.forgetUpgrades();
        return;
      }
      count++;
      pending = true;
      setTimer(() => {
        pending = false;
        retry();
      }, wait);
    },
  };
}
