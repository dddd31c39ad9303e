/**
 * Background side of the protocol: checks who sent a message, parses it, runs its handler and
 * wraps the result or the error in a reply. Pure: the sender's facts come in as plain data.
 */
import { PROTOCOL, envelopeSchema, isRequestType, type Reply, type RequestType, type ResponseOf } from './protocol';
import { RequestError } from './request-error';
import { z } from 'zod/mini';

/** Who sent a message, as the browser (not the message) says. */
export type SenderKind = 'extension-page' | 'ace-content-script' | 'other';

/**
 * Where in the browser a message came from, as the browser reports it: the content script
 * requests are answered per tab (the importer the tab's top frame shows).
 */
export interface SenderInfo {
  readonly tabId?: number;
  /** 0 for a tab's top frame. */
  readonly frameId?: number;
  readonly url?: string;
  /** The frame's own origin as the browser reports it ("null" when sandboxed). */
  readonly origin?: string;
  readonly documentId?: string;
}

export type Handlers = {
  [T in RequestType]: (
    payload: z.output<(typeof PROTOCOL)[T]['request']>,
    sender: SenderKind,
    senderInfo: SenderInfo,
  ) => Promise<ResponseOf<T>>;
};

export async function handleRequest(
  handlers: Partial<Handlers>,
  message: unknown,
  sender: SenderKind,
  onInternalError: (error: unknown) => void = () => {},
  senderInfo: SenderInfo = {},
): Promise<Reply> {
  try {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success || !isRequestType(envelope.data.type)) {
      throw new RequestError('bad-request', 'Unknown request.');
    }
    const type = envelope.data.type;
    const route = PROTOCOL[type];
    if (sender === 'other' || (sender === 'ace-content-script' && !route.contentScripts)) {
      throw new RequestError('forbidden', 'This request is not allowed from here.');
    }
    const payload = route.request.safeParse(envelope.data.payload ?? {});
    if (!payload.success) throw new RequestError('bad-request', `Malformed ${type} request.`);
    const handler = handlers[type] as
      | ((payload: unknown, sender: SenderKind, senderInfo: SenderInfo) => Promise<unknown>)
      | undefined;
    if (!handler) throw new RequestError('bad-request', `No handler for ${type}.`);
    return { ok: true, data: await handler(payload.data, sender, senderInfo) };
  } catch (error) {
    if (error instanceof RequestError) return { ok: false, error: error.toWire() };
    onInternalError(error);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong in the extension.' } };
  }
}
