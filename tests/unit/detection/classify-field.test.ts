import { describe, expect, it } from 'vitest';
import { classifyField } from '@/utils/detection/classify-field';
import type { FieldFeatures } from '@/utils/detection/field-features';
import type { FieldKind } from '@/utils/detection/field-kinds';
import { CONFIRM_WORDS, FIELD_VOCABULARY, type VocabularyKind } from '@/utils/detection/field-vocabulary';
import { vocabularyPhrases } from '@/utils/detection/read-phrases';
import { normalizeText } from '@/utils/detection/text-normalize';

const input = (features: Omit<FieldFeatures, 'control'>): FieldFeatures => ({ control: 'input', ...features });
const kindOf = (features: FieldFeatures) => classifyField(features)?.kind ?? null;

const CONTROL_KEY_OPTIONS = [
  { text: '--None--', value: '' },
  { text: '01 - Checking', value: '01' },
  { text: '02 - Savings', value: '02' },
];

describe('vocabulary', () => {
  it('is written in normal form, so every phrase can match', () => {
    for (const phrase of vocabularyPhrases()) expect(normalizeText(phrase)).toBe(phrase);
  });

  const entries = (Object.keys(FIELD_VOCABULARY) as VocabularyKind[]).flatMap((kind) =>
    FIELD_VOCABULARY[kind].phrases.map((phrase) => [phrase, kind] as const),
  );
  it.each(entries)('the label "%s" names %s', (phrase, kind) => {
    expect(kindOf(input({ labels: [phrase] }))).toBe(kind);
  });

  const codes = (Object.keys(FIELD_VOCABULARY) as VocabularyKind[]).flatMap((kind) =>
    (FIELD_VOCABULARY[kind].codeNames ?? []).map((code) => [code.toUpperCase(), kind] as const),
  );
  it.each(codes)('the SAP field name %s names %s', (name, kind) => {
    expect(kindOf(input({ name }))).toBe(kind);
  });

  it('does not read SAP code names in visible text ("Bankl" is no label)', () => {
    expect(kindOf(input({ labels: ['BANKL'] }))).toBeNull();
  });
});

describe('what pages write', () => {
  it.each<[string, FieldKind]>([
    ['*Bank Routing Number', 'routing'],
    ['ABA/Routing Number', 'routing'],
    ['ABA #', 'routing'],
    ['RTN', 'routing'],
    ['Routing Transit No.', 'routing'],
    ['Transit Number', 'routing'],
    ['Bank Key', 'routing'],
    ['Bank Account', 'account'],
    ['Acct. No.', 'account'],
    ['Account #', 'account'],
    ['Checking Account Number', 'account'],
    ['Confirm Bank Account Number', 'account-confirm'],
    ['Bank Control Key', 'account-type'],
    ['Account Type (Checking / Savings)', 'account-type'],
    ['Name of Bank', 'bank-name'],
    ['Financial Institution', 'bank-name'],
    ['Name on Account', 'holder-name'],
    ["Account Holder's Name", 'holder-name'],
    ['Bank Account Name', 'holder-name'],
    ['IR #', 'importer-number'],
    ['Importer of Record Number', 'importer-number'],
    ['Importer No.', 'importer-number'],
  ])('label %j is %s', (label, kind) => {
    expect(kindOf(input({ labels: [label] }))).toBe(kind);
  });

  it.each(CONFIRM_WORDS)('"%s" turns an account label into the confirmation', (word) => {
    expect(kindOf(input({ labels: [`${word} account number`] }))).toBe('account-confirm');
    expect(kindOf(input({ labels: [`Account number (${word})`] }))).toBe('account-confirm');
  });

  it('does not take a repeated routing number for the routing field', () => {
    expect(kindOf(input({ labels: ['Re-enter Routing Number'] }))).toBeNull();
    expect(kindOf(input({ labels: ['Verify ABA'] }))).toBeNull();
  });

  it('reads every source of words, each weighted', () => {
    expect(kindOf(input({ aria: ['Bank Routing Number'] }))).toBe('routing');
    expect(kindOf(input({ preceding: ['Bank Account Number'] }))).toBe('account');
    expect(kindOf(input({ legend: ['Bank Account Number'][0] }))).toBe('account');
    expect(kindOf(input({ placeholder: 'Routing number (9 digits)' }))).toBe('routing');
    expect(kindOf(input({ id: 'bankAccountNumber' }))).toBe('account');
  });

  it.each<[string, FieldKind]>([
    ['bankRoutingNumber', 'routing'],
    ['bank_routing_no', 'routing'],
    ['aba-number', 'routing'],
    ['ABANumber', 'routing'],
    ['routingnumber', 'routing'],
    ['acctNo', 'account'],
    ['bankaccountnumber', 'account'],
    ['accountNumberConfirm', 'account-confirm'],
    ['confirmaccountnumber', 'account-confirm'],
    ['P0009-BANKN', 'account'],
    ['bankControlKey', 'account-type'],
    ['holderName', 'holder-name'],
    ['importerNumber', 'importer-number'],
  ])('name token %s alone is %s', (name, kind) => {
    expect(kindOf(input({ name }))).toBe(kind);
  });

  it('lets the label outweigh a stale name attribute', () => {
    expect(kindOf(input({ labels: ['Bank Routing Number'], name: 'accountNumber' }))).toBe('routing');
  });

  it('gives up when two weak sources disagree', () => {
    expect(classifyField(input({ placeholder: 'Routing number', name: 'accountNumber' }))).toBeNull();
  });

  it('keeps the first kind named in a label with help text', () => {
    const result = classifyField(input({ labels: ['Bank Routing Number (9 digits, not your account number)'] }));
    expect(result?.kind).toBe('routing');
    expect(result!.confidence).toBeLessThan(1);
  });

  it('notes a wire routing number, still as routing', () => {
    expect(classifyField(input({ labels: ['Wire Routing Number'] }))).toMatchObject({ kind: 'routing', notes: ['wire'] });
    expect(classifyField(input({ labels: ['Routing Number'] }))?.notes).toEqual([]);
  });

  it('reports its evidence', () => {
    const result = classifyField(input({ labels: ['Bank Routing Number'], name: 'routing', maxLength: 9 }));
    expect(result?.evidence.map((item) => item.source)).toEqual(['label', 'name', 'hint']);
    expect(result?.confidence).toBe(1);
  });
});

