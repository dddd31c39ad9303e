import { describe, expect, it } from 'vitest';
import { visibleLastDigits, maskAccount, spokenAccountMask } from '@/utils/bank/mask-account';

describe('maskAccount', () => {
  it('shows four bullets and the last four digits of a full number or of the last four', () => {
    expect(maskAccount('000123456789')).toBe('•••• 6789');
    expect(maskAccount('6789')).toBe('•••• 6789');
    expect(maskAccount('1234 5678-0042')).toBe('•••• 0042');
  });

  it('keeps leading zeros among the last digits', () => {
    expect(maskAccount('12340007')).toBe('•••• 0007');
  });

  it('shows only bullets when there are not four digits to show', () => {
    expect(maskAccount('')).toBe('••••');
    expect(maskAccount('12')).toBe('••••');
  });
});

describe('visibleLastDigits and spokenAccountMask', () => {
  it('take the last digits, ignoring separators', () => {
    expect(visibleLastDigits('12-34 56')).toBe('3456');
    expect(visibleLastDigits('123456', 2)).toBe('56');
    expect(visibleLastDigits('123456', 0)).toBe('');
  });

  it('word the mask for screen readers', () => {
    expect(spokenAccountMask('000123456789')).toBe('ending 6789');
    expect(spokenAccountMask('1')).toBe('hidden');
  });
});
