/**
 * The page's values as page/compare may carry them: a value longer than any routing number,
 * account number or account type is not one (a control read as its whole text, options and
 * all), so it is left out and named for the card instead of making the background refuse the
 * whole comparison.
 */
import type { PageBankValues } from './compare-with-profile';

/** The protocol's limit on each value (utils/messaging/protocol.ts). */
export const PAGE_VALUE_MAX_LENGTH = 64;

const WORDS: Record<keyof PageBankValues, string> = {
  routing: 'routing number',
  account: 'account number',
  accountType: 'account type',
};

export interface SendableValues {
  readonly form: PageBankValues;
  readonly onFile: PageBankValues;
  /** What was left out, in words: "the form's account type", "CBP's on-file routing number". */
  readonly unreadable: string[];
}

function keep(values: PageBankValues, whose: string, unreadable: string[]): PageBankValues {
  const kept: { -readonly [K in keyof PageBankValues]?: string } = {};
  for (const key of Object.keys(WORDS) as (keyof PageBankValues)[]) {
    const value = values[key];
    if (typeof value !== 'string') continue;
    if (value.length <= PAGE_VALUE_MAX_LENGTH) kept[key] = value;
    else unreadable.push(`${whose} ${WORDS[key]}`);
  }
  return kept;
}

export function sendableValues(form: PageBankValues, onFile: PageBankValues): SendableValues {
  const unreadable: string[] = [];
  return { form: keep(form, "the form's", unreadable), onFile: keep(onFile, "CBP's on-file", unreadable), unreadable };
}
