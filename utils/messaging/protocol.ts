/**
 * The one message protocol between the extension's pages, its content scripts and the
 * background: every request type with its request and response schema. The background parses
 * each request before acting and each page parses each response before using it.
 *
 * `contentScripts: true` marks the few requests a content script on an ACE page may make;
 * everything else answers extension pages only (the background checks the sender, not the
 * message's word).
 */
import { z } from 'zod/mini';
import { FIELD_KINDS } from '@/utils/detection/field-kinds';
import { PAGE_VALUE_MAX_LENGTH } from '@/utils/form-checks/sendable-values';
import {
  activityEntrySchema,
  directoryStatusSchema,
  enrollmentRowSchema,
  importPreviewSchema,
  jsonBatchSchema,
  managedPolicySchema,
  problemSchema,
  profileSummarySchema,
  savedProfileSchema,
  settingsSchema,
  vaultStatusSchema,
} from './shapes';
import { CONTENT_REPLIES, DONE } from './reply-shapes';
import { schemaOf } from './shape-schema';

/** What the user types to erase all data (Options), and what data/erase must carry. */
export const ERASE_CONFIRMATION = 'ERASE';

/** Longer search text matches nothing anyway; the popup's search box stops there. */
export const PROFILE_QUERY_MAX_LENGTH = 256;

/**
 * Rows per page of the popup's list. The background keeps the first page of the whole list
 * ready in IndexedDB (profile-list-head.ts), so a page asked with this limit or less is answered
 * at once even by a service worker that has just started.
 */
export { PROFILE_PAGE_SIZE } from './first-requests';

const pageValue = z.optional(z.string().check(z.maxLength(PAGE_VALUE_MAX_LENGTH)));
const pageValuesSchema = z.object({ routing: pageValue, account: pageValue, accountType: pageValue });

/** A picker session's token (fill-sessions.ts makes them). */
const fillToken = z.string().check(z.minLength(16), z.maxLength(64));
/** A profile as the picker lists it: no account number beyond its last digits. */
const pickerRowSchema = z.object({
  id: z.string(),
  label: z.string(),
  importerName: z.string(),
  importerNumber: z.string(),
  bankName: z.string(),
  accountLast4: z.string(),
  accountType: z.enum(['checking', 'savings']),
  /** For the page's importer: the same number, or the same EIN under another suffix. */
  forImporter: z.optional(z.enum(['same', 'other-suffix'])),
});
export type PickerRow = z.infer<typeof pickerRowSchema>;

const passphrase = z.string().check(z.minLength(1), z.maxLength(1024));
const empty = z.object({});
const done = schemaOf(DONE);
/**
 * The reply schemas of the requests content scripts make, built from the shapes the content
 * scripts check replies against (reply-shapes.ts, where their fields are described).
 */
const contentReply = <T extends keyof typeof CONTENT_REPLIES>(type: T) => schemaOf(CONTENT_REPLIES[type]);

function route<Req extends z.ZodMiniType, Res extends z.ZodMiniType>(
  request: Req,
  response: Res,
  contentScripts = false,
) {
  return { request, response, contentScripts };
}

