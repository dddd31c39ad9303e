/**
 * Names a read-only value the page shows after "Get Info/Refresh" (a <dt>/<dd> pair, a
 * Lightning formatted text beside its label) from its label, and checks that the value looks
 * like that kind, so "Account Type: Importer" on the account page is not taken for the Bank
 * Control Key on file.
 */
import { readMaskedAccount } from '@/utils/form-checks/masked-account';
import { accountTypeOfText } from './account-type-options';
import { classifyField, type FieldClassification } from './classify-field';
import { ON_FILE_KINDS, type FieldKind } from './field-kinds';

const MAX_VALUE_LENGTH = 80;
/** What pages show when nothing is on file. */
const NOTHING_ON_FILE = /^(?:|-+|—|–|n\/?a|none|not (?:on file|provided|available))$/i;
const MASKED_DIGITS = /^[0-9*•●∗＊·…xX#\s-]+$/;

function looksLike(kind: FieldKind, value: string): boolean {
  switch (kind) {
    case 'routing':
      return MASKED_DIGITS.test(value) && /[0-9]/.test(value);
    case 'account':
      return (MASKED_DIGITS.test(value) && /[0-9]/.test(value)) || readMaskedAccount(value) !== undefined;
    case 'account-type':
      return accountTypeOfText(value) !== null;
    case 'importer-number':
      return /[0-9]/.test(value) && value.length <= 20;
    default:
      return /\p{L}/u.test(value);
  }
}

export function classifyOnFileValue(labelText: string, valueText: string): FieldClassification | null {
  const value = valueText.replace(/\s+/g, ' ').trim();
  if (value.length > MAX_VALUE_LENGTH) return null;
  const named = classifyField({ control: 'input', labels: [labelText] });
  if (!named || !ON_FILE_KINDS.includes(named.kind)) return null;
  if (!NOTHING_ON_FILE.test(value) && !looksLike(named.kind, value)) return null;
  return named;
}
