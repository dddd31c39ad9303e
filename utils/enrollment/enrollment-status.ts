/**
 * The status page's rules: for every importer number known from a saved profile or from a visit
 * to its ACH Refund Authorization tab, where its ACH enrolment stands. Pure: the background
 * hands in the profiles, the decrypted verification histories and the FedACH directory's word.
 *
 * A row carries every status that applies; its Status column shows the first in
 * STATUS_PRECEDENCE (README "Enrollment status" explains the order):
 *   mismatch    the latest look at CBP's file differed from the profile (and the profile has not
 *               changed since);
 *   directory   the profile's routing number was replaced, or is absent, in the imported FedACH file;
 *   incomplete  no saved profile names the importer (seen on ACE only), or the profile lacks a
 *               bank detail the ACH tab asks for;
 *   entered     the latest event is a fill or a Save: entered, not yet confirmed by a refresh;
 *   reverify    the latest look matched, but more than `reverifyDays` ago, or the profile's bank
 *               details changed since;
 *   never-seen  nothing recorded: the importer's tab was never refreshed with the extension on;
 *   verified    the latest look at CBP's file matched the profile as it is now, within `reverifyDays`.
 */
import type { AccountType } from '@/utils/bank/account-type';
import { PROFILE_FIELD_LABELS as FIELD_LABELS } from '@/utils/bank/field-labels';
import type { ComparedKind } from '@/utils/form-checks/compare-with-profile';
import { onFileResult, profileFingerprint, type ProfileFingerprint, type VerificationEvent } from './verification-event';

export const ENROLLMENT_STATUSES = ['mismatch', 'directory', 'incomplete', 'entered', 'reverify', 'never-seen', 'verified'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
/** Most urgent first: what is wrong, then what waits on the user, then what is done. */
export const STATUS_PRECEDENCE: readonly EnrollmentStatus[] = ENROLLMENT_STATUSES;

export const STATUS_LABELS: Readonly<Record<EnrollmentStatus, string>> = {
  mismatch: 'Mismatch',
  directory: 'Directory warning',
  incomplete: 'Profile incomplete',
  entered: 'Entered, not confirmed',
  reverify: 'Re-verify',
  'never-seen': 'Never seen on ACE',
  verified: 'Verified',
};

export const DEFAULT_REVERIFY_DAYS = 180;
const DAY_MS = 86_400_000;

/** A saved profile as the rules need it: no account number beyond its last 4 digits. */
export interface EnrollmentProfile {
  readonly id: string;
  readonly label: string;
  readonly importerName: string;
  readonly importerNumbers: readonly string[];
  readonly bankName: string;
  readonly routingNumber: string;
  readonly accountLast4: string;
  readonly accountType: AccountType;
  readonly accountHolderName: string;
  /** The profile's own last comparison, kept from before histories existed. */
  readonly lastVerification?: { readonly at: string; readonly result: 'match' | 'mismatch' };
}

/** What the imported FedACH file says of a routing number; undefined when listed or no file. */
export type DirectoryWarning = { readonly kind: 'replaced'; readonly replacedBy: string } | { readonly kind: 'absent' };

export interface EnrollmentInput {
  readonly profiles: readonly EnrollmentProfile[];
  /** Verification histories by importer number, each in time order. */
  readonly histories: ReadonlyMap<string, readonly VerificationEvent[]>;
  readonly directory?: (routingNumber: string) => DirectoryWarning | undefined;
  readonly now: number;
  readonly reverifyDays: number;
}

export interface EnrollmentRow {
  readonly importerNumber: string;
  readonly importerName: string;
  readonly profileId?: string;
  readonly profileLabel: string;
  readonly bankName: string;
  readonly routingNumber: string;
  readonly accountLast4: string;
  /** The first of `statuses` in STATUS_PRECEDENCE. */
  readonly status: EnrollmentStatus;
  readonly statuses: EnrollmentStatus[];
  /** The latest look at CBP's file that matched (ISO time). */
  readonly lastVerifiedAt?: string;
  /** The latest event of any kind (ISO time). */
  readonly lastSeenAt?: string;
  /** The fields CBP's file showed differently, at its latest look. */
  readonly differs: ComparedKind[];
  /** One plain sentence per status that needs saying (why it applies). */
  readonly notes: string[];
}

const DIFFER_WORDS: Readonly<Record<ComparedKind, string>> = {
  routing: FIELD_LABELS.routingNumber.toLowerCase(),
  account: FIELD_LABELS.accountNumber.toLowerCase(),
  'account-type': FIELD_LABELS.accountType.toLowerCase(),
};

export function differWords(kinds: readonly ComparedKind[]): string {
  return kinds.map((kind) => DIFFER_WORDS[kind]).join(', ');
}

function sameFingerprint(a: ProfileFingerprint, b: ProfileFingerprint | undefined): boolean {
  // An event from before fingerprints were kept counts as made with the profile as it is.
  if (!b) return true;
  return a.routingNumber === b.routingNumber && a.accountLast4 === b.accountLast4 && a.accountType === b.accountType;
}

const day = (iso: string) => iso.slice(0, 10);

/** The profile a row stands for: the one its latest event names, else the first by label. */
function rowProfile(candidates: readonly EnrollmentProfile[], events: readonly VerificationEvent[]): EnrollmentProfile | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const named = candidates.find((profile) => profile.id === events[i]!.profileId);
    if (named) return named;
  }
  return candidates[0];
}

