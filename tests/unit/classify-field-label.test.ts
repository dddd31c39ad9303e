import { describe, expect, it } from 'vitest';
import { classifyFieldLabel } from '@/utils/classify-field-label';

describe('classifyFieldLabel', () => {
  it.each([
    ['Bank Routing Number', 'routing'],
    ['ABA number', 'routing'],
    ['Bank Key', 'routing'],
    ['Bank Account Number', 'account'],
    ['Account No.', 'account'],
    ['Bank Account', 'account'],
  ])('%s is %s', (label, kind) => {
    expect(classifyFieldLabel(label)).toBe(kind);
  });

  it.each(['Confirm Bank Account Number', 'Re-enter account number', 'Bank Name', 'Bank Control Key', ''])(
    '%s is not a routing or account field',
    (label) => {
      expect(classifyFieldLabel(label)).toBeNull();
    },
  );
});
