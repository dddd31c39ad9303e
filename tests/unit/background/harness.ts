/**
 * A background app over fakes for the unit tests: a fresh fake-indexeddb factory, WXT's fake
 * browser for storage.session, a clock the test moves, and a `call` that goes through the same
 * message path as the real extension (sender check, request and response schemas).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundApp, type BackgroundAppOptions } from '@/utils/background/background-app';
import type { SenderFacts } from '@/utils/messaging/classify-sender';
import type { RequestOf, RequestType, ResponseOf } from '@/utils/messaging/protocol';
import { sendRequest } from '@/utils/messaging/send-request';
import { RequestError } from '@/utils/messaging/request-error';
import type { BankProfileInput } from '@/utils/bank/profile-schema';
import { testPassphraseEstimator } from '../../support/passphrase-estimator';

export const OWN_ID = fakeBrowser.runtime.id;
export const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;
export const POPUP: SenderFacts = { id: OWN_ID, url: `${OWN_ORIGIN}popup.html` };
export const ACE_TAB: SenderFacts = { id: OWN_ID, url: 'https://ace.cbp.gov/s/importer', tab: { id: 7 } };

/** Small enough for fast tests; only vitest's MODE lets it through (see key-derivation.ts). */
export const TEST_ITERATIONS = 1_000;
export const PASSPHRASE = 'correct horse battery staple';

export interface TestClock {
  now: number;
  advance(ms: number): void;
}

export function makeClock(start = Date.parse('2026-03-02T10:00:00.000Z')): TestClock {
  const clock = {
    now: start,
    advance(ms: number) {
      clock.now += ms;
    },
  };
  return clock;
}

export type Harness = ReturnType<typeof makeHarness>;

export function makeHarness(overrides: Partial<BackgroundAppOptions> & { clock?: TestClock } = {}) {
  const clock = overrides.clock ?? makeClock();
  const factory = overrides.indexedDB ?? new IDBFactory();
  const errors: unknown[] = [];
  const app = createBackgroundApp({
    ownId: OWN_ID,
    ownOrigin: OWN_ORIGIN,
    sessionArea: fakeBrowser.storage.session,
    scriptApis: { contentScriptFiles: () => ['content-scripts/ace.js'] },
    alarms: fakeBrowser.alarms,
    iterations: TEST_ITERATIONS,
    backupIterations: TEST_ITERATIONS,
    now: () => clock.now,
    // Pacing waits pass on the test's clock, at once.
    sleep: async (ms) => clock.advance(ms),
    onError: (error) => errors.push(error),
    passphraseEstimator: testPassphraseEstimator,
    ...overrides,
    indexedDB: factory,
  });
  const from =
    (sender: SenderFacts) =>
    <T extends RequestType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> =>
      sendRequest((message) => app.receive(message, sender), type, payload);
  return { app, factory, clock, errors, call: from(POPUP), from };
}

/** A harness whose vault is set up and unlocked. */
export async function unlockedHarness(overrides: Parameters<typeof makeHarness>[0] = {}): Promise<Harness> {
  const harness = makeHarness(overrides);
  await harness.call('vault/setup', { passphrase: PASSPHRASE });
  return harness;
}

let serial = 0;

/** A valid profile as the popup's editor sends it; account numbers are 9–12 digits. */
export function sampleProfile(overrides: Partial<BankProfileInput> = {}): Record<string, unknown> {
  serial++;
  return {
    schemaVersion: 1,
    label: `Importer ${serial}`,
    importerName: `Importer ${serial} LLC`,
    importerNumbers: ['12-345678900'],
    bankName: 'JPMORGAN CHASE BANK',
    routingNumber: '021000021',
    accountNumber: '000123456789',
    accountType: 'checking',
    accountHolderName: `Importer ${serial} LLC`,
    ...overrides,
  };
}

/** Every record of every store of the database, as JSON: what a thief of the profile folder sees. */
export async function dumpDatabase(factory: IDBFactory, name = 'ace-ach-assist'): Promise<string> {
  const request = factory.open(name);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const dump: Record<string, unknown[]> = {};
  for (const store of Array.from(db.objectStoreNames)) {
    const all = db.transaction(store).objectStore(store).getAll();
    dump[store] = await new Promise<unknown[]>((resolve, reject) => {
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    });
  }
  db.close();
  return JSON.stringify(dump);
}

/** The RequestError a request fails with; fails the test if it succeeds or fails otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<RequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RequestError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}
