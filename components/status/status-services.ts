/**
 * What the status page needs from the outside world, injected so tests hand in fakes: the
 * message transport to the background, file downloads, printing and the clock.
 */
import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { RequestOf, RequestType, ResponseOf } from '@/utils/messaging/protocol';
import { RequestError } from '@/utils/messaging/request-error';
import { sendRequest, type Transport } from '@/utils/messaging/send-request';

export interface StatusServices {
  readonly transport: Transport;
  /** Saves text as a file the user downloads. */
  readonly download: (text: string, fileName: string, mimeType: string) => void;
  /** Opens the browser's print dialog (window.print). */
  readonly print: () => void;
  /** For the CSV's file name; tests fix it. */
  readonly now?: () => Date;
}

export type Request = <T extends RequestType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;

export const StatusContext = createContext<StatusServices | null>(null);

export function useServices(): StatusServices {
  const services = useContext(StatusContext);
  if (!services) throw new Error('Status page parts must be rendered inside StatusApp.');
  return services;
}

export function useRequest(): Request {
  const { transport } = useServices();
  return useMemo<Request>(() => (type, payload) => sendRequest(transport, type, payload), [transport]);
}

/** The user-facing words of whatever a request threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof RequestError) return error.message;
  return 'Something went wrong in the extension. Reload this page and try again.';
}
