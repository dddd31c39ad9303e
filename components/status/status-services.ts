/**
 * What the status page needs from the outside world, injected so tests hand in fakes: the
 * message transport to the background, file downloads, printing and the clock.
 */
import type { Transport } from '@/utils/messaging/send-request';
import { createPageServices } from '../shared/page-services';

export interface StatusServices {
  readonly transport: Transport;
  /** Saves text as a file the user downloads. */
  readonly download: (text: string, fileName: string, mimeType: string) => void;
  /** Opens the browser's print dialog (window.print). */
  readonly print: () => void;
  /** For the CSV's file name; tests fix it. */
  readonly now?: () => Date;
}

const page = createPageServices<StatusServices>('Status page parts must be rendered inside StatusApp.');
export const StatusContext = page.Context;
export const useServices = page.useServices;
export const useRequest = page.useRequest;
export { errorMessage, type Request } from '../shared/page-services';
