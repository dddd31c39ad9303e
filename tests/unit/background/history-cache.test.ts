/**
 * The decrypted histories kept in memory while unlocked: one load shared by concurrent readers,
 * each recording reflected after its write (also one made while the load was reading), and
 * nothing kept after forget or for another key.
 */
import { describe, expect, it } from 'vitest';
import { createHistoryCache } from '@/utils/background/history-cache';
import type { VerificationStore } from '@/utils/background/verification-store';
import type { VerificationEvent } from '@/utils/enrollment/verification-event';

const event = (at: string): VerificationEvent => ({ at, kind: 'on-file', profileId: 'p1', fields: { routing: 'match' } });

function fakeStore() {
  const stored = new Map<string, VerificationEvent[]>([['12-345678900', [event('2026-12-01T00:00:00.000Z')]]]);
  let reads = 0;
  let holdRead: Promise<void> = Promise.resolve();
  const store: VerificationStore = {
    async append(_key, importerNumber, added) {
      const next = [...(stored.get(importerNumber) ?? []), added];
      stored.set(importerNumber, next);
      return next;
    },
    async readAll() {
      reads++;
      // What IndexedDB held when the read began.
      const snapshot = new Map([...stored].map(([number, history]) => [number, [...history]]));
      await holdRead;
      return snapshot;
    },
  };
  return { store, stored, reads: () => reads, hold: (until: Promise<void>) => (holdRead = until) };
}

const KEY = {} as CryptoKey;

describe('history cache', () => {
  it('reads the store once for concurrent and later readers, and keeps each recording', async () => {
    const fake = fakeStore();
    const cache = createHistoryCache(fake.store);
    const [a, b] = await Promise.all([cache.histories(KEY), cache.histories(KEY)]);
    expect(a).toBe(b);
    expect(fake.reads()).toBe(1);
    expect(await cache.append(KEY, '98-765432100', event('2026-12-02T00:00:00.000Z'))).toBe(true);
    expect((await cache.histories(KEY)).get('98-765432100')).toHaveLength(1);
    expect(fake.reads()).toBe(1);
  });

  it('a recording made while the load was reading wins over what the load read', async () => {
    const fake = fakeStore();
    const cache = createHistoryCache(fake.store);
    let release!: () => void;
    fake.hold(new Promise<void>((resolve) => (release = resolve)));
    const reading = cache.histories(KEY);
    await Promise.resolve();
    await cache.append(KEY, '12-345678900', event('2026-12-03T00:00:00.000Z'));
    release();
    expect((await reading).get('12-345678900')).toHaveLength(2);
    expect((await cache.histories(KEY)).get('12-345678900')).toHaveLength(2);
  });

  it('keeps nothing after forget, nor for another key', async () => {
    const fake = fakeStore();
    const cache = createHistoryCache(fake.store);
    await cache.histories(KEY);
    cache.forget();
    await cache.histories(KEY);
    await cache.histories({} as CryptoKey);
    expect(fake.reads()).toBe(3);
  });

  it('a failed load is not kept: the next reader tries again', async () => {
    const fake = fakeStore();
    let fail = true;
    const readAll = fake.store.readAll;
    const cache = createHistoryCache({ ...fake.store, readAll: (key) => (fail ? Promise.reject(new Error('locked')) : readAll(key)) });
    await expect(cache.histories(KEY)).rejects.toThrow('locked');
    fail = false;
    expect((await cache.histories(KEY)).size).toBe(1);
  });
});
