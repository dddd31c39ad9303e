/**
 * Compares the bank details on the page (what the user typed, or what CBP shows on file after
 * Get Info/Refresh) with the saved profile of the importer. It runs in the background, where
 * the decrypted account number already is, so the page only ever receives the verdict and
 * the account's last digits.
 */
import { accountTypeFromText, ACCOUNT_TYPE_LABELS, type AccountType } from '@/utils/bank/account-type';
import { scanDigitInput } from '@/utils/bank/digit-input';
import { compareWithMaskedAccount, readMaskedAccount } from './masked-account';

export type ComparedKind = 'routing' | 'account' | 'account-type';
export type ValueSource = 'form' | 'on-file';

export interface PageBankValues {
  readonly routing?: string;
  readonly account?: string;
  readonly accountType?: string;
}

export interface ComparableProfile {
  readonly label: string;
  readonly routingNumber: string;
  readonly accountNumber: string;
  readonly accountType: AccountType;
}

export interface FieldVerdict {
  readonly kind: ComparedKind;
  readonly source: ValueSource;
  readonly result: 'match' | 'mismatch' | 'unknown';
  /** What to tell the user on a mismatch; never the whole account number. */
  readonly message?: string;
}

const last4 = (digits: string) => digits.slice(-4);

function plainDigits(text: string): string | undefined {
  const scan = scanDigitInput(text, 0);
  return scan.flaggedCount === 0 && scan.digits.length > 0 ? scan.digits : undefined;
}

function where(source: ValueSource): string {
  return source === 'on-file' ? "CBP's file shows" : 'The form has';
}

function compareRouting(text: string, profile: ComparableProfile, source: ValueSource): FieldVerdict {
  const digits = plainDigits(text);
  if (digits === undefined || digits.length !== 9) return { kind: 'routing', source, result: 'unknown' };
  if (digits === profile.routingNumber) return { kind: 'routing', source, result: 'match' };
  return {
    kind: 'routing',
    source,
    result: 'mismatch',
    message: `${where(source)} routing number ${digits}; the profile "${profile.label}" says ${profile.routingNumber}.`,
  };
}

function compareAccount(text: string, profile: ComparableProfile, source: ValueSource): FieldVerdict {
  const expected = profile.accountNumber;
  const mismatch = (shownEnd: string): FieldVerdict => ({
    kind: 'account',
    source,
    result: 'mismatch',
    message:
      `${where(source)} an account number ending ${shownEnd}; the profile "${profile.label}" has one ` +
      `ending ${last4(expected)}.`,
  });
  if (source === 'on-file') {
    const shown = readMaskedAccount(text);
    if (!shown) return { kind: 'account', source, result: 'unknown' };
    const result = compareWithMaskedAccount(expected, shown);
    return result === 'mismatch' ? mismatch(last4(shown.visibleDigits)) : { kind: 'account', source, result };
  }
  const digits = plainDigits(text);
  if (digits === undefined) return { kind: 'account', source, result: 'unknown' };
  if (digits === expected) return { kind: 'account', source, result: 'match' };
  // Same last 4 but different: say where it differs without showing more digits.
  if (last4(digits) === last4(expected)) {
    return {
      kind: 'account',
      source,
      result: 'mismatch',
      message: `${where(source)} a different account number from the profile "${profile.label}" (same last 4 digits; check the others).`,
    };
  }
  return mismatch(last4(digits));
}

function compareAccountType(text: string, profile: ComparableProfile, source: ValueSource): FieldVerdict {
  const type = accountTypeFromText(text);
  if (!type) return { kind: 'account-type', source, result: 'unknown' };
  if (type === profile.accountType) return { kind: 'account-type', source, result: 'match' };
  return {
    kind: 'account-type',
    source,
    result: 'mismatch',
    message: `${where(source)} ${ACCOUNT_TYPE_LABELS[type]}; the profile "${profile.label}" says ${ACCOUNT_TYPE_LABELS[profile.accountType]}.`,
  };
}

/** One verdict per value present on the page. */
export function compareWithProfile(
  values: PageBankValues,
  profile: ComparableProfile,
  source: ValueSource,
): FieldVerdict[] {
  const verdicts: FieldVerdict[] = [];
  if (values.routing?.trim()) verdicts.push(compareRouting(values.routing, profile, source));
  if (values.account?.trim()) verdicts.push(compareAccount(values.account, profile, source));
  if (values.accountType?.trim()) verdicts.push(compareAccountType(values.accountType, profile, source));
  return verdicts;
}

/**
 * What to record about CBP's file for the profile: "match" only when routing, account and type
 * were all shown and all agree; "mismatch" as soon as one differs; nothing when unclear.
 */
export function onFileVerification(verdicts: readonly FieldVerdict[]): 'match' | 'mismatch' | undefined {
  const onFile = verdicts.filter((verdict) => verdict.source === 'on-file');
  if (onFile.some((verdict) => verdict.result === 'mismatch')) return 'mismatch';
  const matched = new Set(onFile.filter((verdict) => verdict.result === 'match').map((verdict) => verdict.kind));
  return matched.has('routing') && matched.has('account') && matched.has('account-type') ? 'match' : undefined;
}
