/**
 * Shapes of the data that crosses between the popup, options page, content scripts and the
 * background: zod/mini schemas, so both ends parse what they receive instead of trusting it.
 */
import { z } from 'zod/mini';
import { DEFAULT_REVERIFY_DAYS } from '@/utils/enrollment/enrollment-status';
import { PROFILE_ID_SHAPE } from '@/utils/profile-transfer/types';
import { ENROLLMENT_ROW_SHAPE } from './enrollment-row-shape';
import { schemaOf } from './shape-schema';

/** What the lock screen needs: no secrets. */
export const vaultStatusSchema = z.object({
  state: z.enum(['new', 'locked', 'unlocked']),
  autoLockMinutes: z.number(),
  /** While wrong passphrases are being slowed down: how long until the next try is taken. */
  retryAfterMs: z.optional(z.number()),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

/** A profile in the list: everything but the account number, which shows as its last 4 digits. */
export const profileSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  importerName: z.string(),
  importerNumbers: z.array(z.string()),
  bankName: z.string(),
  routingNumber: z.string(),
  accountType: z.enum(['checking', 'savings']),
  accountLast4: z.string(),
  accountHolderName: z.string(),
  updatedAt: z.string(),
  lastVerifiedAt: z.optional(z.string()),
  /** The last comparison with CBP's values on file, recorded when the page showed them. */
  lastVerification: z.optional(z.object({ at: z.string(), result: z.enum(['match', 'mismatch']) })),
});
export type ProfileSummary = z.infer<typeof profileSummarySchema>;

/**
 * A whole saved profile, account number in clear: only for extension pages, only while
 * unlocked. Its fields are the bank-core BankProfile's plus the store's id; the background
 * parses it with parseBankProfile before anything is written.
 */
export const savedProfileSchema = z.looseObject({
  id: z.string(),
  schemaVersion: z.number(),
  label: z.string(),
  accountNumber: z.string(),
});

/** A field problem as the bank core words it, with the field's path. */
export const problemSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  path: z.optional(z.string()),
  position: z.optional(z.number()),
});
export type WireProblem = z.infer<typeof problemSchema>;

/** Profiles per import/chunk message (the options page sends fewer). */
export const IMPORT_CHUNK_MAX_PROFILES = 1_000;
/** Rows of each list an import preview names; the rest are counted. */
export const PREVIEW_ROWS_SHOWN = 100;

/**
 * A profile the options page's import worker found good, on its way to the background, which
 * checks it again with parseBankProfile before keeping it. Ids not shaped like ours are left out
 * by the page (they could match no saved profile).
 */
export const importCandidateSchema = z.object({
  line: z.number().check(z.int(), z.minimum(1)),
  id: z.optional(z.string().check(z.regex(PROFILE_ID_SHAPE))),
  profile: z.record(z.string(), z.unknown()),
});
export type WireImportCandidate = z.infer<typeof importCandidateSchema>;

const previewRow = z.object({ line: z.number(), label: z.string(), importerNumbers: z.array(z.string()) });

/**
 * A preview of an import: how many profiles would be added and updated, and the first
 * PREVIEW_ROWS_SHOWN of each (a 100,000-row file is not sent back whole). The rejected lines
 * never reach the background: the options page's worker lists them.
 */
export const importPreviewSchema = z.object({
  token: z.string(),
  added: z.number(),
  updated: z.number(),
  add: z.array(previewRow).check(z.maxLength(PREVIEW_ROWS_SHOWN)),
  update: z.array(z.extend(previewRow, { id: z.string() })).check(z.maxLength(PREVIEW_ROWS_SHOWN)),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const directoryStatusSchema = z.object({
  recordCount: z.number(), importedAt: z.string(), sourceName: z.string(),
  /** The newest change date in the file, YYYY-MM-DD: the file's own age. */
  newestChangeDate: z.optional(z.string()),
});
export type DirectoryStatus = z.infer<typeof directoryStatusSchema>;

/** One FedACH record as the bank core's FedAchRecord. */
export const fedAchRecordSchema = z.object({
  routingNumber: z.string().check(z.regex(/^\d{9}$/)),
  officeCode: z.enum(['O', 'B']),
  recordType: z.enum(['0', '1', '2']),
  newRoutingNumber: z.optional(z.string().check(z.regex(/^\d{9}$/))),
  changeDate: z.optional(z.string()),
  name: z.string(),
  city: z.string(),
  state: z.string(),
  institutionStatus: z.string(),
});

export const settingsSchema = z.object({
  autoLockMinutes: z.number().check(z.int(), z.minimum(1), z.maximum(24 * 60)),
  /** Ask before the page saves a form with invalid or mismatched bank fields. */
  submitGuard: z.boolean(),
  /** Extra ACE hosts the user granted at run time, e.g. a training environment. */
  extraHosts: z.array(z.string()),
  /** The status page asks for a new look at CBP's file after this many days (issue text: default 180). */
  reverifyDays: z.number().check(z.int(), z.minimum(1), z.maximum(3650)),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 15, submitGuard: true, extraHosts: [], reverifyDays: DEFAULT_REVERIFY_DAYS };

/** Activity log entry: never an account number. */
export const activityEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  profileLabel: z.optional(z.string()),
  importerNumber: z.optional(z.string()),
  page: z.optional(z.string()),
  detail: z.optional(z.string()),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

/** FedACH records per directory/import-chunk message (the options page sends 2,000). */
export const DIRECTORY_CHUNK_MAX_RECORDS = 5_000;
/** The longest batch text: far above 1,000 profiles with long notes, or 5,000 records. */
export const JSON_BATCH_MAX_CHARS = 8 * 1024 * 1024;

/**
 * A batch of profiles or FedACH records as JSON text, made by the options page's import worker:
 * the page passes it on untouched (building and re-serialising 100,000 objects there is what froze
 * it), and the background parses it with the batch's schema before anything else.
 */
export const jsonBatchSchema = z.string().check(z.minLength(2), z.maxLength(JSON_BATCH_MAX_CHARS));
export const importCandidatesSchema = z.array(importCandidateSchema).check(z.maxLength(IMPORT_CHUNK_MAX_PROFILES));
export const fedAchRecordsSchema = z.array(fedAchRecordSchema).check(z.maxLength(DIRECTORY_CHUNK_MAX_RECORDS));

/** The batch's items, or undefined when the text is not JSON of that shape. */
export function parseJsonBatch<T>(text: string, schema: z.ZodMiniType<T>): T | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

/**
 * What the organization manages (background/managed-policy.ts): only the keys in force, each
 * one the user cannot change. Absent keys are the user's to set.
 */
export const managedPolicySchema = z.object({
  autoLockMinutes: z.optional(z.number()),
  maxAutoLockMinutes: z.optional(z.number()),
  forceSubmitGuard: z.optional(z.literal(true)),
  extraHosts: z.optional(z.array(z.string())),
  /** zxcvbn score a new passphrase needs, only when above the app's own 3. */
  minPassphraseScore: z.optional(z.number()),
  allowExport: z.optional(z.literal(false)),
});
export type ManagedPolicy = z.infer<typeof managedPolicySchema>;

/** A row of the status page, built from its one description (enrollment-row-shape.ts). */
export const enrollmentRowSchema = schemaOf(ENROLLMENT_ROW_SHAPE);
