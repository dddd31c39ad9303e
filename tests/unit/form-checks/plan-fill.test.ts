import { describe, expect, it } from 'vitest';
import type { FieldControl, FieldKind } from '@/utils/detection/field-kinds';
import { planFill, sameFieldValue, type FillFieldInput, type FillValues } from '@/utils/form-checks/plan-fill';

const VALUES: FillValues = {
  routing: '021000021',
  account: '123456789',
  accountType: 'savings',
  bankName: 'JPMorgan Chase Bank',
  holderName: 'Acme Imports LLC',
};

function field(kind: FieldKind, current = '', control: FieldControl = 'input', options?: [string, string][]): FillFieldInput {
  return { kind, control, current, options: options?.map(([value, text]) => ({ value, text })) };
}

const CODE_WORD_OPTIONS: [string, string][] = [['', '--None--'], ['01', '01 - Checking'], ['02', '02 - Savings']];

describe('planFill', () => {
  it('fills every kind of an empty form from the profile, in field order', () => {
    const plan = planFill(
      [
        field('importer-number'),
        field('routing'),
        field('account'),
        field('account-confirm'),
        field('account-type', '', 'select', CODE_WORD_OPTIONS),
        field('bank-name'),
        field('holder-name', '', 'textarea'),
      ],
      VALUES,
    );
    expect(plan.fills).toEqual([
      { index: 1, kind: 'routing', value: '021000021', conflict: false },
      { index: 2, kind: 'account', value: '123456789', conflict: false },
      { index: 3, kind: 'account-confirm', value: '123456789', conflict: false },
      { index: 4, kind: 'account-type', value: '02', optionIndex: 2, conflict: false },
      { index: 5, kind: 'bank-name', value: 'JPMorgan Chase Bank', conflict: false },
      { index: 6, kind: 'holder-name', value: 'Acme Imports LLC', conflict: false },
    ]);
    expect(plan).toMatchObject({ unchanged: [], conflicts: [], unfillable: [] });
  });

  it('refuses to write a number into a wrongly classified field whose own label names a name, nickname, description or country', () => {
    const wrong = (kind: FieldKind, label: string): FillFieldInput => ({ ...field(kind), labels: [label] });
    const plan = planFill(
      [
        wrong('account', 'Account Nickname'),
        wrong('routing', 'Bank Country'),
        wrong('account-confirm', 'Account Description'),
        wrong('account', "Account Name (the importer's ACE account name)"),
        wrong('routing', 'Bank Routing Number'),
        wrong('account', 'Bank Account Number'),
        wrong('holder-name', 'Account Holder Name'),
      ],
      VALUES,
    );
    expect(plan.fills.map((fill) => [fill.index, fill.kind])).toEqual([
      [4, 'routing'],
      [5, 'account'],
      [6, 'holder-name'],
    ]);
    expect(plan.unfillable).toEqual([
      { kind: 'account', reason: 'The account number was not entered in the field labelled "Account Nickname": its label names something else.' },
      { kind: 'routing', reason: 'The routing number was not entered in the field labelled "Bank Country": its label names something else.' },
      { kind: 'account-confirm', reason: 'The account number confirmation was not entered in the field labelled "Account Description": its label names something else.' },
      { kind: 'account', reason: `The account number was not entered in the field labelled "Account Name (the importer's ACE account name)": its label names something else.` },
    ]);
  });

  it('never fills the importer number, even when it is empty or different', () => {
    const plan = planFill([field('importer-number'), field('importer-number', '12-3456789-00')], VALUES);
    expect(plan).toEqual({ fills: [], unchanged: [], conflicts: [], unfillable: [] });
  });

  it('leaves out names the profile does not give', () => {
    const plan = planFill([field('bank-name', 'Some Bank'), field('holder-name')], { ...VALUES, bankName: '', holderName: undefined });
    expect(plan).toEqual({ fills: [], unchanged: [], conflicts: [], unfillable: [] });
  });

  it.each<[string, [string, string][], number]>([
    ['code and word', CODE_WORD_OPTIONS, 2],
    ['words only', [['', 'Select an Option'], ['C', 'Checking'], ['S', 'Savings']], 2],
    ['bare codes', [['', ''], ['01', '01'], ['02', '02']], 2],
    ['codes as values, words as text', [['01', 'Checking'], ['02', 'Savings account']], 1],
  ])('chooses the savings option of a select with %s', (_name, options, optionIndex) => {
    const plan = planFill([field('account-type', '', 'select', options)], VALUES);
    expect(plan.fills).toEqual([{ index: 0, kind: 'account-type', value: options[optionIndex]![0], optionIndex, conflict: false }]);
  });

  it('chooses the checking radio or combobox option', () => {
    const radios = field('account-type', '', 'radio-group', [['01', 'Checking'], ['02', 'Savings']]);
    const combobox = field('account-type', 'Select an Option', 'combobox', [['01', '01 - Checking'], ['02', '02 - Savings']]);
    const plan = planFill([radios, combobox], { ...VALUES, accountType: 'checking' });
    expect(plan.fills.map(({ value, optionIndex, conflict }) => ({ value, optionIndex, conflict }))).toEqual([
      { value: '01', optionIndex: 0, conflict: false },
      // The combobox's placeholder text is no value, so replacing it is no conflict.
      { value: '01', optionIndex: 0, conflict: false },
    ]);
  });

  it('types the Bank Control Key code into a text account-type field', () => {
    expect(planFill([field('account-type')], VALUES).fills).toEqual([{ index: 0, kind: 'account-type', value: '02', conflict: false }]);
    expect(planFill([field('account-type', 'Savings')], VALUES).unchanged).toEqual(['account-type']);
  });

  it('reports an account-type field without a matching choice as unfillable, in plain words', () => {
    const plan = planFill([field('account-type', '', 'select', [['', '--None--'], ['01', '01 - Checking']])], VALUES);
    expect(plan.fills).toEqual([]);
    expect(plan.unfillable).toEqual([{ kind: 'account-type', reason: 'The account type field offers no Savings choice.' }]);
  });

  it('does not guess between two options of the same type', () => {
    const plan = planFill([field('account-type', '', 'select', [['S1', 'Savings'], ['S2', 'Savings account']])], VALUES);
    expect(plan.fills).toEqual([]);
    expect(plan.unfillable[0]?.reason).toMatch(/more than one Savings choice/);
  });

  it('counts fields that already hold the value as unchanged, formatting aside', () => {
    const plan = planFill(
      [
        field('routing', '021 000 021'),
        field('account', '123-456.789'),
        field('account-confirm', ' 123456789 '),
        field('account-type', '02 02 - Savings', 'select', CODE_WORD_OPTIONS),
        field('bank-name', '  jpmorgan   CHASE bank '),
        field('holder-name', 'Acme Imports LLC'),
      ],
      VALUES,
    );
    expect(plan.fills).toEqual([]);
    expect(plan.unchanged).toEqual(['routing', 'account', 'account-confirm', 'account-type', 'bank-name', 'holder-name']);
    expect(plan.conflicts).toEqual([]);
  });

  it('marks fields holding other values as conflicts, once per kind', () => {
    const plan = planFill(
      [
        field('routing', '011000015'),
        field('account', '1234567890'),
        field('account-confirm'),
        field('account-type', '01 01 - Checking', 'select', CODE_WORD_OPTIONS),
        field('routing', '011000015'),
      ],
      VALUES,
    );
    expect(plan.fills.map(({ kind, conflict }) => [kind, conflict])).toEqual([
      ['routing', true],
      ['account', true],
      ['account-confirm', false],
      ['account-type', true],
      ['routing', true],
    ]);
    expect(plan.conflicts).toEqual(['routing', 'account', 'account-type']);
    expect(plan.unchanged).toEqual([]);
  });

  it('treats a number with a stray character as different, not the same', () => {
    const plan = planFill([field('routing', '0210000\u200b21'), field('account', '12345678O')], VALUES);
    expect(plan.fills.map(({ kind, conflict }) => [kind, conflict])).toEqual([
      ['routing', true],
      ['account', true],
    ]);
  });

  it('treats whitespace-only and placeholder values as empty', () => {
    const plan = planFill(
      [field('routing', '   '), field('account-type', '--None--', 'combobox', CODE_WORD_OPTIONS)],
      VALUES,
    );
    expect(plan.fills.map(({ conflict }) => conflict)).toEqual([false, false]);
    expect(plan.conflicts).toEqual([]);
  });

  it('reports a missing routing or account number instead of typing nothing', () => {
    const plan = planFill([field('routing'), field('account-confirm')], { ...VALUES, routing: '', account: ' ' });
    expect(plan.fills).toEqual([]);
    expect(plan.unfillable).toEqual([
      { kind: 'routing', reason: 'The profile has no routing number to enter.' },
      { kind: 'account-confirm', reason: 'The profile has no account number confirmation to enter.' },
    ]);
  });

  it('chooses a bank-name option by its name', () => {
    const plan = planFill([field('bank-name', '', 'select', [['1', 'Citibank'], ['2', 'JPMorgan Chase Bank']])], VALUES);
    expect(plan.fills).toEqual([{ index: 0, kind: 'bank-name', value: '2', optionIndex: 1, conflict: false }]);
  });
});

describe('sameFieldValue', () => {
  it('compares digits, account types and names the way the bank reads them', () => {
    expect(sameFieldValue('routing', '021-000-021', '021000021')).toBe(true);
    expect(sameFieldValue('routing', '21000021', '021000021')).toBe(false);
    expect(sameFieldValue('account', '', '')).toBe(false);
    expect(sameFieldValue('account-type', 'Checking', '01')).toBe(true);
    expect(sameFieldValue('account-type', '01 - Savings', '01')).toBe(false);
    expect(sameFieldValue('holder-name', 'ACME  imports llc', 'Acme Imports LLC')).toBe(true);
    expect(sameFieldValue('holder-name', 'Acme Imports', 'Acme Imports LLC')).toBe(false);
  });
});
