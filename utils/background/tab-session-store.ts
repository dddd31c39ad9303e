/**
 * Something the background remembers per open tab (the importer its page shows, the frames that
 * hold a bank form), kept in memory and in storage.session: the service worker is stopped when
 * idle while the tab stays open, and storage.session outlives the worker (not the browser, whose
 * tab ids start over anyway).
 */
import type { SessionArea } from './vault-session';

export interface TabSessionStore<T> {
  /** Replaces what the tab had. */
  set(tabId: number, value: T): Promise<void>;
  get(tabId: number): Promise<T | undefined>;
  /** The tab closed. */
  forget(tabId: number): Promise<void>;
}

/** `parse` reads back a stored value, undefined when it is not one (damaged, older shape). */
export function createTabSessionStore<T>(
  area: SessionArea,
  keyPrefix: string,
  parse: (stored: unknown) => T | undefined,
): TabSessionStore<T> {
  const known = new Map<number, T>();
  /**
   * Stamped on a tab by every set and forget of that tab: tells a session read that finished
   * late it is stale. Per tab: another tab's write says nothing about this tab's stored value.
   */
  let changes = 0;
  const changedAt = new Map<number, number>();
  const keyOf = (tabId: number) => `${keyPrefix}${tabId}`;

  return {
    async set(tabId, value) {
      // Memory first: a request arriving while the session write is under way sees it already.
      known.set(tabId, value);
      changedAt.set(tabId, ++changes);
      await area.set({ [keyOf(tabId)]: value });
    },

    async get(tabId) {
      const remembered = known.get(tabId);
      if (remembered !== undefined) return remembered;
      const key = keyOf(tabId);
      const before = changedAt.get(tabId);
      const stored = (await area.get([key]))[key];
      // A set or forget of this tab while the session was read is newer than what the read found.
      if (changedAt.get(tabId) !== before) return known.get(tabId);
      const value = stored === undefined ? undefined : parse(stored);
      if (value !== undefined) known.set(tabId, value);
      return value;
    },

    async forget(tabId) {
      known.delete(tabId);
      changedAt.set(tabId, ++changes);
      await area.remove([keyOf(tabId)]);
    },
  };
}