/** The history, or the profile's own last verification where no history was kept yet. */
function eventsFor(
  history: readonly VerificationEvent[] | undefined,
  profile: EnrollmentProfile | undefined,
): readonly (VerificationEvent | (VerificationEvent & { fieldsUnknown: true }))[] {
  if (history && history.length > 0) return history;
  const last = profile?.lastVerification;
  if (!profile || !last) return [];
  // Which field differed was not kept then: the result stands for all three.
  const fields = { routing: last.result, account: last.result, 'account-type': last.result } as const;
  return [{ at: last.at, kind: 'on-file', profileId: profile.id, profileLabel: profile.label, fields, fieldsUnknown: true }];
}

function missingDetails(profile: EnrollmentProfile): string[] {
  const missing: string[] = [];
  if (!profile.bankName.trim()) missing.push(FIELD_LABELS.bankName.toLowerCase());
  if (!profile.accountHolderName.trim()) missing.push(FIELD_LABELS.accountHolderName.toLowerCase());
  if (!/^\d{9}$/.test(profile.routingNumber)) missing.push(FIELD_LABELS.routingNumber.toLowerCase());
  if (!profile.accountLast4) missing.push(FIELD_LABELS.accountNumber.toLowerCase());
  return missing;
}

interface EventState {
  readonly statuses: EnrollmentStatus[];
  readonly notes: string[];
  readonly differs: ComparedKind[];
}

/** mismatch, entered, reverify, never-seen or verified, from the latest event. */
function eventState(events: readonly VerificationEvent[], profile: EnrollmentProfile | undefined, input: EnrollmentInput): EventState {
  const last = events.at(-1);
  if (!last) return { statuses: ['never-seen'], notes: [], differs: [] };
  if (last.kind !== 'on-file') {
    const how = last.kind === 'filled' ? 'Filled' : 'Saved';
    return { statuses: ['entered'], notes: [`${how} on ${day(last.at)}; press Get Info/Refresh on ACE to confirm CBP has it.`], differs: [] };
  }
  const changed = profile !== undefined && !sameFingerprint(profileFingerprint(profile), last.profile);
  const differs = (Object.keys(last.fields ?? {}) as ComparedKind[]).filter((kind) => last.fields?.[kind] === 'mismatch');
  if (onFileResult(last) === 'mismatch') {
    if (changed) return { statuses: ['reverify'], notes: [`The profile changed after CBP's file differed on ${day(last.at)}; check it again.`], differs };
    if ('fieldsUnknown' in last) return { statuses: ['mismatch'], notes: [`CBP's file differed from the profile on ${day(last.at)}.`], differs: [] };
    return { statuses: ['mismatch'], notes: [`CBP's file differs: ${differWords(differs)}.`], differs };
  }
  if (changed) return { statuses: ['reverify'], notes: [`The profile's bank details changed after it was verified on ${day(last.at)}.`], differs: [] };
  const ageDays = Math.floor((input.now - Date.parse(last.at)) / DAY_MS);
  if (ageDays > input.reverifyDays) {
    return { statuses: ['reverify'], notes: [`Verified ${ageDays} days ago, more than ${input.reverifyDays}.`], differs: [] };
  }
  return { statuses: ['verified'], notes: [], differs: [] };
}

