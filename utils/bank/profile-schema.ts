/**
 * The saved bank profile: one importer's ACH refund details as the popup edits them and
 * storage keeps them. Parsing reports each problem with its field path and the very words and
 * codes of the field checks, because the schema calls those checks rather than restating them.
 *
 * Timestamps are ISO 8601 strings in UTC as `Date.prototype.toISOString()` writes them
 * ("2026-02-06T15:04:05.000Z"): readable in exports and backups, and they sort as text.
 */
import { z } from 'zod/mini';
import { PROFILE_FIELD_LABELS, profileFieldLabel, type ProfileFieldKey } from './field-labels';
import { checkAccountNumber } from './account-number';
import { ACCOUNT_TYPES } from './account-type';
import { checkImporterNumber } from './importer-number';
import { makeProblem } from './problems';
import type { FieldCheck, Problem } from './problems';
import { checkRoutingNumber } from './routing-number';
import { valueInWords } from './value-words';

export const BANK_PROFILE_SCHEMA_VERSION = 1;

export const PROFILE_TEXT_LIMITS = { label: 80, name: 140, notes: 2000 } as const;

export interface ProfileProblem extends Problem {
  /** Dotted path of the field, e.g. "routingNumber", "importerNumbers.1", "designatedAgent.number". */
  readonly path: string;
}

export type BankProfileParse =
  | { readonly ok: true; readonly profile: BankProfile; readonly warnings: readonly ProfileProblem[] }
  | { readonly ok: false; readonly problems: readonly ProfileProblem[] };

/** Turns a field check's errors into schema issues, keeping the check's own problem. */
function fieldCheck(check: (value: string) => FieldCheck) {
  return z.check<string>((payload) => {
    for (const problem of check(payload.value).problems) {
      if (problem.severity !== 'error') continue;
      payload.issues.push({ code: 'custom', message: problem.message, input: payload.value, params: { problem } });
    }
  });
}

function problemCheck(find: (value: string) => Problem | undefined) {
  return z.check<string>((payload) => {
    const problem = find(payload.value);
    if (problem) payload.issues.push({ code: 'custom', message: problem.message, input: payload.value, params: { problem } });
  });
}

function requiredText(field: ProfileFieldKey, max: number) {
  const label = PROFILE_FIELD_LABELS[field];
  return z.pipe(
    z.string().check(
      problemCheck((value) => {
        const trimmed = value.trim();
        if (trimmed.length === 0) return makeProblem('profile.required', { field: label });
        if (trimmed.length > max) return makeProblem('profile.too-long', { field: label, max });
        return undefined;
      }),
    ),
    z.transform((value: string) => value.trim()),
  );
}

function optionalText(field: ProfileFieldKey, max: number) {
  const label = PROFILE_FIELD_LABELS[field];
  return z.pipe(
    z.string().check(
      problemCheck((value) => (value.trim().length > max ? makeProblem('profile.too-long', { field: label, max }) : undefined)),
    ),
    z.transform((value: string) => value.trim()),
  );
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

function timestamp(field: ProfileFieldKey) {
  const label = PROFILE_FIELD_LABELS[field];
  return z.string().check(
    problemCheck((value) =>
      ISO_UTC.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : makeProblem('profile.timestamp', { field: label }),
    ),
  );
}

/** Validated with the field check, stored in the check's normalised form. */
function checkedNumber(check: (value: string) => FieldCheck) {
  return z.pipe(z.string().check(fieldCheck(check)), z.transform((value: string) => check(value).value ?? value));
}

const importerNumberSchema = checkedNumber(checkImporterNumber);

export const bankProfileSchema = z.object({
  schemaVersion: z.literal(BANK_PROFILE_SCHEMA_VERSION),
  label: requiredText('label', PROFILE_TEXT_LIMITS.label),
  importerName: requiredText('importerName', PROFILE_TEXT_LIMITS.name),
  importerNumbers: z.array(importerNumberSchema).check(
    z.check<string[]>((payload) => {
      if (payload.value.length > 0) return;
      const problem = makeProblem('profile.importer-numbers-empty');
      payload.issues.push({ code: 'custom', message: problem.message, input: payload.value, params: { problem } });
    }),
  ),
  bankName: requiredText('bankName', PROFILE_TEXT_LIMITS.name),
  routingNumber: checkedNumber(checkRoutingNumber),
  // Warnings that need the routing number too come from parseBankProfile, not from here.
  accountNumber: checkedNumber((value) => checkAccountNumber(value)),
  accountType: z.enum(ACCOUNT_TYPES),
  accountHolderName: requiredText('accountHolderName', PROFILE_TEXT_LIMITS.name),
  designatedAgent: z.optional(
    z.object({
      name: requiredText('designatedAgent.name', PROFILE_TEXT_LIMITS.name),
      number: importerNumberSchema,
    }),
  ),
  notes: z.optional(optionalText('notes', PROFILE_TEXT_LIMITS.notes)),
  createdAt: timestamp('createdAt'),
  updatedAt: timestamp('updatedAt'),
  lastVerifiedAt: z.optional(timestamp('lastVerifiedAt')),
});

/** A profile as stored: trimmed text, numbers in normalised form. */
export type BankProfile = z.output<typeof bankProfileSchema>;
/** A profile as the popup or an old backup may hand it over, before normalising. */
export type BankProfileInput = z.input<typeof bankProfileSchema>;

type SchemaIssue = z.core.$ZodIssue;

function fieldLabel(path: readonly PropertyKey[]): string {
  return profileFieldLabel(path.filter((part) => typeof part === 'string').join('.'));
}

/** Maps zod's own issues (wrong type, missing field, unknown enum value) onto the same codes. */
function problemForIssue(issue: SchemaIssue, input: unknown): Problem {
  const carried = issue.code === 'custom' ? (issue.params?.problem as Problem | undefined) : undefined;
  if (carried) return carried;
  const path = issue.path;
  if (path.length === 0) return makeProblem('profile.not-object');
  const top = path[0];
  if (top === 'schemaVersion') {
    const found = (input as { schemaVersion?: unknown }).schemaVersion;
    return found === undefined
      ? makeProblem('profile.required', { field: PROFILE_FIELD_LABELS.schemaVersion })
      : makeProblem('profile.schema-version', { found: valueInWords(found) });
  }
  if (top === 'accountType') return makeProblem('profile.account-type');
  const field = fieldLabel(path);
  if (issue.code === 'invalid_type') {
    const missing = valueAt(input, path) === undefined;
    if (issue.expected === 'string') return makeProblem(missing ? 'profile.required' : 'profile.not-text', { field });
    if (missing) return makeProblem('profile.required', { field });
  }
  return makeProblem('profile.invalid', { field });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function withPath(problem: Problem, path: readonly PropertyKey[]): ProfileProblem {
  return { ...problem, path: path.map(String).join('.') };
}

/** Warnings about a valid profile: the account checks that compare it with the routing number. */
export function bankProfileWarnings(profile: BankProfile): ProfileProblem[] {
  return checkAccountNumber(profile.accountNumber, { routingNumber: profile.routingNumber })
    .problems.filter((problem) => problem.severity === 'warning')
    .map((problem) => withPath(problem, ['accountNumber']));
}

export function parseBankProfile(input: unknown): BankProfileParse {
  const parsed = bankProfileSchema.safeParse(input);
  if (parsed.success) return { ok: true, profile: parsed.data, warnings: bankProfileWarnings(parsed.data) };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => withPath(problemForIssue(issue, input), issue.path)),
  };
}
