/**
 * The bank account number rule: 4–17 digits (ACE's limit is 17), leading zeros kept, plus the
 * warnings for the slips that most often send a refund back (routing number typed into the
 * account field, a confirmation that differs). Messages never repeat the number itself.
 */
import { cleanedProblems, flaggedCharacterProblems, scanDigitInput, separatorKind } from './digit-input';
import { makeProblem } from './problems';
import type { FieldCheck, Problem } from './problems';
import { ROUTING_NUMBER_LENGTH } from './routing-number';

export const ACCOUNT_NUMBER_MIN_DIGITS = 4;
/** Nacha's DFI account number field and ACE's own field both stop at 17. */
export const ACCOUNT_NUMBER_MAX_DIGITS = 17;

export interface AccountNumberCheckOptions {
  /** The routing number entered next to it, to catch it typed into the account field. */
  readonly routingNumber?: string;
  /**
   * The repeated entry. Undefined or empty means not entered yet, so no mismatch is reported
   * while the user is still typing the first one.
   */
  readonly confirmation?: string;
}

export interface AccountEntriesComparison {
  readonly match: boolean;
  /** 1-based positions that differ, counting characters other than spaces, hyphens and dots. */
  readonly differingPositions: readonly number[];
  readonly firstLength: number;
  readonly secondLength: number;
}

export function checkAccountNumber(input: string, options: AccountNumberCheckOptions = {}): FieldCheck {
  const entry = typeof input === 'string' ? input : '';
  const scan = scanDigitInput(entry);
  const cleaned = scan.removed.length > 0;
  const notes = cleanedProblems(scan);
  const confirmation = options.confirmation ? confirmationProblems(compareAccountEntries(entry, options.confirmation)) : [];
  if (scan.flaggedCount > 0) {
    return { ok: false, cleaned, problems: [...flaggedCharacterProblems(scan, 'account'), ...confirmation, ...notes] };
  }
  const digits = scan.digits;
  if (digits.length === 0) {
    return { ok: false, cleaned, problems: [makeProblem('input.empty', { field: 'account' }), ...notes] };
  }
  const problems: Problem[] = [];
  if (digits.length < ACCOUNT_NUMBER_MIN_DIGITS) {
    problems.push(makeProblem('account.too-short', { found: digits.length }));
  } else if (digits.length > ACCOUNT_NUMBER_MAX_DIGITS) {
    problems.push(makeProblem('account.too-long', { found: digits.length }));
  }
  if (digits.length >= ACCOUNT_NUMBER_MIN_DIGITS && isOneRepeatedDigit(digits)) {
    problems.push(makeProblem('account.same-digit'));
  }
  const routing = options.routingNumber === undefined ? '' : scanDigitInput(options.routingNumber).digits;
  if (routing.length === ROUTING_NUMBER_LENGTH) {
    if (digits === routing) problems.push(makeProblem('account.is-routing'));
    else if (digits.includes(routing)) problems.push(makeProblem('account.contains-routing'));
  }
  problems.push(...confirmation, ...notes);
  const ok = problems.every((problem) => problem.severity !== 'error');
  return ok ? { ok, value: digits, digits, cleaned, problems } : { ok, digits, cleaned, problems };
}

function isOneRepeatedDigit(digits: string): boolean {
  for (let i = 1; i < digits.length; i++) if (digits[i] !== digits[0]) return false;
  return true;
}

/** The entry as a list of characters, with the separators users may type left out. */
function significantCharacters(entry: string): string[] {
  const characters: string[] = [];
  for (const character of entry) {
    if (separatorKind(character.codePointAt(0)!) === undefined) characters.push(character);
  }
  return characters;
}

/**
 * Compares the account number with its repeated entry position by position, ignoring the
 * separators both checks tolerate, so "1234 5678" and "12345678" match.
 */
export function compareAccountEntries(first: string, second: string): AccountEntriesComparison {
  const a = significantCharacters(first);
  const b = significantCharacters(second);
  const differingPositions: number[] = [];
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) if (a[i] !== b[i]) differingPositions.push(i + 1);
  return {
    match: a.length === b.length && differingPositions.length === 0,
    differingPositions,
    firstLength: a.length,
    secondLength: b.length,
  };
}

/** The mismatch warning for a comparison, or nothing when the entries agree. */
export function confirmationProblems(comparison: AccountEntriesComparison): Problem[] {
  if (comparison.match) return [];
  if (comparison.firstLength !== comparison.secondLength) {
    return [makeProblem('account.confirm-length', { first: comparison.firstLength, second: comparison.secondLength })];
  }
  return [makeProblem('account.confirm-mismatch', { positions: comparison.differingPositions })];
}
