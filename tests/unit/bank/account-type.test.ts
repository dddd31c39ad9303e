import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_TYPE_BY_BANK_CONTROL_KEY,
  accountTypeFromText,
  BANK_CONTROL_KEY_BY_ACCOUNT_TYPE,
  bankControlKeyForAccountType,
  bankControlKeyFromText,
  isAccountType,
} from '../../../utils/bank/account-type';
import { anyText, PROPERTY_TIMEOUT, RUNS } from './arbitraries';

describe('Bank Control Key mapping', { timeout: PROPERTY_TIMEOUT }, () => {
  it('maps both ways: 01 checking, 02 savings', () => {
    expect(BANK_CONTROL_KEY_BY_ACCOUNT_TYPE).toEqual({ checking: '01', savings: '02' });
    expect(ACCOUNT_TYPE_BY_BANK_CONTROL_KEY).toEqual({ '01': 'checking', '02': 'savings' });
    expect(bankControlKeyForAccountType('savings')).toBe('02');
    expect(isAccountType('checking')).toBe(true);
    expect(isAccountType('01')).toBe(false);
  });

  it.each([
    ['01 - Checking', 'checking'],
    ['01', 'checking'],
    ['1', 'checking'],
    ['Checking', 'checking'],
    ['CHECKING ACCOUNT', 'checking'],
    ['Chequing', 'checking'],
    ['Bank Control Key: 01', 'checking'],
    ['02 - Savings', 'savings'],
    ['02', 'savings'],
    ['Savings', 'savings'],
    ['saving', 'savings'],
    ['(02) SAVINGS', 'savings'],
  ])('reads %j as %s', (text, type) => {
    expect(accountTypeFromText(text)).toBe(type);
  });

  it.each([['01 - Savings'], ['02 Checking'], [''], ['--None--'], ['03'], ['Select one'], ['Please check the account type'], ['12']])(
    'does not guess from %j',
    (text) => {
      expect(accountTypeFromText(text)).toBeUndefined();
    },
  );

  it('gives the key for page text', () => {
    expect(bankControlKeyFromText('Checking')).toBe('01');
    expect(bankControlKeyFromText('nonsense')).toBeUndefined();
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const type = accountTypeFromText(text);
        return type === undefined || isAccountType(type);
      }),
      { numRuns: RUNS },
    );
  });
});
