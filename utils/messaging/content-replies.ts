/**
 * The content script's side of the protocol: it sends only the few requests content scripts
 * may make, and checks each reply against its shape (reply-shapes.ts), the very description the
 * protocol builds those replies' zod schemas from. The content script runs in every ACE frame
 * and zod alone was 27 KB of its 98 KB, so it carries the shapes and their small matcher instead.
 */
import type { RequestOf, RequestType, ResponseOf } from './protocol';
import { CONTENT_REPLIES, matchesShape, type ContentRequestType } from './reply-shapes';
import { RequestError, type RequestErrorCode } from './request-error';
import { sendThrough, UNREADABLE_REPLY, type Transport } from './request-transport';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readContentReply(type: RequestType, reply: unknown): unknown {
  if (!isObject(reply)) throw new RequestError('internal', UNREADABLE_REPLY);
  const { error } = reply;
  if (reply.ok === false && isObject(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    throw new RequestError(error.code as RequestErrorCode, error.message);
  }
  if (reply.ok !== true || !matchesShape(CONTENT_REPLIES[type as ContentRequestType], reply.data)) throw new RequestError('internal', UNREADABLE_REPLY);
  return reply.data;
}

export function sendContentRequest<T extends ContentRequestType>(transport: Transport, type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  return sendThrough(transport, type, payload, readContentReply);
}
