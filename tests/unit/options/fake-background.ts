/**
 * A stand-in background for the options page tests: real protocol parsing (handleRequest with
 * the protocol's schemas) in front of fake handlers, and a record of every request sent; the
 * import worker runs in-process (the real handler).
 */
import { vi } from 'vitest';
import { handleRequest, type Handlers } from '@/utils/messaging/handle-request';
import type { RequestType } from '@/utils/messaging/protocol';
import type { Settings } from '@/utils/messaging/shapes';
import type { OptionsServices } from '@/components/options/options-services';
import { testPassphraseEstimator } from '../../support/passphrase-estimator';
import { inProcessWorkers } from './in-process-worker';

export interface SentRequest {
  readonly type: string;
  readonly payload: any;
}

export const DEFAULT_TEST_SETTINGS: Settings = { autoLockMinutes: 15, submitGuard: true, extraHosts: [], reverifyDays: 180 };

export function fakeBackground(overrides: Partial<Handlers> = {}) {
  const sent: SentRequest[] = [];
  let settings: Settings = { ...DEFAULT_TEST_SETTINGS };
  const handlers: Partial<Handlers> = {
    'vault/status': async () => ({ state: 'unlocked', autoLockMinutes: settings.autoLockMinutes }),
    'settings/get': async () => settings,
    'settings/set': async (changes) => {
      settings = { ...settings, ...changes } as Settings;
      return settings;
    },
    'settings/managed': async () => ({}),
    'directory/status': async () => ({ status: null }),
    'activity/list': async () => ({ entries: [] }),
    ...overrides,
  };
  const transport = async (message: unknown) => {
    const { type, payload } = message as SentRequest;
    sent.push({ type, payload });
    return handleRequest(handlers, message, 'extension-page', (error) => {
      throw error;
    });
  };
  const permissions = { request: vi.fn(async (_origins: string[]) => true), remove: vi.fn(async (_origins: string[]) => true) };
  const download = vi.fn((_text: string, _fileName: string, _mimeType: string) => {});
  const workers = inProcessWorkers();
  const services: OptionsServices = {
    transport,
    permissions,
    download,
    importWorker: workers.factory,
    now: () => new Date(2026, 2, 1, 9, 30),
    passphraseEstimator: testPassphraseEstimator,
  };
  return {
    services,
    workers,
    permissions,
    download,
    sent,
    /** The requests of one type, in order. */
    sentOf: (type: RequestType) => sent.filter((request) => request.type === type),
    settings: () => settings,
  };
}
