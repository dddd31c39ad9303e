/**
 * The verification histories kept decrypted in the background's memory while the vault is
 * unlocked: 5,000 importers' histories take about a second to read, decrypt and parse, which the
 * status page's first render (≤ 200 ms) cannot wait for each time. The first reader loads them
 * (the badge's count right after unlocking, or the page), later ones share that; each recording
 * updates the copy after its write. Forgotten on lock and on erase, so nothing decrypted outlives
 * the unlocked key.
 */
import type { VerificationEvent } from '@/utils/enrollment/verification-event';
import type { VerificationStore } from './verification-store';

export interface HistoryCache {
  /** Every importer's history (do not change the map: it is the cache's own). */
  histories(dataKey: CryptoKey): Promise<ReadonlyMap<string, readonly VerificationEvent[]>>;
  /** Appends through the store; false when the event repeats the latest one. */
  append(dataKey: CryptoKey, importerNumber: string, event: VerificationEvent): Promise<boolean>;
  forget(): void;
}

interface Loading {
  readonly dataKey: CryptoKey;
  readonly promise: Promise<Map<string, VerificationEvent[]>>;
  /** Histories written while the load was reading: they win over what it read. */
  readonly written: Map<string, VerificationEvent[]>;
}

export function createHistoryCache(store: VerificationStore): HistoryCache {
  let loaded: { readonly dataKey: CryptoKey; readonly histories: Map<string, VerificationEvent[]> } | undefined;
  let loading: Loading | undefined;

  function load(dataKey: CryptoKey): Loading {
    const written = new Map<string, VerificationEvent[]>();
    const promise = store.readAll(dataKey).then((histories) => {
      for (const [importerNumber, history] of written) histories.set(importerNumber, history);
      if (loading?.promise === promise) {
        loaded = { dataKey, histories };
        loading = undefined;
      }
      return histories;
    });
    promise.catch(() => {
      if (loading?.promise === promise) loading = undefined;
    });
    return { dataKey, promise, written };
  }

  return {
    async histories(dataKey) {
      if (loaded?.dataKey === dataKey) return loaded.histories;
      if (loading?.dataKey !== dataKey) loading = load(dataKey);
      return loading.promise;
    },

    async append(dataKey, importerNumber, event) {
      const history = await store.append(dataKey, importerNumber, event);
      if (!history) return false;
      if (loaded?.dataKey === dataKey) loaded.histories.set(importerNumber, history);
      if (loading?.dataKey === dataKey) loading.written.set(importerNumber, history);
      return true;
    },

    forget() {
      loaded = undefined;
      loading = undefined;
    },
  };
}
