/**
 * Account type and ACE's "Bank Control Key" (SAP's BKONT: 01 checking, 02 savings), both ways,
 * plus reading whatever the page shows for it: a code, a word, or both.
 */

export type AccountType = 'checking' | 'savings';
export type BankControlKey = '01' | '02';

export const ACCOUNT_TYPES = ['checking', 'savings'] as const satisfies readonly AccountType[];

export const BANK_CONTROL_KEY_BY_ACCOUNT_TYPE: Readonly<Record<AccountType, BankControlKey>> = {
  checking: '01',
  savings: '02',
};

export const ACCOUNT_TYPE_BY_BANK_CONTROL_KEY: Readonly<Record<BankControlKey, AccountType>> = {
  '01': 'checking',
  '02': 'savings',
};

/** Words for the account type as the popup shows them, with the code ACE uses. */
export const ACCOUNT_TYPE_LABELS: Readonly<Record<AccountType, string>> = {
  checking: 'Checking (01)',
  savings: 'Savings (02)',
};

export function bankControlKeyForAccountType(type: AccountType): BankControlKey {
  return BANK_CONTROL_KEY_BY_ACCOUNT_TYPE[type];
}

export function isAccountType(value: unknown): value is AccountType {
  return value === 'checking' || value === 'savings';
}

const CODE = /(?<![0-9])0?([12])(?![0-9])/g;
const CHECKING_WORD = /\b(?:checking|chequing|dda|demand deposit)\b/;
const SAVINGS_WORD = /\b(?:savings?)\b/;

/**
 * Reads the text of the Bank Control Key field or one of its options, such as "01 - Checking",
 * "Checking", "02" or "SAVINGS". Answers undefined when the text says nothing recognisable or
 * contradicts itself ("01 - Savings"), because guessing the wrong type makes the bank return
 * the refund.
 */
export function accountTypeFromText(text: string): AccountType | undefined {
  if (typeof text !== 'string') return undefined;
  const lower = text.toLowerCase();
  const found = new Set<AccountType>();
  for (const match of lower.matchAll(CODE)) found.add(match[1] === '1' ? 'checking' : 'savings');
  if (CHECKING_WORD.test(lower)) found.add('checking');
  if (SAVINGS_WORD.test(lower)) found.add('savings');
  if (found.size !== 1) return undefined;
  const [only] = found;
  return only;
}

/** The Bank Control Key for page text, or undefined when the text is unclear. */
export function bankControlKeyFromText(text: string): BankControlKey | undefined {
  const type = accountTypeFromText(text);
  return type && BANK_CONTROL_KEY_BY_ACCOUNT_TYPE[type];
}
