/**
 * The messages between the options page and its import worker, both ways, as zod/mini schemas:
 * the worker parses every request before acting and the page parses every reply before using
 * it, as with the background's protocol. The worker reads the user's file itself (a File is
 * handed over by reference), so the page's main thread never holds or scans the file's text; the
 * good profiles and records come as JSON text the page passes on to the background untouched
 * (the background parses them with their schemas), a few batches at a time ('passed-on').
 */
import { z } from 'zod/mini';
import { jsonBatchSchema, problemSchema } from '@/utils/messaging/shapes';

export type { WireImportCandidate } from '@/utils/messaging/shapes';

/** Rows checked between two progress messages, and profiles per message to the background. */
export const IMPORT_BATCH_ROWS = 500;
/** FedACH records per message (the background's directory/import-chunk takes them as they come). */
export const DIRECTORY_BATCH_RECORDS = 2_000;
/** Rejected profile lines sent in full; the rest are counted. */
export const PROBLEMS_SHOWN = 100;
/** Bad lines of a directory file sent in full; the rest are counted. */
export const DIRECTORY_PROBLEMS_SHOWN = 20;

const count = z.number().check(z.int(), z.minimum(0));
const blob = z.custom<Blob>((value) => typeof Blob !== 'undefined' && value instanceof Blob, 'Expected a file.');
export const workerRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('check-profiles'),
    file: blob,
    fileName: z.string().check(z.maxLength(1024)),
    /** ISO time given to profiles without timestamps. */
    now: z.string().check(z.maxLength(64)),
    /** For an encrypted backup: its own passphrase. */
    backupPassphrase: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
  }),
  z.object({ type: z.literal('read-directory'), file: blob }),
  /** Flow control, after the job started: the page has passed on this many data batches in all. */
  z.object({ type: z.literal('passed-on'), batches: count }),
]);
export type WorkerRequest = z.infer<typeof workerRequestSchema>;

export const rejectedLineSchema = z.object({ line: z.number().check(z.int(), z.minimum(1)), reasons: z.array(z.string()) });

export const directoryProblemSchema = z.extend(problemSchema, { line: z.optional(z.number()) });
export type DirectoryProblem = z.infer<typeof directoryProblemSchema>;

export const workerReplySchema = z.discriminatedUnion('type', [
  /** Before rows are counted: reading the file, opening the backup, reading its structure. */
  z.object({ type: z.literal('stage'), stage: z.enum(['reading', 'decrypting', 'parsing']) }),
  /** Profiles: rows checked so far. */
  z.object({ type: z.literal('progress'), done: count, total: count }),
  /** Profiles: the next good rows, in file order, as JSON (shapes.ts importCandidatesSchema) the page passes on untouched. */
  z.object({ type: z.literal('candidates'), count: z.number().check(z.int(), z.minimum(1), z.maximum(IMPORT_BATCH_ROWS)), json: jsonBatchSchema }),
  z.object({
    type: z.literal('profiles-done'),
    total: count,
    accepted: count,
    rejectedCount: count,
    /** The first PROBLEMS_SHOWN rejected lines, with the readers' own words. */
    rejected: z.array(rejectedLineSchema).check(z.maxLength(PROBLEMS_SHOWN)),
  }),
  z.object({ type: z.literal('needs-passphrase') }),
  /** The file as a whole cannot be imported (or the backup passphrase is wrong): why, in words. */
  z.object({ type: z.literal('refused'), code: z.enum(['invalid-import', 'wrong-passphrase']), reason: z.string() }),
  /** FedACH: bytes of the file read so far. */
  z.object({ type: z.literal('directory-progress'), bytesRead: count, totalBytes: count }),
  /** FedACH: the file is read; `recordCount` good records follow in 'records' messages. */
  z.object({
    type: z.literal('directory-read'),
    format: z.enum(['text', 'json']),
    recordCount: count,
    itemsRead: count,
    problemCount: count,
    problems: z.array(directoryProblemSchema).check(z.maxLength(DIRECTORY_PROBLEMS_SHOWN)),
  }),
  /** FedACH: the next good records as JSON (shapes.ts fedAchRecordsSchema) the page passes on untouched. */
  z.object({ type: z.literal('records'), count: z.number().check(z.int(), z.minimum(1), z.maximum(DIRECTORY_BATCH_RECORDS)), json: jsonBatchSchema }),
  /** Something went wrong that is not the file's fault. */
  z.object({ type: z.literal('failed') }),
]);
export type WorkerReply = z.infer<typeof workerReplySchema>;
export type WorkerPost = (reply: WorkerReply) => void;
