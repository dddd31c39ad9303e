/**
 * Extension pages' side of the protocol (popup, options, picker): sends one request and parses
 * the reply with the protocol's response schema (a few big answers with a plain matcher that
 * accepts the same, see PLAIN_CHECKS). Errors come back as RequestError with the
 * background's own code and message.
 */
import { isEnrollmentList } from './enrollment-list-reader';
import { PROTOCOL, replySchema, type RequestOf, type RequestType, type ResponseOf } from './protocol';
import { RequestError, type RequestErrorCode } from './request-error';
import { sendThrough, UNREADABLE_REPLY, type Transport } from './request-transport';

export type { Transport } from './request-transport';

/**
 * Answers too big for zod/mini within a page's time budget, each checked by a plain matcher that
 * tests keep accepting exactly what its response schema accepts.
 */
const PLAIN_CHECKS: Partial<Record<RequestType, (data: unknown) => boolean>> = {
  'enrollment/list': isEnrollmentList,
};

function readReply(type: RequestType, raw: unknown): unknown {
  const reply = replySchema.safeParse(raw);
  if (!reply.success) throw new RequestError('internal', UNREADABLE_REPLY);
  if (!reply.data.ok) {
    const { code, message, retryAfterMs, problems } = reply.data.error;
    throw new RequestError(code as RequestErrorCode, message, { retryAfterMs, problems });
  }
  const plain = PLAIN_CHECKS[type];
  if (plain) {
    if (!plain(reply.data.data)) throw new RequestError('internal', UNREADABLE_REPLY);
    return reply.data.data;
  }
  const data = PROTOCOL[type].response.safeParse(reply.data.data);
  if (!data.success) throw new RequestError('internal', UNREADABLE_REPLY);
  return data.data;
}

export function sendRequest<T extends RequestType>(transport: Transport, type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  return sendThrough(transport, type, payload, readReply);
}
