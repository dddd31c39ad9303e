/**
 * Whether the choices of a select, radio group or combobox are the account types (Bank Control
 * Key): "01 - Checking" / "02 - Savings", "Checking" / "Savings", or the bare codes 01 / 02.
 */
import type { OptionFeature } from './field-features';
import {
  ACCOUNT_TYPE_OPTION_CODES,
  ACCOUNT_TYPE_OPTION_WORDS,
  PLACEHOLDER_OPTION_WORDS,
} from './field-vocabulary';
import { normalizeText } from './text-normalize';

export type OptionAccountType = 'checking' | 'savings';

export type AccountTypeOptionsReading =
  /** No real choices to judge (none yet, or only a placeholder). */
  | 'unknown'
  /** Every choice is an account type, at least one named by a word. */
  | 'account-types'
  /** Every choice is 01 or 02 with no word: likely, not certain. */
  | 'account-type-codes'
  /** Some choice is something else (months, countries...). */
  | 'other';

const WORDS: [OptionAccountType, string][] = (
  Object.entries(ACCOUNT_TYPE_OPTION_WORDS) as [OptionAccountType, readonly string[]][]
).flatMap(([type, words]) => words.map((word): [OptionAccountType, string] => [type, normalizeText(word)]));
const PLACEHOLDERS = PLACEHOLDER_OPTION_WORDS.map(normalizeText);

function hasWord(text: string, word: string): boolean {
  return ` ${text} `.includes(` ${word} `);
}

export function isPlaceholderOption(option: OptionFeature): boolean {
  const text = normalizeText(option.text);
  if (!text) return true;
  return option.value.trim() === '' && PLACEHOLDERS.some((word) => hasWord(text, word) || text === word);
}

/** The account type an option's text (or value) says, by word first, then by SAP code. */
export function optionAccountType(option: OptionFeature): { type: OptionAccountType; byWord: boolean } | null {
  const text = normalizeText(option.text);
  const byWord = new Set(WORDS.filter(([, word]) => hasWord(text, word)).map(([type]) => type));
  if (byWord.size === 1) return { type: [...byWord][0]!, byWord: true };
  if (byWord.size > 1) return null;
  const code = ACCOUNT_TYPE_OPTION_CODES[text] ?? ACCOUNT_TYPE_OPTION_CODES[option.value.trim()];
  // A bare code counts only when the text is nothing but that code (or empty).
  if (code && (text === '' || ACCOUNT_TYPE_OPTION_CODES[text])) return { type: code, byWord: false };
  return null;
}

export function readAccountTypeOptions(options: readonly OptionFeature[] | undefined): AccountTypeOptionsReading {
  const real = (options ?? []).filter((option) => !isPlaceholderOption(option));
  if (real.length === 0) return 'unknown';
  let anyWord = false;
  for (const option of real) {
    const type = optionAccountType(option);
    if (!type) return 'other';
    anyWord ||= type.byWord;
  }
  return anyWord ? 'account-types' : 'account-type-codes';
}

/** The account type a read-only value shows ("01 - Checking", "Savings", "02"). */
export function accountTypeOfText(text: string): OptionAccountType | null {
  return optionAccountType({ text, value: '' })?.type ?? null;
}
