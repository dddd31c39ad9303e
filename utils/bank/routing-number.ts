/**
 * The ABA routing number rule used wherever a routing number is shown or typed: format,
 * check digit and the two-digit prefix that says whether the number can take an ACH refund.
 */
import { cleanedProblems, flaggedCharacterProblems, scanDigitInput } from './digit-input';
import { makeProblem } from './problems';
import type { FieldCheck, Problem } from './problems';

export const ROUTING_NUMBER_LENGTH = 9;

const CHECKSUM_WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1] as const;

/** What the first two digits say about a routing number. */
export type RoutingPrefixKind =
  | 'federal-reserve' // 01–12: a bank in a Federal Reserve district
  | 'thrift' // 21–32: a thrift institution (district + 20)
  | 'government' // 00
  | 'electronic' // 61–72: electronic transaction identifiers
  | 'travelers-cheque' // 80
  | 'nonexistent';

export interface RoutingNumberCheck extends FieldCheck {
  /** Present once the entry has 9 digits. */
  readonly prefixKind?: RoutingPrefixKind;
}

/** True when `digits` is 9 ASCII digits whose weighted sum is a multiple of 10. */
export function isAbaChecksumValid(digits: string): boolean {
  if (digits.length !== ROUTING_NUMBER_LENGTH) return false;
  let sum = 0;
  for (let i = 0; i < ROUTING_NUMBER_LENGTH; i++) {
    const digit = digits.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return false;
    sum += digit * CHECKSUM_WEIGHTS[i]!;
  }
  return sum % 10 === 0;
}

/** The ninth digit that makes the first eight a checksum-valid routing number. */
export function abaCheckDigit(firstEight: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (firstEight.charCodeAt(i) - 0x30) * CHECKSUM_WEIGHTS[i]!;
  return (10 - (sum % 10)) % 10;
}

export function routingPrefixKind(digits: string): RoutingPrefixKind {
  if (!/^\d\d/.test(digits)) return 'nonexistent';
  const prefix = Number(digits.slice(0, 2));
  if (prefix >= 1 && prefix <= 12) return 'federal-reserve';
  if (prefix >= 21 && prefix <= 32) return 'thrift';
  if (prefix === 0) return 'government';
  if (prefix >= 61 && prefix <= 72) return 'electronic';
  if (prefix === 80) return 'travelers-cheque';
  return 'nonexistent';
}

function prefixProblem(kind: RoutingPrefixKind, prefix: string): Problem | undefined {
  switch (kind) {
    case 'federal-reserve':
    case 'thrift':
      return undefined;
    case 'government':
      return makeProblem('routing.prefix-government');
    case 'electronic':
      return makeProblem('routing.prefix-electronic', { prefix });
    case 'travelers-cheque':
      return makeProblem('routing.prefix-travelers-cheque');
    case 'nonexistent':
      return makeProblem('routing.prefix-nonexistent', { prefix });
  }
}

/**
 * Checks a routing number as entered. Character problems stop the check there: counting digits
 * of an entry that holds a letter O would only add a second, misleading message.
 */
export function checkRoutingNumber(input: string): RoutingNumberCheck {
  const scan = scanDigitInput(typeof input === 'string' ? input : '');
  const cleaned = scan.removed.length > 0;
  const notes = cleanedProblems(scan);
  if (scan.flaggedCount > 0) {
    return { ok: false, cleaned, problems: [...flaggedCharacterProblems(scan, 'routing'), ...notes] };
  }
  const digits = scan.digits;
  if (digits.length === 0) {
    return { ok: false, cleaned, problems: [makeProblem('input.empty', { field: 'routing' }), ...notes] };
  }
  if (digits.length !== ROUTING_NUMBER_LENGTH) {
    return { ok: false, digits, cleaned, problems: [makeProblem('routing.length', { found: digits.length }), ...notes] };
  }
  const prefixKind = routingPrefixKind(digits);
  const problems: Problem[] = [];
  // 000000000 passes the checksum and has the government prefix; one plain message is enough.
  if (digits === '000000000') {
    problems.push(makeProblem('routing.all-zero'));
  } else {
    const prefix = prefixProblem(prefixKind, digits.slice(0, 2));
    if (prefix) problems.push(prefix);
    if (!isAbaChecksumValid(digits)) problems.push(makeProblem('routing.checksum'));
  }
  problems.push(...notes);
  const ok = problems.every((problem) => problem.severity !== 'error');
  return ok
    ? { ok, value: digits, digits, cleaned, prefixKind, problems }
    : { ok, digits, cleaned, prefixKind, problems };
}

/** The 9 digits of a valid routing number, or undefined. */
export function normaliseRoutingNumber(input: string): string | undefined {
  return checkRoutingNumber(input).value;
}
