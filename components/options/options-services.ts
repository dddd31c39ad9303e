/**
 * What the options page needs from the outside world, injected so tests hand in fakes: the
 * message transport to the background, the host-permission calls, file downloads, the import
 * worker and the clock.
 * Sections call the background through `useRequest`.
 */
import { RequestError } from '@/utils/messaging/request-error';
import type { Transport } from '@/utils/messaging/send-request';
import { createPageServices } from '../shared/page-services';
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

const page = createPageServices<OptionsServices>('Options sections must be rendered inside OptionsApp.');
export const OptionsContext = page.Context;
export const useServices = page.useServices;
export const useRequest = page.useRequest;
export { errorMessage, type Request } from '../shared/page-services';

export function isLockedError(error: unknown): boolean {
  return error instanceof RequestError && (error.code === 'locked' || error.code === 'no-vault');
}
