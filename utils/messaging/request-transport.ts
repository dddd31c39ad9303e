/**
 * How a request goes to the background from any page (popup, options, picker, content script):
 * one message `{ type, payload }` through the transport, the reply read by the caller's reader,
 * which knows the reply's shape (zod schemas on extension pages, reply shapes in content scripts).
 * No schema here, so a content script that imports it carries none.
 */
import type { RequestOf, RequestType, ResponseOf } from './protocol';

export type Transport = (message: unknown) => Promise<unknown>;

/** Reads a raw reply: its data, or a RequestError (the background's own, or an unreadable answer). */
export type ReplyReader = (type: RequestType, raw: unknown) => unknown;

export const UNREADABLE_REPLY = 'The extension sent an answer it could not read.';

export async function sendThrough<T extends RequestType>(transport: Transport, type: T, payload: RequestOf<T>, read: ReplyReader): Promise<ResponseOf<T>> {
  return read(type, await transport({ type, payload })) as ResponseOf<T>;
}
