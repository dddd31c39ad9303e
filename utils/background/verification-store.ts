/**
 * The verification histories behind the status page, in the background's IndexedDB: one record
 * per importer number, its events (enrollment/verification-event.ts) encrypted with the vault's
 * data key and bound to the importer number, so a history copied onto another importer fails to
 * open. A record that cannot be read or opened is set aside in quarantine, never dropped.
 * Beside them, one record holds every importer's digest (enrollment/history-digest.ts), written
 * in the same transaction as each history: the status page decrypts that one record, not
 * thousands.
 */
import { z } from 'zod/mini';
import { digestHistory } from '@/utils/enrollment/history-digest';
import { appendVerificationEvent, VERIFICATION_HISTORY_LIMIT, type VerificationEvent } from '@/utils/enrollment/verification-event';
import { decryptField, encryptField } from '@/utils/vault/field-cipher';
import type { AppDatabase } from './database';
import { quarantineKeys, readAllParsed, readParsed } from './quarantine';
import {
  ENROLLMENT_DIGEST_RECORD,
  enrollmentDigestRecordSchema,
  verificationRecordSchema,
  type EnrollmentDigestRecord,
  type VerificationRecord,
} from './stored-records';
import { writeTransaction } from './transactions';

const kind = z.enum(['match', 'mismatch']);
const eventSchema = z.object({
  at: z.string(),
  kind: z.enum(['on-file', 'filled', 'saved']),
  profileId: z.optional(z.string()),
  profileLabel: z.optional(z.string()),
  fields: z.optional(z.object({ routing: z.optional(kind), account: z.optional(kind), 'account-type': z.optional(kind) })),
  profile: z.optional(
    z.object({ routingNumber: z.string(), accountLast4: z.string().check(z.regex(/^\d{0,4}$/)), accountType: z.enum(['checking', 'savings']) }),
  ),
});
const historySchema = z.array(eventSchema).check(z.maxLength(VERIFICATION_HISTORY_LIMIT));

const context = (importerNumber: string) => `ace-ach-assist/verifications/${importerNumber}`;

/**
 * Records whose history did not open with the key or did not parse, quarantined like one that
 * fails its schema: the schema fails a record still holding one of these ciphertexts, so a record
 * written afresh in between (a new look after the bad one) is left where it is.
 */
function notOpenable(failed: readonly VerificationRecord[]) {
  const ciphertexts = new Set(failed.map((record) => record.history.data));
  return z.custom<unknown>((value) => !ciphertexts.has((value as { history?: { data?: unknown } } | undefined)?.history?.data as string));
}

