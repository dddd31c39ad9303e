import { describe, expect, it } from 'vitest';
import { classifyOnFileValue } from '@/utils/detection/classify-on-file';
import { isBankForm } from '@/utils/detection/bank-form';

const kindOf = (label: string, value: string) => classifyOnFileValue(label, value)?.kind ?? null;

describe('values on file', () => {
  it.each([
    ['Bank Routing Number', '021000021', 'routing'],
    ['Bank Account Number', '*****6789', 'account'],
    ['Bank Account', 'XXXXX6789', 'account'],
    ['Bank Control Key', '01 - Checking', 'account-type'],
    ['Bank Control Key', 'Savings', 'account-type'],
    ['Bank Control Key', '02', 'account-type'],
    ['Bank Name', 'JPMorgan Chase Bank, NA', 'bank-name'],
    ['Account Holder Name', 'Acme Imports LLC', 'holder-name'],
    ['IR #', '12-345678900', 'importer-number'],
  ])('%s: %s is %s', (label, value, kind) => {
    expect(kindOf(label, value)).toBe(kind);
  });

  it('accepts the empty value of a field with nothing on file', () => {
    expect(kindOf('Bank Routing Number', '')).toBe('routing');
    expect(kindOf('Bank Account Number', '—')).toBe('account');
    expect(kindOf('Bank Control Key', 'N/A')).toBe('account-type');
  });

  it.each([
    ['Account Type', 'Importer', "ACE's account type is not the Bank Control Key"],
    ['Account Name', 'Acme Imports LLC', "ACE's account name is the importer, not the holder"],
    ['Bank Routing Number', 'Please press Get Info/Refresh', 'a routing value must be digits'],
    ['Bank Account Number', 'pending', 'an account value must be digits'],
    ['Confirm Bank Account Number', '123456789', 'nothing confirms a value on file'],
    ['Status', 'Active', 'not a bank field'],
    ['Bank Name', 'x'.repeat(81), 'a paragraph is not a value'],
  ])('%s: %s is not one (%s)', (label, value) => {
    expect(classifyOnFileValue(label, value)).toBeNull();
  });
});

describe('bank form presence', () => {
  it('needs a routing and an account field', () => {
    expect(isBankForm(['routing', 'account'])).toBe(true);
    expect(isBankForm(['routing', 'account-type', 'account', 'bank-name'])).toBe(true);
    expect(isBankForm(['routing', 'account-confirm'])).toBe(false);
    expect(isBankForm(['account'])).toBe(false);
    expect(isBankForm([])).toBe(false);
  });
});
