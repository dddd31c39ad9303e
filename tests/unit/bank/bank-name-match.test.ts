import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameBankName } from '../../../utils/bank/bank-name-match';
import { anyText, RUNS } from './arbitraries';

describe('sameBankName', () => {
  it('matches what users type against the directory name', () => {
    expect(sameBankName('Chase', 'JPMORGAN CHASE BANK, NA')).toBe(true);
    expect(sameBankName('JP Morgan Chase', 'JPMORGAN CHASE BANK, NA')).toBe(true);
    expect(sameBankName('Wells Fargo Bank, N.A.', 'WELLS FARGO BANK')).toBe(true);
    expect(sameBankName('bank of america', 'BANK OF AMERICA, N.A.')).toBe(true);
    expect(sameBankName('Social Security Administration', 'SOCIAL SECURITY ADMINISTRATION')).toBe(true);
  });

  it('does not match other banks, nor names made only of generic words', () => {
    expect(sameBankName('Bank of America', 'AMERICAN EXPRESS NATIONAL BANK')).toBe(false);
    expect(sameBankName('Wells Fargo', 'JPMORGAN CHASE BANK, NA')).toBe(false);
    expect(sameBankName('Bank', 'JPMORGAN CHASE BANK, NA')).toBe(false);
    expect(sameBankName('The National Bank', 'FIRST NATIONAL BANK')).toBe(false);
    expect(sameBankName('', 'JPMORGAN CHASE BANK')).toBe(false);
  });

  it('is symmetric and never throws', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => sameBankName(a, b) === sameBankName(b, a)),
      { numRuns: RUNS },
    );
    expect(sameBankName(undefined as unknown as string, 'X')).toBe(false);
  });
});
