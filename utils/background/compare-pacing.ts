/**
 * How often a tab's comparisons with a profile are answered, and when they are recorded. A page
 * script can rewrite the values on file and watch each verdict, so every answer is something it
 * may learn: one answer per second per tab at most, a page that keeps changing the values on
 * file is told apart from CBP's one Get Info/Refresh, and such a burst leaves one line in the
 * activity log, not one per guess. Pure: the handler supplies the clock and does the waiting.
 */

/** At most one comparison answered per tab in this time. */
export const COMPARE_INTERVAL_MS = 1000;
/** Changes of the values on file closer together than this belong to one burst. */
export const BURST_QUIET_MS = 10_000;
/** This many changes in one burst: the page, not CBP, is changing them. */
export const REPEATED_CHANGES = 3;

export interface PacedTurn {
  /** How long to wait before comparing, so that answers keep their interval. */
  readonly waitMs: number;
  /** The page changed its values on file again and again in the current burst. */
  readonly repeatedChanges: boolean;
  /** Nothing was recorded in this burst yet: this comparison may be. */
  readonly mayRecord: boolean;
}

interface TabPace {
  nextSlotAt: number;
  onFile?: string;
  lastChangeAt: number;
  changes: number;
  recorded: boolean;
}

export interface ComparePacing {
  /** Books the tab's next answer for a comparison of these values on file (any stable text of them). */
  take(tabId: number, onFile: string, now: number): PacedTurn;
  /** Something was recorded for the tab's current burst: nothing more until it ends. */
  recorded(tabId: number): void;
  /**
   * The tab shows another importer now: its values on file are that importer's, so a new burst
   * starts (a broker going from one importer to the next within seconds has each recorded). The
   * answers' interval stands.
   */
  newImporter(tabId: number): void;
  forget(tabId: number): void;
}

export function createComparePacing(): ComparePacing {
  const tabs = new Map<number, TabPace>();
  return {
    take(tabId, onFile, now) {
      const pace = tabs.get(tabId) ?? { nextSlotAt: now, lastChangeAt: -Infinity, changes: 0, recorded: false };
      tabs.set(tabId, pace);
      const slot = Math.max(now, pace.nextSlotAt);
      pace.nextSlotAt = slot + COMPARE_INTERVAL_MS;
      if (now - pace.lastChangeAt > BURST_QUIET_MS) {
        pace.changes = 0;
        pace.recorded = false;
      }
      if (onFile !== pace.onFile) {
        pace.changes++;
        pace.lastChangeAt = now;
        pace.onFile = onFile;
      }
      const repeatedChanges = pace.changes >= REPEATED_CHANGES;
      return { waitMs: slot - now, repeatedChanges, mayRecord: !pace.recorded && !repeatedChanges };
    },
    recorded(tabId) {
      const pace = tabs.get(tabId);
      if (pace) pace.recorded = true;
    },
    newImporter(tabId) {
      const pace = tabs.get(tabId);
      if (!pace) return;
      pace.changes = 0;
      pace.recorded = false;
      pace.lastChangeAt = -Infinity;
      delete pace.onFile;
    },
    forget(tabId) {
      tabs.delete(tabId);
    },
  };
}
