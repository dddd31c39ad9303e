/**
 * What the extension remembers of an importer's ACH enrolment on ACE: one event per visit that
 * showed CBP's values on file (after Get Info/Refresh), per fill of the form from a profile and
 * per Save click. Kept per importer number + suffix, the last VERIFICATION_HISTORY_LIMIT only,
 * encrypted at rest by the background. Never an account number: its last 4 digits at most.
 */
import type { AccountType } from '@/utils/bank/account-type';
import type { ComparedKind, FieldVerdict, ValueSource } from '@/utils/form-checks/compare-with-profile';

/** Events kept per importer: older ones are dropped as new ones come. */
export const VERIFICATION_HISTORY_LIMIT = 20;

/**
 * on-file: the page showed CBP's values and they were compared with the profile.
 * filled: the form was filled from a profile. saved: the user clicked Save on the bank form.
 * The last two mean "entered, not yet confirmed by CBP" until a later on-file event.
 */
export type VerificationEventKind = 'on-file' | 'filled' | 'saved';

export type FieldResult = 'match' | 'mismatch';

/** What the compared profile held then: a later edit of it asks for the importer to be checked again. */
export interface ProfileFingerprint {
  readonly routingNumber: string;
  readonly accountLast4: string;
  readonly accountType: AccountType;
}

export interface VerificationEvent {
  /** ISO time. */
  readonly at: string;
  readonly kind: VerificationEventKind;
  readonly profileId?: string;
  readonly profileLabel?: string;
  /** on-file: each compared field's result (a field the page did not show is left out). */
  readonly fields?: Partial<Record<ComparedKind, FieldResult>>;
  readonly profile?: ProfileFingerprint;
}

/**
 * The same on-file result this soon after the last one is not a new event: a page that compares
 * on every change would otherwise fill the history (and the activity log) with one Get Info/Refresh.
 */
export const VERIFICATION_REPEAT_MS = 10 * 60_000;
/** A second Save or fill this soon is the same entry (a double click, a page that re-submits). */
export const ENTRY_REPEAT_MS = 30_000;

function sameFields(a: VerificationEvent['fields'], b: VerificationEvent['fields']): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}

/**
 * The history with `event` appended, or undefined when it adds nothing: the same result as the
 * latest event, of the same kind and profile, within the repeat window. The history is kept in
 * time order and bounded.
 */
export function appendVerificationEvent(
  history: readonly VerificationEvent[],
  event: VerificationEvent,
): VerificationEvent[] | undefined {
  const last = history.at(-1);
  if (last && last.kind === event.kind && last.profileId === event.profileId) {
    const window = event.kind === 'on-file' ? VERIFICATION_REPEAT_MS : ENTRY_REPEAT_MS;
    const since = Date.parse(event.at) - Date.parse(last.at);
    if (since >= 0 && since < window && sameFields(last.fields, event.fields)) return undefined;
  }
  const next = [...history, event].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return next.slice(-VERIFICATION_HISTORY_LIMIT);
}

/** An on-file event's result: a mismatch when any field differs, else a match. */
export function onFileResult(event: VerificationEvent): FieldResult {
  return Object.values(event.fields ?? {}).includes('mismatch') ? 'mismatch' : 'match';
}

/** The bank details an event remembers of a profile (its account by the last 4 digits only). */
export function profileFingerprint(profile: ProfileFingerprint): ProfileFingerprint {
  return { routingNumber: profile.routingNumber, accountLast4: profile.accountLast4, accountType: profile.accountType };
}

/** Each compared field's result from one source's verdicts; a field that could not be compared is left out. */
export function verdictFields(verdicts: readonly FieldVerdict[], source: ValueSource): Partial<Record<ComparedKind, FieldResult>> {
  const fields: Partial<Record<ComparedKind, FieldResult>> = {};
  for (const verdict of verdicts) if (verdict.source === source && verdict.result !== 'unknown') fields[verdict.kind] = verdict.result;
  return fields;
}
