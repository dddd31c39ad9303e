/**
 * Page side of the protocol (popup, options, content script): sends one request and parses the
 * reply with the protocol's response schema. Errors come back as RequestError with the
 * background's own code and message.
 */
import { PROTOCOL, replySchema, type RequestOf, type RequestType, type ResponseOf } from './protocol';
import { RequestError, type RequestErrorCode } from './request-error';

export type Transport = (message: unknown) => Promise<unknown>;

export async function sendRequest<T extends RequestType>(
  transport: Transport,
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const raw = await transport({ type, payload });
  const reply = replySchema.safeParse(raw);
  if (!reply.success) throw new RequestError('internal', 'The extension sent an answer it could not read.');
  if (!reply.data.ok) {
    const { code, message, retryAfterMs, problems } = reply.data.error;
    throw new RequestError(code as RequestErrorCode, message, { retryAfterMs, problems });
  }
  const data = PROTOCOL[type].response.safeParse(reply.data.data);
  if (!data.success) throw new RequestError('internal', 'The extension sent an answer it could not read.');
  return data.data as ResponseOf<T>;
}
