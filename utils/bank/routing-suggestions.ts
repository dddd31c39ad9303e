/**
 * Typo help: when a routing number fails the check digit or is missing from the imported
 * directory, the directory entries one slip away (one digit changed, or two neighbours swapped),
 * most plausible first. Only suggestions: the user picks, nothing is replaced for them.
 */
import { sameBankName } from './bank-name-match';
import { scanDigitInput } from './digit-input';
import type { FedAchIndex } from './fedach-directory';
import { receivesGovernmentEntries } from './fedach-directory';
import type { FedAchRecord } from './fedach-record';
import { bankMessage } from './messages';
import { isAbaChecksumValid } from './routing-number';

export const MAX_ROUTING_SUGGESTIONS = 3;

export interface RoutingSuggestion {
  readonly routingNumber: string;
  readonly record: FedAchRecord;
  /** One digit replaced, or two adjacent digits swapped. */
  readonly change: 'digit' | 'swap';
  /** 1-based position of the changed digit, or of the first of the swapped pair. */
  readonly position: number;
  /** "Did you mean 021000021 — JPMORGAN CHASE BANK?" */
  readonly message: string;
}

interface Candidate {
  readonly routingNumber: string;
  readonly record: FedAchRecord;
  readonly change: 'digit' | 'swap';
  readonly position: number;
  readonly rank: number;
}

/**
 * Bigger is better. Each criterion outweighs all later ones together: a valid check digit, then
 * still active (not replaced), then takes government entries, then main office, i.e. the
 * numbers most likely to take CBP's refund come first.
 */
function rankOf(record: FedAchRecord): number {
  return (
    (isAbaChecksumValid(record.routingNumber) ? 8 : 0) +
    (record.recordType !== '2' ? 4 : 0) +
    (receivesGovernmentEntries(record) ? 2 : 0) +
    (record.officeCode === 'O' ? 1 : 0)
  );
}

const DIGITS = '0123456789';

/** Directory entries one digit change or one adjacent swap away from `digits`. */
function neighbours(index: FedAchIndex, digits: string): Candidate[] {
  const candidates: Candidate[] = [];
  const consider = (routingNumber: string, change: 'digit' | 'swap', position: number): void => {
    const record = index.get(routingNumber);
    if (record) candidates.push({ routingNumber, record, change, position, rank: rankOf(record) });
  };
  for (let i = 0; i < 9; i++) {
    const before = digits.slice(0, i);
    const after = digits.slice(i + 1);
    for (const digit of DIGITS) if (digit !== digits[i]) consider(before + digit + after, 'digit', i + 1);
  }
  for (let i = 0; i < 8; i++) {
    const a = digits[i]!;
    const b = digits[i + 1]!;
    if (a !== b) consider(digits.slice(0, i) + b + a + digits.slice(i + 2), 'swap', i + 1);
  }
  return candidates;
}

/**
 * Suggestions for an entered routing number (as typed: spaces and hyphens are fine). Empty when
 * the entry is not 9 digits, or when it is valid and listed, since then there is nothing to fix.
 * `knownBanks` (the form's Bank Name field, the profile's bank) puts a candidate of that bank
 * first among candidates that rank the same.
 */
export function suggestRoutingNumbers(
  index: FedAchIndex,
  entered: string,
  limit: number = MAX_ROUTING_SUGGESTIONS,
  knownBanks: readonly string[] = [],
): RoutingSuggestion[] {
  const scan = scanDigitInput(typeof entered === 'string' ? entered : '', 0);
  const digits = scan.digits;
  if (scan.flaggedCount > 0 || digits.length !== 9) return [];
  if (isAbaChecksumValid(digits) && index.has(digits)) return [];
  const banks = Array.isArray(knownBanks) ? knownBanks.filter((name) => typeof name === 'string' && name.trim() !== '') : [];
  const known = (candidate: Candidate) => (banks.some((name) => sameBankName(name, candidate.record.name)) ? 1 : 0);
  return neighbours(index, digits)
    .map((candidate) => ({ ...candidate, known: known(candidate) }))
    .sort((x, y) => y.rank - x.rank || y.known - x.known || (x.routingNumber < y.routingNumber ? -1 : 1))
    .slice(0, Math.max(0, limit))
    .map(({ routingNumber, record, change, position }) => ({
      routingNumber,
      record,
      change,
      position,
      message: bankMessage('directory.suggestion', { routingNumber, bankName: record.name }),
    }));
}