describe('weak words need support', () => {
  it('does not name a field from "Account" or "Transit" alone', () => {
    expect(kindOf(input({ labels: ['Account'] }))).toBeNull();
    expect(kindOf(input({ labels: ['Transit'] }))).toBeNull();
  });

  it('names it when a name token agrees', () => {
    expect(kindOf(input({ labels: ['Account'], name: 'acctNo' }))).toBe('account');
  });

  it('does not name a field from type or maxlength alone', () => {
    expect(kindOf(input({ maxLength: 9, inputMode: 'numeric' }))).toBeNull();
    expect(kindOf(input({ maxLength: 17, type: 'tel' }))).toBeNull();
  });

  it('drops "routing" when the box is too short for a routing number', () => {
    expect(kindOf(input({ labels: ['Routing'], maxLength: 4 }))).toBeNull();
  });
});

describe('account type (Bank Control Key)', () => {
  it('is a native select labelled Bank Control Key', () => {
    expect(kindOf({ control: 'select', labels: ['Bank Control Key'], options: CONTROL_KEY_OPTIONS })).toBe('account-type');
  });

  it('is a select whose choices read checking / savings, even unlabelled', () => {
    expect(kindOf({ control: 'select', options: [{ text: 'Checking', value: 'C' }, { text: 'Savings', value: 'S' }] })).toBe('account-type');
  });

  it('is a radio group in a fieldset legend', () => {
    const radios = [
      { text: 'Checking', value: '01' },
      { text: 'Savings', value: '02' },
    ];
    expect(kindOf({ control: 'radio-group', legend: 'Bank Control Key', name: 'bankControlKey', options: radios })).toBe('account-type');
    // A legend naming the account section does not make the radios the account number.
    expect(kindOf({ control: 'radio-group', legend: 'Bank Account', options: radios })).toBe('account-type');
  });

  it('is a Lightning combobox with 01/02 options', () => {
    const options = [
      { text: '01 - Checking', value: '01' },
      { text: '02 - Savings', value: '02' },
    ];
    expect(kindOf({ control: 'combobox', labels: ['Bank Control Key'], role: 'combobox', options })).toBe('account-type');
  });

  it('takes bare 01/02 codes as a hint, not as proof', () => {
    const codes = [
      { text: '01', value: '01' },
      { text: '02', value: '02' },
    ];
    expect(kindOf({ control: 'select', options: codes })).toBeNull();
    expect(kindOf({ control: 'select', name: 'bkont', options: codes })).toBe('account-type');
  });

  it('is not a select of months or of other account types', () => {
    const months = ['01', '02', '03', '04'].map((value) => ({ text: value, value }));
    expect(kindOf({ control: 'select', labels: ['Month'], options: months })).toBeNull();
    const aceTypes = [
      { text: 'Importer', value: 'IMP' },
      { text: 'Broker', value: 'BRK' },
    ];
    expect(kindOf({ control: 'select', labels: ['Account Type'], options: aceTypes })).toBeNull();
  });
});

