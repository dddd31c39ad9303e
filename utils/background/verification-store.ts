/**
 * The verification histories behind the status page, in the background's IndexedDB: one record
 * per importer number, its events (enrollment/verification-event.ts) encrypted with the vault's
 * data key and bound to the importer number, so a history copied onto another importer fails to
 * open. A record that cannot be read or opened is set aside in quarantine, never dropped.
 */
import { z } from 'zod/mini';
import { appendVerificationEvent, VERIFICATION_HISTORY_LIMIT, type VerificationEvent } from '@/utils/enrollment/verification-event';
import { decryptField, encryptField } from '@/utils/vault/field-cipher';
import type { AppDatabase } from './database';
import { quarantineKeys, readAllParsed, readParsed } from './quarantine';
import { verificationRecordSchema, type VerificationRecord } from './stored-records';
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

export interface VerificationStore {
  /** Adds the event to the importer's history: the history as written, or undefined when the event repeats the latest one (nothing written). */
  append(dataKey: CryptoKey, importerNumber: string, event: VerificationEvent): Promise<VerificationEvent[] | undefined>;
  /** Every importer's history, in time order. */
  readAll(dataKey: CryptoKey): Promise<Map<string, VerificationEvent[]>>;
}

export function createVerificationStore(database: () => Promise<AppDatabase>): VerificationStore {
  return {
    async append(dataKey, importerNumber, event) {
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
      await writeTransaction(db, ['verifications'], (transaction) => transaction.store.put(sealed));
      return next;
    },

    async readAll(dataKey) {
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
    },
  };
}
