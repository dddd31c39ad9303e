import { describe, expect, it } from 'vitest';
import type { FieldKind } from '@/utils/detection/field-kinds';
import { chooseRefundForm, formPurpose, titlePurpose, type FormPurpose } from '@/utils/detection/refund-form';

const FORM: FieldKind[] = ['routing', 'account', 'account-type'];

describe('titlePurpose', () => {
  it.each<[string, FormPurpose]>([
    ['ACH Refund Authorization', 'refund'],
    ['Refund Authorization', 'refund'],
    ['ACH Refunds', 'refund'],
    ['Bank details for refunds', 'refund'],
    ['ACH Debit Authorization', 'other'],
    ['ACH Debit', 'other'],
    ['Periodic Monthly Statement', 'other'],
    ['Periodic Monthly Statement (PMS) payer account', 'other'],
    ['ACH Payer Account', 'other'],
    ["Broker's Bank Account", 'other'],
    ['Broker ACH Information', 'other'],
    ['Filer Account', 'other'],
    ['Bank Information', 'unknown'],
    ['Edit Bank Information', 'unknown'],
    ['Acme Customs Brokers Inc', 'unknown'],
    ['Refunds and debits', 'unknown'],
    ['', 'unknown'],
  ])('%j says %s', (title, purpose) => {
    expect(titlePurpose(title)).toBe(purpose);
  });
});

describe('formPurpose', () => {
  it('takes the nearest title that says something', () => {
    expect(formPurpose(['Bank Information', 'ACH Debit', 'ACH Refund Authorization'])).toBe('other');
    expect(formPurpose(['Bank Information', 'ACH Refund Authorization', 'Periodic Monthly Statement'])).toBe('refund');
    expect(formPurpose(['Bank Information', 'Acme Customs Brokers Inc'])).toBe('unknown');
    expect(formPurpose([])).toBe('unknown');
  });
});

describe('chooseRefundForm', () => {
  it('takes the only form, titled or not, unless it is titled as another account', () => {
    expect(chooseRefundForm([{ kinds: FORM, titles: [] }])).toEqual({ choice: 'one', index: 0 });
    expect(chooseRefundForm([{ kinds: FORM, titles: ['ACH Refund Authorization'] }])).toEqual({ choice: 'one', index: 0 });
    expect(chooseRefundForm([{ kinds: FORM, titles: ['ACH Debit Authorization'] }])).toEqual({ choice: 'none' });
  });

  it('takes the refund form among debit, statement and broker forms, wherever it stands', () => {
    const debit = { kinds: FORM, titles: ['ACH Debit', 'Importer'] };
    const broker = { kinds: FORM, titles: ["Broker's own bank account"] };
    const refund = { kinds: FORM, titles: ['Bank Information', 'ACH Refund Authorization'] };
    expect(chooseRefundForm([debit, broker, refund])).toEqual({ choice: 'one', index: 2 });
    expect(chooseRefundForm([refund, debit])).toEqual({ choice: 'one', index: 0 });
  });

  it('takes the untitled form beside forms titled as other accounts', () => {
    expect(chooseRefundForm([{ kinds: FORM, titles: ['Periodic Monthly Statement'] }, { kinds: FORM, titles: ['Bank Information'] }])).toEqual({
      choice: 'one',
      index: 1,
    });
  });

  it('asks when several forms are equally likely', () => {
    expect(chooseRefundForm([{ kinds: FORM, titles: [] }, { kinds: FORM, titles: ['Bank Information'] }])).toEqual({ choice: 'ask', indexes: [0, 1] });
    expect(
      chooseRefundForm([
        { kinds: FORM, titles: ['Refund account (main)'] },
        { kinds: FORM, titles: ['ACH Debit'] },
        { kinds: FORM, titles: ['Refund account (new)'] },
      ]),
    ).toEqual({ choice: 'ask', indexes: [0, 2] });
  });

  it('counts only candidates that are bank forms (routing and account)', () => {
    expect(chooseRefundForm([{ kinds: ['routing'], titles: [] }, { kinds: FORM, titles: [] }])).toEqual({ choice: 'one', index: 1 });
    expect(chooseRefundForm([{ kinds: ['routing'], titles: ['ACH Refund Authorization'] }])).toEqual({ choice: 'none' });
  });
});
