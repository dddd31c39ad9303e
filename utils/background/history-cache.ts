/**
 * Every importer's history digest (enrollment/history-digest.ts), kept decrypted in the
 * background's memory while the vault is unlocked. The first reader loads them from their one
 * encrypted record (the badge's count right after unlocking, or the status page); later readers
 * share that; each recording writes its history and the updated digests in one transaction and
 * updates the copy. Forgotten on lock and on erase, so nothing decrypted outlives the unlocked key.
 */
import { digestHistory } from '@/utils/enrollment/history-digest';
import type { VerificationEvent } from '@/utils/enrollment/verification-event';
import type { HistoryDigests, VerificationStore } from './verification-store';

export interface HistoryCache {
  /** Every importer's digest (the map is the cache's own: read it, do not change it). */
  digests(dataKey: CryptoKey): Promise<HistoryDigests>;
  /** Appends through the store; false when the event repeats the latest one. */
  append(dataKey: CryptoKey, importerNumber: string, event: VerificationEvent): Promise<boolean>;
  forget(): void;
}

export function createHistoryCache(store: VerificationStore): HistoryCache {
  let loaded: { readonly dataKey: CryptoKey; readonly promise: Promise<Map<string, VerificationEvent[]>> } | undefined;

  function digests(dataKey: CryptoKey): Promise<Map<string, VerificationEvent[]>> {
    if (loaded?.dataKey !== dataKey) {
      const promise = store.readDigests(dataKey);
      loaded = { dataKey, promise };
      // A failed load is not kept: the next reader tries again.
      promise.catch(() => {
        if (loaded?.promise === promise) loaded = undefined;
      });
    }
    return loaded.promise;
  }

  return {
    digests,

    async append(dataKey, importerNumber, event) {
      // Recordings run one at a time (the background's write queue), each after the load: the
      // digests written with a history are never older than the ones in memory.
      const current = await digests(dataKey);
      const history = await store.append(dataKey, importerNumber, event, current);
      if (!history) return false;
      current.set(importerNumber, digestHistory(history));
      return true;
    },

    forget() {
      loaded = undefined;
    },
  };
}
