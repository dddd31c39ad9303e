/**
 * What the options page needs from the outside world, injected so tests hand in fakes: the
 * message transport to the background, the host-permission calls, file downloads, the import
 * worker and the clock.
 * Sections call the background through `useRequest`.
 */
import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { RequestOf, RequestType, ResponseOf } from '@/utils/messaging/protocol';
import { RequestError } from '@/utils/messaging/request-error';
import { sendRequest, type Transport } from '@/utils/messaging/send-request';
import type { PassphraseEstimator } from '@/utils/passphrase/passphrase-strength';
import type { HostPermissions } from './host-permissions';
import type { ImportWorkerFactory } from './import-worker-client';

export interface OptionsServices {
  readonly transport: Transport;
  readonly permissions: HostPermissions;
  /** Saves text as a file the user downloads. */
  readonly download: (text: string, fileName: string, mimeType: string) => void;
  /** Starts the worker that reads and checks import files off the main thread. */
  readonly importWorker: ImportWorkerFactory;
  /** For file names; tests fix it. */
  readonly now?: () => Date;
  /** zxcvbn for a new passphrase; absent, loaded from the extension's own files (tests hand one in). */
  readonly passphraseEstimator?: () => Promise<PassphraseEstimator>;
}

export type Request = <T extends RequestType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;

export const OptionsContext = createContext<OptionsServices | null>(null);

export function useServices(): OptionsServices {
  const services = useContext(OptionsContext);
  if (!services) throw new Error('Options sections must be rendered inside OptionsApp.');
  return services;
}

export function useRequest(): Request {
  const { transport } = useServices();
  return useMemo<Request>(() => (type, payload) => sendRequest(transport, type, payload), [transport]);
}

/** The user-facing words of whatever a request or a file read threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof RequestError) return error.message;
  return 'Something went wrong in the extension. Reload this page and try again.';
}

export function isLockedError(error: unknown): boolean {
  return error instanceof RequestError && (error.code === 'locked' || error.code === 'no-vault');
}
