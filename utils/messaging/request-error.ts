/**
 * The error a handler throws to answer with a specific, user-facing message (wrong passphrase,
 * vault locked, invalid profile), as opposed to a bug, which answers "internal".
 */
import type { WireError } from './protocol';

export type RequestErrorCode =
  | 'bad-request'
  | 'forbidden'
  | 'locked'
  | 'no-vault'
  | 'vault-exists'
  | 'wrong-passphrase'
  | 'throttled'
  | 'not-found'
  | 'invalid-profile'
  | 'invalid-import'
  | 'storage'
  | 'internal';

export class RequestError extends Error {
  readonly retryAfterMs?: number;
  readonly problems?: WireError['problems'];

  constructor(
    readonly code: RequestErrorCode,
    message: string,
    extra: Pick<WireError, 'retryAfterMs' | 'problems'> = {},
  ) {
    super(message);
    this.name = 'RequestError';
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
    if (extra.problems !== undefined) this.problems = extra.problems;
  }

  toWire(): WireError {
    const wire: WireError = { code: this.code, message: this.message };
    if (this.retryAfterMs !== undefined) wire.retryAfterMs = this.retryAfterMs;
    if (this.problems !== undefined) wire.problems = this.problems;
    return wire;
  }
}
