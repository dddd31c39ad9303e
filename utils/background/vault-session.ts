/**
 * The unlocked vault's footprint in storage.session: the data key (raw, base64) and the time of
 * the last request. storage.session lives in memory, survives the service worker being stopped
 * and restarted, and is gone when the browser closes; by default content scripts cannot read
 * it. The key is never written to storage.local or IndexedDB.
 */

/** The part of browser.storage.session this needs, so tests can hand in their own. */
export interface SessionArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

const DATA_KEY = 'vaultDataKey';
const LAST_ACTIVITY = 'vaultLastActivityAt';

export interface VaultSession {
  readDataKey(): Promise<string | undefined>;
  writeDataKey(raw: string): Promise<void>;
  readLastActivity(): Promise<number | undefined>;
  writeLastActivity(at: number): Promise<void>;
  clear(): Promise<void>;
}

export function createVaultSession(area: SessionArea): VaultSession {
  return {
    async readDataKey() {
      const value = (await area.get([DATA_KEY]))[DATA_KEY];
      return typeof value === 'string' && value.length > 0 ? value : undefined;
    },
    writeDataKey: (raw) => area.set({ [DATA_KEY]: raw }),
    async readLastActivity() {
      const value = (await area.get([LAST_ACTIVITY]))[LAST_ACTIVITY];
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    },
    writeLastActivity: (at) => area.set({ [LAST_ACTIVITY]: at }),
    clear: () => area.remove([DATA_KEY, LAST_ACTIVITY]),
  };
}
