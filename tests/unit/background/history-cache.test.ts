/**
 * The digests kept in memory while unlocked: one load shared by concurrent readers, each
 * recording written with the digests and reflected in memory, nothing kept after forget or for
 * another key, and a failed load tried again.
 */
import { describe, expect, it } from 'vitest';
import { createHistoryCache } from '@/utils/background/history-cache';
import type { HistoryDigests, VerificationStore } from '@/utils/background/verification-store';
import type { VerificationEvent } from '@/utils/enrollment/verification-event';

const event = (at: string): VerificationEvent => ({ at, kind: 'on-file', profileId: 'p1', profileLabel: 'Acme', fields: { routing: 'match' } });

function fakeStore() {
  const stored = new Map<string, VerificationEvent[]>([['12-345678900', [event('2026-12-01T00:00:00.000Z')]]]);
  let reads = 0;
  const digestsWritten: HistoryDigests[] = [];
  const store: VerificationStore = {
    async append(_key, importerNumber, added, digests) {
      const next = [...(stored.get(importerNumber) ?? []), added];
      stored.set(importerNumber, next);
      if (digests) digestsWritten.push(new Map(digests));
      return next;
    },
    async readDigests() {
      reads++;
      return new Map([...stored].map(([number, history]) => [number, [...history]]));
    },
    async readAll() {
      throw new Error('the cache reads digests only');
    },
  };
  return { store, reads: () => reads, digestsWritten };
}

const KEY = {} as CryptoKey;

describe('history cache', () => {
  it('reads the digests once for concurrent and later readers, and passes them with each recording', async () => {
    const fake = fakeStore();
    const cache = createHistoryCache(fake.store);
    const [a, b] = await Promise.all([cache.digests(KEY), cache.digests(KEY)]);
    expect(a).toBe(b);
    expect(await cache.append(KEY, '98-765432100', event('2026-12-02T00:00:00.000Z'))).toBe(true);
    expect((await cache.digests(KEY)).get('98-765432100')).toEqual([event('2026-12-02T00:00:00.000Z')]);
    expect(fake.reads()).toBe(1);
    // The digests went to the store with the history, as they were before this one.
    expect([...fake.digestsWritten[0]!.keys()]).toEqual(['12-345678900']);
  });

  it('a recording before any read loads the digests first', async () => {
    const fake = fakeStore();
    const cache = createHistoryCache(fake.store);
    await cache.append(KEY, '12-345678900', event('2026-12-03T00:00:00.000Z'));
    expect(fake.reads()).toBe(1);
    // The latest event stands for the two matches of one profile.
    expect((await cache.digests(KEY)).get('12-345678900')).toEqual([event('2026-12-03T00:00:00.000Z')]);
  });

  it('keeps nothing after forget, nor for another key', async () => {
    const fake = fakeStore();
    const cache = createHistoryCache(fake.store);
    await cache.digests(KEY);
    cache.forget();
    await cache.digests(KEY);
    await cache.digests({} as CryptoKey);
    expect(fake.reads()).toBe(3);
  });

  it('a failed load is not kept: the next reader tries again', async () => {
    const fake = fakeStore();
    let fail = true;
    const readDigests = fake.store.readDigests;
    const cache = createHistoryCache({ ...fake.store, readDigests: (key) => (fail ? Promise.reject(new Error('locked')) : readDigests(key)) });
    await expect(cache.digests(KEY)).rejects.toThrow('locked');
    fail = false;
    expect((await cache.digests(KEY)).size).toBe(1);
  });
});