async function openHistory(dataKey: CryptoKey, record: VerificationRecord): Promise<VerificationEvent[] | undefined> {
  try {
    const parsed = historySchema.safeParse(JSON.parse(await decryptField(dataKey, record.history, context(record.importerNumber))));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export type HistoryDigests = ReadonlyMap<string, readonly VerificationEvent[]>;

const DIGEST_CONTEXT = 'ace-ach-assist/enrollment-digest';
/** Raised when what a digest keeps changes: a digest of another version is built again. */
const DIGEST_VERSION = 1;

async function sealDigest(dataKey: CryptoKey, digests: HistoryDigests, at: string): Promise<EnrollmentDigestRecord> {
  const plain = JSON.stringify({ version: DIGEST_VERSION, importers: Object.fromEntries(digests) });
  return { key: ENROLLMENT_DIGEST_RECORD, digest: await encryptField(dataKey, plain, DIGEST_CONTEXT), updatedAt: at };
}

/**
 * The digests, or undefined when the record is missing, of another version or does not open.
 * Its events are not parsed one by one: AES-GCM authenticates the record as ours, its version
 * says its shape, and thousands of schema checks are what the digest is there to save.
 */
async function openDigest(dataKey: CryptoKey, record: EnrollmentDigestRecord): Promise<Map<string, VerificationEvent[]> | undefined> {
  try {
    const data = JSON.parse(await decryptField(dataKey, record.digest, DIGEST_CONTEXT)) as { version?: unknown; importers?: unknown };
    if (data.version !== DIGEST_VERSION || typeof data.importers !== 'object' || data.importers === null) return undefined;
    return new Map(Object.entries(data.importers as Record<string, VerificationEvent[]>));
  } catch {
    return undefined;
  }
}

export interface VerificationStore {
  /**
   * Adds the event to the importer's history: the history as written, or undefined when the
   * event repeats the latest one (nothing written). With `digests` (every importer's, as read),
   * the digest record is written in the same transaction with this importer's digest updated.
   */
  append(dataKey: CryptoKey, importerNumber: string, event: VerificationEvent, digests?: HistoryDigests): Promise<VerificationEvent[] | undefined>;
  /** Every importer's digest: from its record, else built from the histories and written. */
  readDigests(dataKey: CryptoKey): Promise<Map<string, VerificationEvent[]>>;
  /** Every importer's history, in time order. */
  readAll(dataKey: CryptoKey): Promise<Map<string, VerificationEvent[]>>;
}

export function createVerificationStore(database: () => Promise<AppDatabase>): VerificationStore {
  async function readAll(dataKey: CryptoKey): Promise<Map<string, VerificationEvent[]>> {
    const db = await database();
    const { records } = await readAllParsed(db, 'verifications', verificationRecordSchema);
    const histories = new Map<string, VerificationEvent[]>();
    const unopened: VerificationRecord[] = [];
    await Promise.all(
      records.map(async ({ value }) => {
        const history = await openHistory(dataKey, value);
        if (history) histories.set(value.importerNumber, history);
        else unopened.push(value);
      }),
    );
    if (unopened.length > 0) {
      await quarantineKeys(db, 'verifications', unopened.map((record) => record.importerNumber), notOpenable(unopened));
    }
    return histories;
  }

  return {
    async append(dataKey, importerNumber, event, digests) {
      const db = await database();
      const record = await readParsed(db, 'verifications', importerNumber, verificationRecordSchema);
      let history: VerificationEvent[] = [];
      if (record) {
        const opened = await openHistory(dataKey, record);
        if (!opened) await quarantineKeys(db, 'verifications', [importerNumber], notOpenable([record]));
        else history = opened;
      }
      const next = appendVerificationEvent(history, event);
      if (!next) return undefined;
      const sealed: VerificationRecord = {
        importerNumber,
        history: await encryptField(dataKey, JSON.stringify(next), context(importerNumber)),
        updatedAt: event.at,
      };
      const digest = digests && (await sealDigest(dataKey, new Map(digests).set(importerNumber, digestHistory(next)), event.at));
      await writeTransaction(db, ['verifications', 'enrollmentDigest'], async (transaction) => {
        await transaction.objectStore('verifications').put(sealed);
        // Without the digests at hand the record would go stale: it is dropped and built again on the next read.
        if (digest) await transaction.objectStore('enrollmentDigest').put(digest);
        else await transaction.objectStore('enrollmentDigest').delete(ENROLLMENT_DIGEST_RECORD);
      });
      return next;
    },

    async readDigests(dataKey) {
      const db = await database();
      const record = await db.get('enrollmentDigest', ENROLLMENT_DIGEST_RECORD);
      const parsed = enrollmentDigestRecordSchema.safeParse(record);
      const opened = parsed.success ? await openDigest(dataKey, parsed.data) : undefined;
      if (opened) return opened;
      const digests = new Map([...(await readAll(dataKey))].map(([importerNumber, history]) => [importerNumber, digestHistory(history)]));
      const sealed = await sealDigest(dataKey, digests, new Date().toISOString());
      // Only where no history was written meanwhile (that write dropped the digest or wrote its own).
      await writeTransaction(db, ['enrollmentDigest'], async (transaction) => {
        const now = await transaction.store.get(ENROLLMENT_DIGEST_RECORD);
        if (JSON.stringify(now) === JSON.stringify(record)) await transaction.store.put(sealed);
      });
      return digests;
    },

    readAll,
  };
}
