/**
 * The content script's side of the protocol: it sends only the few requests content scripts
 * may make, and checks each reply with these small guards instead of the protocol's zod
 * schemas. The content script runs in every ACE frame and zod alone was 27 KB of its 98 KB, so
 * this file keeps it inside its size budget; a unit test holds each guard equal to the zod
 * schema of the same reply, so the two cannot drift apart.
 */
import type { RequestOf, ResponseOf } from './protocol';
import { RequestError, type RequestErrorCode } from './request-error';
import type { Transport } from './send-request';

export type ContentRequestType =
  | 'directory/lookup'
  | 'page/importer'
  | 'page/compare'
  | 'page/open-unlock'
  | 'page/form'
  | 'page/assistant'
  | 'page/picker-open'
  | 'page/fill'
  | 'page/fill-done'
  | 'page/settings'
  | 'page/user-activity'
  | 'page/confirm-importer';

type Guard = (value: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const optional = (guard: Guard): Guard => (value) => value === undefined || guard(value);
const oneOf = (...allowed: string[]): Guard => (value) => isString(value) && allowed.includes(value);
const arrayOf = (guard: Guard): Guard => (value) => Array.isArray(value) && value.every(guard);
const shape = (fields: Record<string, Guard>): Guard => (value) =>
  isObject(value) && Object.entries(fields).every(([key, guard]) => guard(value[key]));

const problem = shape({
  code: isString,
  severity: oneOf('error', 'warning', 'info'),
  message: isString,
  path: optional(isString),
  position: optional((v) => typeof v === 'number'),
});
const choice = shape({ id: isString, label: isString, importerNumber: isString, baseOnly: (v) => typeof v === 'boolean' });

export const CONTENT_REPLY_GUARDS: Record<ContentRequestType, Guard> = {
  'directory/lookup': shape({
    imported: (v) => typeof v === 'boolean',
    found: (v) => typeof v === 'boolean',
    bankName: optional(isString),
    city: optional(isString),
    state: optional(isString),
    receivesGovernmentEntries: optional((v) => typeof v === 'boolean'),
    replacedBy: optional(isString),
    problems: arrayOf(problem),
    suggestions: arrayOf(shape({ routingNumber: isString, bankName: isString, message: isString })),
  }),
  'page/importer': shape({ done: (v) => v === true }),
  'page/open-unlock': shape({ done: (v) => v === true }),
  'page/form': shape({ done: (v) => v === true }),
  'page/assistant': shape({ loaded: (v) => typeof v === 'boolean' }),
  'page/fill-done': shape({ done: (v) => v === true }),
  'page/user-activity': shape({ done: (v) => v === true }),
  'page/confirm-importer': shape({ fill: (v) => typeof v === 'boolean' }),
  'page/picker-open': shape({ token: isString }),
  'page/settings': shape({ submitGuard: (v) => typeof v === 'boolean' }),
  'page/fill': shape({
    profileId: isString,
    profileLabel: isString,
    profileImporter: isString,
    pageImporter: optional(isString),
    importerMatch: oneOf('same', 'other-suffix', 'other', 'unknown'),
    values: shape({
      routing: isString,
      account: isString,
      accountType: oneOf('checking', 'savings'),
      bankName: optional(isString),
      holderName: optional(isString),
    }),
  }),
  'page/compare': shape({
    vault: oneOf('new', 'locked', 'unlocked'),
    importerNumbers: arrayOf(isString),
    match: oneOf('one', 'several', 'base-only', 'none', 'unknown-importer', 'unclear-importer'),
    importerCandidates: optional(arrayOf(isString)),
    choices: arrayOf(choice),
    profile: optional(choice),
    verdicts: arrayOf(
      shape({
        kind: oneOf('routing', 'account', 'account-type'),
        source: oneOf('form', 'on-file'),
        result: oneOf('match', 'mismatch', 'unknown'),
        message: optional(isString),
      }),
    ),
    verification: optional(oneOf('match', 'mismatch')),
    repeatedChanges: optional((v) => v === true),
    formatOnly: optional((v) => v === true),
  }),
};

const UNREADABLE = 'The extension sent an answer it could not read.';

export async function sendContentRequest<T extends ContentRequestType>(
  transport: Transport,
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const reply = await transport({ type, payload });
  if (!isObject(reply)) throw new RequestError('internal', UNREADABLE);
  if (reply.ok === false && isObject(reply.error) && isString(reply.error.code) && isString(reply.error.message)) {
    throw new RequestError(reply.error.code as RequestErrorCode, reply.error.message);
  }
  if (reply.ok !== true || !CONTENT_REPLY_GUARDS[type](reply.data)) throw new RequestError('internal', UNREADABLE);
  return reply.data as ResponseOf<T>;
}