function directoryNote(routingNumber: string, warning: DirectoryWarning): string {
  return warning.kind === 'replaced'
    ? `The FedACH file says routing number ${routingNumber} was replaced by ${warning.replacedBy}.`
    : `Routing number ${routingNumber} is not in the imported FedACH file.`;
}

function buildRow(importerNumber: string, candidates: readonly EnrollmentProfile[], history: readonly VerificationEvent[] | undefined, input: EnrollmentInput): EnrollmentRow {
  const profile = rowProfile(candidates, history ?? []);
  const events = eventsFor(history, profile);
  const state = eventState(events, profile, input);
  const statuses = new Set<EnrollmentStatus>(state.statuses);
  const notes = [...state.notes];
  if (profile) {
    const warning = input.directory?.(profile.routingNumber);
    if (warning) {
      statuses.add('directory');
      notes.push(directoryNote(profile.routingNumber, warning));
    }
    const missing = missingDetails(profile);
    if (missing.length > 0) {
      statuses.add('incomplete');
      notes.push(`The profile has no ${missing.join(', ')}.`);
    }
    if (candidates.length > 1) notes.push(`${candidates.length} profiles name this importer.`);
  } else {
    statuses.add('incomplete');
    notes.push('No saved profile names this importer.');
  }
  const ordered = STATUS_PRECEDENCE.filter((status) => statuses.has(status));
  const lastMatch = [...events].reverse().find((event) => event.kind === 'on-file' && onFileResult(event) === 'match');
  const latestLabel = [...events].reverse().find((event) => event.profileLabel)?.profileLabel;
  return {
    importerNumber,
    importerName: profile?.importerName ?? '',
    ...(profile ? { profileId: profile.id } : {}),
    profileLabel: profile?.label ?? latestLabel ?? '',
    bankName: profile?.bankName ?? '',
    routingNumber: profile?.routingNumber ?? '',
    accountLast4: profile?.accountLast4 ?? '',
    status: ordered[0]!,
    statuses: ordered,
    ...(lastMatch ? { lastVerifiedAt: lastMatch.at } : {}),
    ...(events.length > 0 ? { lastSeenAt: events.at(-1)!.at } : {}),
    differs: state.differs,
    notes,
  };
}

/** One row per importer number known from a live profile or a recorded visit, in importer-number order. */
export function enrollmentRows(input: EnrollmentInput): EnrollmentRow[] {
  const byImporter = new Map<string, EnrollmentProfile[]>();
  const labelOrder = [...input.profiles].sort((a, b) => a.label.localeCompare(b.label));
  for (const profile of labelOrder) {
    for (const number of new Set(profile.importerNumbers)) {
      const list = byImporter.get(number);
      if (list) list.push(profile);
      else byImporter.set(number, [profile]);
    }
  }
  for (const number of input.histories.keys()) if (!byImporter.has(number)) byImporter.set(number, []);
  const numbers = [...byImporter.keys()].sort();
  return numbers.map((number) => buildRow(number, byImporter.get(number)!, input.histories.get(number), input));
}

/** Rows carrying each status (a row counts under every status it carries). */
export function statusCounts(rows: readonly EnrollmentRow[]): Record<EnrollmentStatus, number> {
  const counts = Object.fromEntries(ENROLLMENT_STATUSES.map((status) => [status, 0])) as Record<EnrollmentStatus, number>;
  for (const row of rows) for (const status of row.statuses) counts[status]++;
  return counts;
}

/** The toolbar badge: importers whose enrolment is wrong or due for a look (each counted once). */
export function badgeCount(rows: readonly EnrollmentRow[]): number {
  return rows.filter((row) => row.statuses.includes('mismatch') || row.statuses.includes('reverify')).length;
}