export const PROTOCOL = {
  'vault/status': route(empty, vaultStatusSchema, true),
  'vault/setup': route(z.object({ passphrase }), vaultStatusSchema),
  'vault/unlock': route(z.object({ passphrase }), vaultStatusSchema),
  'vault/lock': route(empty, vaultStatusSchema),
  'vault/change-passphrase': route(z.object({ current: passphrase, next: passphrase }), done),

  /**
   * Live profiles in label order. With `query`, only those it matches (label, importer name,
   * importer number with or without hyphens, bank name, last digits of the account); with
   * `offset` and `limit`, one page of them, so a popup over thousands of profiles receives only
   * the rows it shows. Without either, every profile.
   */
  'profiles/list': route(
    z.object({
      query: z.optional(z.string().check(z.maxLength(PROFILE_QUERY_MAX_LENGTH))),
      offset: z.optional(z.number().check(z.int(), z.minimum(0))),
      limit: z.optional(z.number().check(z.int(), z.minimum(1))),
    }),
    z.object({
      profiles: z.array(profileSummarySchema),
      quarantined: z.number(),
      /** Profiles matching the query (every live profile without one). */
      total: z.number(),
      /** Every live profile. */
      count: z.number(),
    }),
  ),
  'profiles/get': route(z.object({ id: z.string() }), z.object({ profile: savedProfileSchema })),
  /** Without id: a new profile. The profile is parsed with the bank core's parseBankProfile. */
  'profiles/save': route(
    z.object({ id: z.optional(z.string()), profile: z.record(z.string(), z.unknown()) }),
    z.object({ profile: profileSummarySchema, warnings: z.array(problemSchema) }),
  ),
  /** Other profiles with the same routing + account number (the editor warns before saving). */
  'profiles/find-duplicates': route(
    z.object({ routingNumber: z.string(), accountNumber: z.string(), exceptId: z.optional(z.string()) }),
    z.object({ labels: z.array(z.string()) }),
  ),
  'profiles/delete': route(z.object({ id: z.string() }), done),
  /** Undo of a delete. */
  'profiles/restore': route(z.object({ id: z.string() }), z.object({ profile: profileSummarySchema })),

  // A profiles import: the options page's worker reads and checks the file; the good profiles
  // come here in batches (the background checks each again), then the plan is previewed under a
  // token and written on import/commit. Nothing is written before that.
  'import/begin': route(empty, z.object({ importId: z.string() })),
  'import/chunk': route(
    z.object({
      importId: z.string().check(z.maxLength(128)),
      /** JSON of up to IMPORT_CHUNK_MAX_PROFILES profiles (shapes.ts importCandidatesSchema), parsed here. */
      candidatesJson: jsonBatchSchema,
    }),
    z.object({ received: z.number() }),
  ),
  'import/preview': route(z.object({ importId: z.string().check(z.maxLength(128)) }), importPreviewSchema),
  /** Cancel: forgets a staged import (its importId) or a previewed plan (its token). */
  'import/discard': route(z.object({ token: z.string().check(z.maxLength(128)) }), done),
  'import/commit': route(z.object({ token: z.string() }), z.object({ added: z.number(), updated: z.number() })),
  'export/plain': route(z.object({ format: z.enum(['json', 'csv']) }), z.object({ text: z.string(), count: z.number() })),
  'export/encrypted': route(z.object({ passphrase }), z.object({ text: z.string(), count: z.number() })),

  'directory/import-begin': route(
    z.object({ sourceName: z.string() }),
    z.object({ importId: z.string() }),
  ),
  'directory/import-chunk': route(
    /** JSON of up to DIRECTORY_CHUNK_MAX_RECORDS records (shapes.ts fedAchRecordsSchema), parsed here. */
    z.object({ importId: z.string(), recordsJson: jsonBatchSchema }),
    z.object({ received: z.number() }),
  ),
  'directory/import-commit': route(
    z.object({ importId: z.string() }),
    z.extend(directoryStatusSchema, {
      /** Live profiles whose routing number the new file lists as replaced, or not at all (the status page names them). */
      profilesWarned: z.number(),
    }),
  ),
  'directory/status': route(empty, z.object({ status: z.nullable(directoryStatusSchema) })),
  /**
   * What the imported FedACH directory says of a routing number: its bank, the number that
   * replaced it, whether it takes government entries, and the listed numbers one slip away.
   * Facts only: the rules and their words are the bank-entry check's (form-checks/bank-entry-check.ts).
   */
  'directory/lookup': route(
    z.object({
      routingNumber: z.string().check(z.maxLength(64)),
      /** Bank names the user gave (the form's Bank Name field): put first among tied suggestions. */
      bankNames: z.optional(z.array(z.string().check(z.maxLength(128))).check(z.maxLength(4))),
      /** The profile compared with: its bank counts as given too. */
      profileId: z.optional(z.string().check(z.maxLength(128))),
    }),
    contentReply('directory/lookup'),
    true,
  ),

  'settings/get': route(empty, settingsSchema),
  'settings/set': route(z.partial(settingsSchema), settingsSchema),
  /** What the organization manages (policy): the options page shows those settings as fixed. */
  'settings/managed': route(empty, managedPolicySchema),

  'activity/list': route(empty, z.object({ entries: z.array(activityEntrySchema) })),

  /**
   * The status page: one row per importer number known from a live profile or a recorded visit
   * to its ACH tab, with the statuses the rules give (enrollment/enrollment-status.ts) as of
   * `now`. Unlocked vault only: the histories are encrypted with the vault's key.
   */
  'enrollment/list': route(
    empty,
    z.object({
      rows: z.array(enrollmentRowSchema),
      now: z.string(),
      reverifyDays: z.number(),
      /** The imported FedACH file the directory warnings come from; null: none imported. */
      directory: z.nullable(directoryStatusSchema),
    }),
  ),

  /**
   * Options → "Erase all data": the vault, profiles, directory, settings, activity log and the
   * extension's storage. The word the user typed comes along: nothing erases without it.
   */
  'data/erase': route(z.object({ confirmation: z.literal(ERASE_CONFIRMATION) }), done),

  // The ACE page assistant (content scripts). The background answers with verdicts and labels,
  // never a profile's account number.
  /** The top frame tells which importer its page shows; frames of the same tab then use it. */
  'page/importer': route(
    z.object({
      /** The importer's number as the page labels it (normally one). */
      importerNumbers: z.array(z.string().check(z.maxLength(32))).check(z.maxLength(20)),
      /** Numbers the page leaves unclear between (no label says which is the importer's): the user chooses. */
      candidates: z.optional(z.array(z.string().check(z.maxLength(32))).check(z.maxLength(20))),
      accountName: z.optional(z.string().check(z.maxLength(200))),
    }),
    contentReply('page/importer'),
    true,
  ),
  /** Compares what the page shows (form and on-file values) with the importer's profile. */
  'page/compare': route(
    z.object({
      /** The user's choice among the offered profiles; else the importer's one match. */
      profileId: z.optional(z.string()),
      /** The user's choice among the tab's unclear importer numbers (`importerCandidates`). */
      importerNumber: z.optional(z.string().check(z.maxLength(32))),
      form: pageValuesSchema,
      onFile: pageValuesSchema,
      /** Record "verified on file" (or the mismatch) for the compared profile. */
      recordVerification: z.boolean(),
      page: z.string().check(z.maxLength(2048)),
    }),
    contentReply('page/compare'),
    true,
  ),
  /**
   * The user clicked Save on the bank form (a trusted click, or "Save anyway"): recorded for the
   * importer as entered, not yet confirmed by CBP, until a refresh shows the values on file.
   * Answers nothing about the profile.
   */
  'page/saved': route(
    z.object({
      profileId: z.optional(z.string().check(z.maxLength(128))),
      importerNumber: z.optional(z.string().check(z.maxLength(32))),
      form: pageValuesSchema,
      page: z.string().check(z.maxLength(2048)),
    }),
    contentReply('page/saved'),
    true,
  ),
  /** Opens the popup's unlock screen in a small window (the page's "Unlock" button). */
  'page/open-unlock': route(empty, contentReply('page/open-unlock'), true),

  // Filling. The fill requests of a content script are answered only where the
  // background, from the browser's sender facts, finds an ACE origin over https that is not a
  // sandboxed frame (utils/messaging/fill-recipient.ts).
  /** This frame found a bank form: inject the page assistant here and in the top frame. */
  'page/assistant': route(empty, contentReply('page/assistant'), true),
  /** This frame shows a bank form now (or no longer): where the popup and the shortcut open the picker. */
  'page/form': route(z.object({ present: z.boolean() }), contentReply('page/form'), true),
  /** Opens a picker session for this frame: the token the picker page is opened with. */
  'page/picker-open': route(empty, contentReply('page/picker-open'), true),
  /** The values of the profile the user chose in this frame's picker; once per session. */
  'page/fill': route(
    z.object({ token: fillToken }),
    contentReply('page/fill'),
    true,
  ),
  /** What the fill did, for the activity log: kinds only, never a value. */
  'page/fill-done': route(
    z.object({
      token: fillToken,
      filled: z.array(z.enum(FIELD_KINDS)).check(z.maxLength(40)),
      page: z.string().check(z.maxLength(2048)),
    }),
    contentReply('page/fill-done'),
    true,
  ),
  /**
   * The user's own (trusted) key press, paste or click on the bank form or our UI, at most one
   * every 20 s: the only content-script request that postpones auto-lock.
   */
  'page/user-activity': route(empty, contentReply('page/user-activity'), true),
  /**
   * Another importer's profile where the browser cannot tell whether the page shows our UI
   * (Firefox): the question is asked in the extension's own window; the answer comes back here.
   */
  'page/confirm-importer': route(z.object({ token: fillToken }), contentReply('page/confirm-importer'), true),
  /** That window: the question it asks (extension pages only; the page is not web-accessible). */
  'confirm/question': route(
    z.object({ id: z.string().check(z.maxLength(64)) }),
    z.object({ title: z.string(), lines: z.array(z.string()) }),
  ),
  /** That window: the user's answer. */
  'confirm/answer': route(z.object({ id: z.string().check(z.maxLength(64)), fill: z.boolean() }), done),
  /** The settings the page assistant follows (the submit guard). */
  'page/settings': route(empty, contentReply('page/settings'), true),

  /** The picker page: the profiles to offer for its session's tab, the importer's first. */
  'picker/list': route(
    z.object({ token: fillToken, query: z.optional(z.string().check(z.maxLength(PROFILE_QUERY_MAX_LENGTH))) }),
    z.object({
      vault: z.enum(['new', 'locked', 'unlocked']),
      importerNumbers: z.array(z.string()),
      rows: z.array(pickerRowSchema),
      /** Profiles matching the query, the rows shown being the first of them. */
      total: z.number(),
    }),
  ),
  /** The user chose a profile in the picker: the session's frame is told to fetch it. */
  'picker/choose': route(z.object({ token: fillToken, profileId: z.string() }), done),
  /** The popup's "Fill this page" (and the shortcut): opens the picker in the active ACE tab. */
  'fill/open-picker': route(empty, z.object({ opened: z.boolean(), message: z.optional(z.string()) })),
} as const;

export type RequestType = keyof typeof PROTOCOL;
export type RequestOf<T extends RequestType> = z.input<(typeof PROTOCOL)[T]['request']>;
export type ResponseOf<T extends RequestType> = z.output<(typeof PROTOCOL)[T]['response']>;

/** What travels: `{ type, payload }` one way, an envelope the other. */
export const envelopeSchema = z.object({ type: z.string(), payload: z.unknown() });

export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  retryAfterMs: z.optional(z.number()),
  problems: z.optional(z.array(problemSchema)),
});
export type WireError = z.infer<typeof errorSchema>;

export const replySchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorSchema }),
]);
export type Reply = z.infer<typeof replySchema>;

export function isRequestType(type: string): type is RequestType {
  return Object.hasOwn(PROTOCOL, type);
}
