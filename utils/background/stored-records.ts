/**
 * The shapes of what the background keeps in IndexedDB, as zod/mini schemas: every record read
 * back is parsed with one of these, and one that fails is set aside in quarantine (see
 * quarantine.ts) instead of being used or dropped.
 */
import { z } from 'zod/mini';
import { ACCOUNT_TYPES } from '@/utils/bank/account-type';
import { BANK_PROFILE_SCHEMA_VERSION, PROFILE_TEXT_LIMITS } from '@/utils/bank/profile-schema';
import { PROFILE_PAGE_SIZE } from '@/utils/messaging/protocol';
import { activityEntrySchema, directoryStatusSchema, fedAchRecordSchema, profileSummarySchema } from '@/utils/messaging/shapes';
import { BASE64 } from '@/utils/vault/base64';

const base64 = z.string().check(z.regex(BASE64));
const isoTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/));

export const ciphertextSchema = z.object({ iv: base64, data: base64 });

const text = (max: number) => z.string().check(z.maxLength(max));
const importerNumber = z.string().check(z.regex(/^[0-9A-Za-z-]{1,20}$/));

/**
 * A saved profile at rest: the bank core's BankProfile without its account number, which is
 * kept only as AES-GCM ciphertext (`accountCipher`) plus its last digits in clear
 * (`accountLast4`, see account-digits.ts for why and how many).
 *
 * Reads check the record's structure (types, lengths, the digits' shapes), not the bank rules
 * again: parseBankProfile ran on every write, and re-running it on read would cost ~30 µs a
 * record (150 ms for 5,000 when the popup opens) and would send every saved profile to
 * quarantine the day a bank rule is tightened, where the editor should warn instead.
 */
export const storedProfileSchema = z.object({
  schemaVersion: z.literal(BANK_PROFILE_SCHEMA_VERSION),
  label: text(PROFILE_TEXT_LIMITS.label),
  importerName: text(PROFILE_TEXT_LIMITS.name),
  importerNumbers: z.array(importerNumber).check(z.minLength(1)),
  bankName: text(PROFILE_TEXT_LIMITS.name),
  routingNumber: z.string().check(z.regex(/^\d{9}$/)),
  accountType: z.enum(ACCOUNT_TYPES),
  accountHolderName: text(PROFILE_TEXT_LIMITS.name),
  designatedAgent: z.optional(z.object({ name: text(PROFILE_TEXT_LIMITS.name), number: importerNumber })),
  notes: z.optional(text(PROFILE_TEXT_LIMITS.notes)),
  createdAt: isoTime,
  updatedAt: isoTime,
  lastVerifiedAt: z.optional(isoTime),
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  accountLast4: z.string().check(z.regex(/^\d{0,4}$/)),
  accountCipher: ciphertextSchema,
  /** Soft delete: the record stays until the startup purge, so a delete can be undone. */
  deletedAt: z.optional(isoTime),
  lastVerification: z.optional(z.object({ at: isoTime, result: z.enum(['match', 'mismatch']) })),
});
export type StoredProfile = z.output<typeof storedProfileSchema>;

export const LIST_HEAD_RECORD = 'first-page';
/** Raised when what the head holds or its order changes: a head of another version is built again. */
export const LIST_HEAD_VERSION = 1;

/**
 * The first page of the profile list (profile-list-head.ts): the first live profiles' summaries
 * in list order and how many live profiles there are, written in the same transaction as every
 * change to the profiles store. It holds only what the profile records hold in clear (no account
 * number, only its last digits), and only what the list shows.
 */
export const listHeadRecordSchema = z.object({
  key: z.literal(LIST_HEAD_RECORD),
  version: z.literal(LIST_HEAD_VERSION),
  count: z.number().check(z.int(), z.minimum(0)),
  profiles: z.array(profileSummarySchema).check(z.maxLength(PROFILE_PAGE_SIZE)),
});
export type ListHeadRecord = z.output<typeof listHeadRecordSchema>;

/** One setting per record, so a setting added later needs no migration. */
export const settingRecordSchema = z.object({ key: z.string(), value: z.unknown() });
export type SettingRecord = z.output<typeof settingRecordSchema>;

export const VAULT_KEY_RECORD = 'vault';
export const UNLOCK_FAILURES_RECORD = 'unlock-failures';

export const vaultKeyRecordSchema = z.object({
  key: z.literal(VAULT_KEY_RECORD),
  salt: base64,
  iterations: z.number().check(z.int(), z.positive()),
  wrappedKey: ciphertextSchema,
  createdAt: isoTime,
  passphraseChangedAt: z.optional(isoTime),
});
export type VaultKeyRecord = z.output<typeof vaultKeyRecordSchema>;

/** Kept apart from the key record so counting failures never rewrites the wrapped key. */
export const unlockFailuresRecordSchema = z.object({
  key: z.literal(UNLOCK_FAILURES_RECORD),
  failedAttempts: z.number().check(z.int(), z.minimum(0)),
  lastFailedAt: z.number(),
});
export type UnlockFailuresRecord = z.output<typeof unlockFailuresRecordSchema>;

export type VaultMetaRecord = VaultKeyRecord | UnlockFailuresRecord;

export const directoryChunkSchema = z.object({
  chunk: z.number().check(z.int(), z.minimum(0)),
  records: z.array(fedAchRecordSchema),
});
export type DirectoryChunk = z.output<typeof directoryChunkSchema>;

export const DIRECTORY_META_RECORD = 'directory';
export const directoryMetaRecordSchema = z.extend(directoryStatusSchema, { key: z.literal(DIRECTORY_META_RECORD) });
export type DirectoryMetaRecord = z.output<typeof directoryMetaRecordSchema>;

export const activityRecordSchema = activityEntrySchema;
export type ActivityRecord = z.output<typeof activityRecordSchema>;

/**
 * One importer's verification history (enrollment/verification-event.ts): the events as JSON,
 * AES-GCM encrypted with the vault's data key, the importer number bound in as context. The
 * importer number stays in clear as the key, as it does in the profiles.
 */
export const verificationRecordSchema = z.object({
  importerNumber,
  history: ciphertextSchema,
  updatedAt: isoTime,
});
export type VerificationRecord = z.output<typeof verificationRecordSchema>;

export const ENROLLMENT_DIGEST_RECORD = 'digest';
/**
 * Every importer's history digest (enrollment/history-digest.ts) as one JSON map, encrypted like
 * the histories: what the status page reads. Written in the same transaction as each history, and
 * built again from the histories whenever it is missing or does not open.
 */
export const enrollmentDigestRecordSchema = z.object({
  key: z.literal(ENROLLMENT_DIGEST_RECORD),
  digest: ciphertextSchema,
  updatedAt: isoTime,
});
export type EnrollmentDigestRecord = z.output<typeof enrollmentDigestRecordSchema>;

/** A record that failed to parse, kept as it was found. */
export interface QuarantineRecord {
  /** The store it came from. */
  readonly store: string;
  readonly key: IDBValidKey;
  readonly record: unknown;
  readonly problems: string[];
  readonly at: string;
}