describe('not bank-form fields', () => {
  it.each<[string, FieldFeatures]>([
    ['a search box by type', input({ type: 'search', labels: ['IR Number'] })],
    ['a search box by label', input({ labels: ['Search accounts'], placeholder: 'Search...' })],
    ['a searchbox role', input({ role: 'searchbox', aria: ['Account number'] })],
    ['a phone number', input({ labels: ['Phone Number'], type: 'tel' })],
    ['a phone number by autocomplete', input({ labels: ['Account contact number'], autocomplete: 'tel' })],
    ['a zip code', input({ labels: ['Zip Code'], maxLength: 9 })],
    ['a ZIP+4 by name', input({ name: 'zip', maxLength: 9 })],
    ['an email', input({ labels: ['Account email'], type: 'email' })],
    ['a card number', input({ labels: ['Account number'], autocomplete: 'cc-number' })],
    ["ACE's Account Name (the importer's name)", input({ labels: ['Account Name'] })],
    ['Trade Account Owner', input({ labels: ['Trade Account Owner'] })],
    ['Bank Country', input({ labels: ['Bank Country'], name: 'bankCountry' })],
    ['an unlabelled box', input({ name: 'input-23', id: 'input-23' })],
    ['a checkbox', input({ type: 'checkbox', labels: ['I confirm the bank account number'] })],
  ])('%s', (_, features) => {
    expect(classifyField(features)).toBeNull();
  });

  it('is Bank Name that names the bank, not Bank Name that names the routing number', () => {
    expect(kindOf(input({ labels: ['Bank Name'] }))).toBe('bank-name');
  });
});

describe('look-alike fields (negative words)', () => {
  it.each<[string, FieldFeatures]>([
    ['Account Nickname', input({ labels: ['Account Nickname'], maxLength: 17, inputMode: 'numeric' })],
    ['Account Nick Name', input({ labels: ['Account Nick Name'] })],
    ['Nickname for this account', input({ labels: ['Nickname for this account'] })],
    ['Bank Account Nickname by aria', input({ aria: ['Bank Account Nickname'], maxLength: 17 })],
    ['a nickname by name attribute only', input({ name: 'accountNickname', maxLength: 17 })],
    ['a squashed nickname identifier', input({ id: 'bankaccountnickname' })],
    ['Account Name', input({ labels: ['Account Name'] })],
    ["Account Name (the importer's ACE account name)", input({ labels: ["Account Name (the importer's ACE account name)"] })],
    ['Account Description', input({ labels: ['Account Description'] })],
    ['Description of account', input({ labels: ['Description of account'] })],
    ['Bank Country', input({ labels: ['Bank Country'] })],
    ['Bank Country Key (SAP)', input({ labels: ['Bank Country Key'] })],
    ['Bank Address', input({ labels: ['Bank Address'] })],
    ['Bank Account Reference', input({ labels: ['Bank Account Reference'] })],
    ['Payment reference / memo', input({ labels: ['Memo'], placeholder: 'Reference for your account' })],
    ['Account memo', input({ labels: ['Account Memo'] })],
    ['ACH Debit Account Number', input({ labels: ['ACH Debit Account Number'] })],
    ['ACH Debit Routing Number', input({ labels: ['ACH Debit Routing Number'], maxLength: 9 })],
    ['Statement Account Number', input({ labels: ['Periodic Monthly Statement Account Number'] })],
    ["Broker's Bank Account Number", input({ labels: ["Broker's Bank Account Number"] })],
    ['a preceding cell naming a nickname (grid)', input({ preceding: ['Account Nickname'], maxLength: 17 })],
    ['Account holder address', input({ labels: ['Account Holder Address'] })],
  ])('%s is none of ours', (_, features) => {
    expect(classifyField(features)).toBeNull();
  });

  it.each<[string, FieldKind]>([
    ['Bank Routing Number (not the number on your debit card)', 'routing'],
    ['Routing Number (see statement)', 'routing'],
    ['Account Number on Statement', 'account'],
    ['Bank Account Number (as shown on your statement)', 'account'],
    ['Account Number for ACH refunds', 'account'],
    ['Account Holder Name', 'holder-name'],
    ['Refund Bank Account Number', 'account'],
  ])('help text further on does not make %j a look-alike', (label, kind) => {
    expect(kindOf(input({ labels: [label] }))).toBe(kind);
  });

  it('takes a look-alike label over a name attribute that says account number', () => {
    expect(classifyField(input({ labels: ['Account Nickname'], name: 'accountNumber', maxLength: 17 }))).toBeNull();
  });
});

describe('not bank-form fields: names', () => {
  it('still reads a plain bank name', () => {
    expect(kindOf(input({ labels: ['Bank Name'] }))).toBe('bank-name');
  });
});
