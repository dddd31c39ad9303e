/**
 * The verification store on its own, where the order of two operations can be held: a history
 * that does not open is set aside, but a history written afresh at the same importer number
 * while the reader was still deciding (a new look at CBP's file) is kept, not set aside with it.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { openAppDatabase } from '@/utils/background/database';
import { createVerificationStore } from '@/utils/background/verification-store';
import type { VerificationEvent } from '@/utils/enrollment/verification-event';

/** While set, the next decryption waits for the test before it runs. */
const gate: { armed: boolean; entered?: () => void; release?: () => void } = { armed: false };

vi.mock('@/utils/vault/field-cipher', async (original) => {
  const cipher = await original<typeof import('@/utils/vault/field-cipher')>();
  return {
    ...cipher,
    decryptField: async (...args: Parameters<typeof cipher.decryptField>) => {
      if (gate.armed) {
        gate.armed = false;
        await new Promise<void>((resolve) => {
          gate.release = resolve;
          gate.entered?.();
        });
      }
      return cipher.decryptField(...args);
    },
  };
});

const IMPORTER = '12-345678900';
const OTHER = '98-765432100';

function event(at: string): VerificationEvent {
  return { at, kind: 'on-file', profileId: 'p-1', profileLabel: 'Acme', fields: { routing: 'match', account: 'match', 'account-type': 'match' } };
}

async function setup() {
  const db = await openAppDatabase(new IDBFactory());
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const store = createVerificationStore(async () => db);
  return { db, key, store };
}

describe('verification store', () => {
  it('sets a history that does not open aside once, keeping one written afresh meanwhile', async () => {
    const { db, key, store } = await setup();
    await store.append(key, IMPORTER, event('2026-03-02T10:00:00.000Z'));
    await store.append(key, OTHER, event('2026-03-02T10:00:00.000Z'));
    const good = (await db.get('verifications', IMPORTER))!;
    const data = good.history.data;
    await db.put('verifications', { ...good, history: { ...good.history, data: `${data[0] === 'A' ? 'B' : 'A'}${data.slice(1)}` } });

    // The reader reads the bad record, then waits in its decryption…
    const entered = new Promise<void>((resolve) => (gate.entered = resolve));
    gate.armed = true;
    const reading = store.readAll(key);
    await entered;
    // …while a new look sets the bad record aside itself and writes a fresh history.
    expect(await store.append(key, IMPORTER, event('2026-03-02T11:00:00.000Z'))).toHaveLength(1);
    gate.release!();
    const histories = await reading;

    expect(histories.get(OTHER)).toHaveLength(1);
    expect((await store.readAll(key)).get(IMPORTER)?.map((entry) => entry.at)).toEqual(['2026-03-02T11:00:00.000Z']);
    const quarantined = await db.getAll('quarantine');
    expect(quarantined.map((entry) => [entry.store, entry.key])).toEqual([['verifications', IMPORTER]]);
    expect((quarantined[0]!.record as typeof good).history.data).not.toBe(data);
  });
});
