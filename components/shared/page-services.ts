/**
 * What each extension page's services module (options, status) builds the same way: a Preact
 * context holding the page's outside world (injected so tests hand in fakes), the hook that reads
 * it, a `useRequest` bound to its transport, and the words shown for whatever a request threw.
 */
import { createContext, type Context } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { RequestOf, RequestType, ResponseOf } from '@/utils/messaging/protocol';
import { RequestError } from '@/utils/messaging/request-error';
import { sendRequest, type Transport } from '@/utils/messaging/send-request';

export type Request = <T extends RequestType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;

export interface PageServices<S> {
  readonly Context: Context<S | null>;
  readonly useServices: () => S;
  readonly useRequest: () => Request;
}

/** `outside`: the error thrown when a part is rendered without the page's provider. */
export function createPageServices<S extends { readonly transport: Transport }>(outside: string): PageServices<S> {
  const Context = createContext<S | null>(null);
  function useServices(): S {
    const services = useContext(Context);
    if (!services) throw new Error(outside);
    return services;
  }
  function useRequest(): Request {
    const { transport } = useServices();
    return useMemo<Request>(() => (type, payload) => sendRequest(transport, type, payload), [transport]);
  }
  return { Context, useServices, useRequest };
}

/** The user-facing words of whatever a request (or a file read) threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof RequestError) return error.message;
  return 'Something went wrong in the extension. Reload this page and try again.';
}
