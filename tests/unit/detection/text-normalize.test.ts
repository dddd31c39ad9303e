import { describe, expect, it } from 'vitest';
import { identifierWords, normalizeText } from '@/utils/detection/text-normalize';
import { optionAccountType, readAccountTypeOptions } from '@/utils/detection/account-type-options';

describe('normalizeText', () => {
  it.each([
    ['*Bank Routing Number', 'bank routing number'],
    ['  Acct.  No. ', 'account number'],
    ['Account #', 'account number'],
    ['IR #:', 'ir number'],
    ['Re-Enter Account Number', 're enter account number'],
    ["Account Holder's Name", 'account holder s name'],
    ['Número de cuenta', 'numero de cuenta'],
    ['Checking & Savings', 'checking and savings'],
    ['', ''],
  ])('%j → %j', (text, normal) => {
    expect(normalizeText(text)).toBe(normal);
  });
});

describe('identifierWords', () => {
  it.each([
    ['bankRoutingNumber', 'bank routing number'],
    ['bank_routing_number', 'bank routing number'],
    ['bank-routing-number', 'bank routing number'],
    ['ABANumber', 'aba number'],
    ['BANKL', 'bankl'],
    ['P0009-BANKN', 'p 0009 bankn'],
    ['acctNo2', 'account number 2'],
  ])('%s → %s', (identifier, words) => {
    expect(identifierWords(identifier)).toBe(words);
  });
});

describe('account type choices', () => {
  it('reads words first, then SAP codes', () => {
    expect(optionAccountType({ text: '01 - Checking', value: '01' })).toEqual({ type: 'checking', byWord: true });
    expect(optionAccountType({ text: 'Savings', value: 'S' })).toEqual({ type: 'savings', byWord: true });
    expect(optionAccountType({ text: '02', value: '02' })).toEqual({ type: 'savings', byWord: false });
    expect(optionAccountType({ text: 'February', value: '02' })).toBeNull();
    expect(optionAccountType({ text: 'Checking or Savings', value: '' })).toBeNull();
  });

  it('judges a list of choices, leaving placeholders out', () => {
    expect(readAccountTypeOptions([{ text: '--None--', value: '' }, { text: '01 - Checking', value: '01' }])).toBe('account-types');
    expect(readAccountTypeOptions([{ text: 'Select an Option', value: '' }])).toBe('unknown');
    expect(readAccountTypeOptions(undefined)).toBe('unknown');
    expect(readAccountTypeOptions([{ text: '01', value: '01' }, { text: '02', value: '02' }])).toBe('account-type-codes');
    expect(readAccountTypeOptions([{ text: 'Checking', value: '01' }, { text: 'Money market', value: '03' }])).toBe('other');
  });
});
