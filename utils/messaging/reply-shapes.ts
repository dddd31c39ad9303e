/**
 * The replies a content script receives, each described once as a plain shape: protocol.ts
 * builds their zod schemas from these (shape-schema.ts), and the content script checks each
 * reply with `matchesShape` (content-replies.ts). Content scripts carry no zod (the every-frame
 * script's size budget), and this way both ends read the same description.
 */

/** 'string' | 'number' | 'boolean', `true` for the literal true, or one of the builders below. */
export type Shape =
  | 'string'
  | 'number'
  | 'boolean'
  | true
  | { readonly oneOf: readonly string[] }
  | { readonly optional: Shape }
  | { readonly arrayOf: Shape }
  | { readonly fields: { readonly [key: string]: Shape } };

type Fields = { readonly [key: string]: Shape };
type OptionalKeys<F extends Fields> = { [K in keyof F]: F[K] extends { readonly optional: Shape } ? K : never }[keyof F];
type Flat<T> = { [K in keyof T]: T[K] };
type ObjectOf<F extends Fields> = Flat<
  { -readonly [K in Exclude<keyof F, OptionalKeys<F>>]: ShapeType<F[K]> } & {
    -readonly [K in OptionalKeys<F>]?: F[K] extends { readonly optional: infer I extends Shape } ? ShapeType<I> | undefined : never;
  }
>;

/** The TypeScript type of the values a shape accepts (what zod's output of its schema is). */
export type ShapeType<S extends Shape> = S extends 'string'
  ? string
  : S extends 'number'
    ? number
    : S extends 'boolean'
      ? boolean
      : S extends true
        ? true
        : S extends { readonly oneOf: readonly (infer V)[] }
          ? V
          : S extends { readonly optional: infer I extends Shape }
            ? ShapeType<I> | undefined
            : S extends { readonly arrayOf: infer I extends Shape }
              ? ShapeType<I>[]
              : S extends { readonly fields: infer F extends Fields }
                ? ObjectOf<F>
                : never;

export const oneOf = <const V extends readonly string[]>(...values: V) => ({ oneOf: values });
export const optional = <const S extends Shape>(shape: S) => ({ optional: shape });
export const arrayOf = <const S extends Shape>(shape: S) => ({ arrayOf: shape });
export const fields = <const F extends Fields>(shape: F) => ({ fields: shape });

/** Whether `value` has the shape: what zod/mini's parse of `schemaOf(shape)` accepts. */
export function matchesShape(shape: Shape, value: unknown): boolean {
  if (shape === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (typeof shape === 'string') return typeof value === shape;
  if (shape === true) return value === true;
  if ('oneOf' in shape) return typeof value === 'string' && shape.oneOf.includes(value);
  if ('optional' in shape) return value === undefined || matchesShape(shape.optional, value);
  if ('arrayOf' in shape) return Array.isArray(value) && value.every((item) => matchesShape(shape.arrayOf, item));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return Object.keys(shape.fields).every((key) => matchesShape(shape.fields[key]!, record[key]));
}

export const DONE = fields({ done: true });

const choice = fields({ id: 'string', label: 'string', importerNumber: 'string', baseOnly: 'boolean' });

/** What the page/compare verdicts say of each compared field. */
export const FIELD_VERDICT = fields({
  kind: oneOf('routing', 'account', 'account-type'),
  source: oneOf('form', 'on-file'),
  result: oneOf('match', 'mismatch', 'unknown'),
  message: optional('string'),
});

/** The reply to each request a content script makes; the protocol's comments say what they mean. */
export const CONTENT_REPLIES = {
  'directory/lookup': fields({
    /** False until the user imports a directory; then nothing else is said. */
    imported: 'boolean',
    found: 'boolean',
    bankName: optional('string'),
    city: optional('string'),
    state: optional('string'),
    receivesGovernmentEntries: optional('boolean'),
    replacedBy: optional('string'),
    /** The bank of the replacing number, when the directory lists it too. */
    replacementBankName: optional('string'),
    /** "Did you mean": listed numbers one digit change or one adjacent swap away, best first. */
    suggestions: arrayOf(fields({ routingNumber: 'string', bankName: 'string' })),
  }),
  'page/importer': DONE,
  'page/open-unlock': DONE,
  'page/form': DONE,
  'page/assistant': fields({ loaded: 'boolean' }),
  'page/fill-done': DONE,
  'page/saved': DONE,
  'page/user-activity': DONE,
  'page/confirm-importer': fields({ fill: 'boolean' }),
  'page/picker-open': fields({ token: 'string' }),
  'page/settings': fields({ submitGuard: 'boolean' }),
  'page/fill': fields({
    /** The chosen profile: the page's checks compare with it from now on. */
    profileId: 'string',
    profileLabel: 'string',
    /** The profile's importer number that the page's importer was compared with. */
    profileImporter: 'string',
    /** The importer the page shows, when it shows one. */
    pageImporter: optional('string'),
    /** Whether the profile is the page importer's: another importer's is asked about first. */
    importerMatch: oneOf('same', 'other-suffix', 'other', 'unknown'),
    values: fields({
      routing: 'string',
      account: 'string',
      accountType: oneOf('checking', 'savings'),
      bankName: optional('string'),
      holderName: optional('string'),
    }),
  }),
  'page/compare': fields({
    vault: oneOf('new', 'locked', 'unlocked'),
    importerNumbers: arrayOf('string'),
    match: oneOf('one', 'several', 'base-only', 'none', 'unknown-importer', 'unclear-importer'),
    /** unclear-importer: the numbers the page shows, none labelled as the importer's; the user chooses. */
    importerCandidates: optional(arrayOf('string')),
    /** Profiles the user may choose from: the importer's own (same suffix, else same EIN); never others. */
    choices: arrayOf(choice),
    profile: optional(choice),
    verdicts: arrayOf(FIELD_VERDICT),
    verification: optional(oneOf('match', 'mismatch')),
    /** The page kept changing its values on file: compared once a second at most, not recorded. */
    repeatedChanges: optional(true),
    /** A sandboxed frame (or not an ACE origin): format checks only, no profile compared. */
    formatOnly: optional(true),
  }),
} as const;

export type ContentRequestType = keyof typeof CONTENT_REPLIES;
