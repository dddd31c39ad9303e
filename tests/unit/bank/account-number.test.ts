import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAccountNumber, compareAccountEntries, confirmationProblems } from '../../../utils/bank/account-number';
import { anyText, decorated, digitString, PROPERTY_TIMEOUT, RUNS, validRoutingNumber } from './arbitraries';

const codes = (...args: Parameters<typeof checkAccountNumber>) => checkAccountNumber(...args).problems.map((problem) => problem.code);

describe('checkAccountNumber: examples', { timeout: PROPERTY_TIMEOUT }, () => {
  it('accepts 4 to 17 digits and keeps leading zeros', () => {
    expect(checkAccountNumber('0001')).toEqual({ ok: true, value: '0001', digits: '0001', cleaned: false, problems: [] });
    expect(checkAccountNumber('00012345678901234')).toMatchObject({ ok: true, value: '00012345678901234' });
  });

  it('says which limit was broken and by how much', () => {
    expect(checkAccountNumber('123').problems).toEqual([
      {
        code: 'account.too-short',
        severity: 'error',
        message: 'An account number has at least 4 digits; this one has 3. Check that none are missing.',
      },
    ]);
    expect(checkAccountNumber('123456789012345678').problems).toEqual([
      {
        code: 'account.too-long',
        severity: 'error',
        message:
          'ACE accepts at most 17 digits for the account number; this one has 18. Check for extra digits, or ask your bank which number to use for ACH deposits.',
      },
    ]);
  });

  it('cleans spaces, hyphens and dots like the routing number', () => {
    expect(checkAccountNumber(' 1234-5678.90 ')).toMatchObject({ ok: true, value: '1234567890', cleaned: true });
    expect(codes('1234 5678')).toEqual(['input.cleaned']);
  });

  it('refuses letters, foreign digits and invisible characters with their position', () => {
    expect(checkAccountNumber('12O45').problems[0]).toMatchObject({
      code: 'char.letter',
      position: 3,
      message: 'The account number contains the letter “O” at position 3; it can hold only digits (did you mean the digit 0?).',
    });
    expect(checkAccountNumber('1234\u2060567').problems[0]).toMatchObject({ code: 'char.invisible', position: 5 });
    expect(checkAccountNumber('١٢٣٤٥').problems[0]).toMatchObject({ code: 'char.foreign-digit', position: 1 });
    expect(checkAccountNumber('').problems).toEqual([{ code: 'input.empty', severity: 'error', message: 'Enter the account number.' }]);
  });

  it('warns, without failing, about one digit repeated', () => {
    const result = checkAccountNumber('00000000');
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      {
        code: 'account.same-digit',
        severity: 'warning',
        message: 'Every digit of the account number is the same; check that it is your real account number.',
      },
    ]);
  });

  it('warns when the routing number was typed into the account field', () => {
    expect(checkAccountNumber('021000021', { routingNumber: '021000021' })).toMatchObject({
      ok: true,
      problems: [
        {
          code: 'account.is-routing',
          severity: 'warning',
          message: 'The account number is the same as the routing number; enter the account number from your bank statement here.',
        },
      ],
    });
    expect(checkAccountNumber('0210000211234567', { routingNumber: '021 000 021' }).problems).toEqual([
      {
        code: 'account.contains-routing',
        severity: 'warning',
        message:
          'The account number contains the routing number, which may have been typed into this field too; enter the account number alone.',
      },
    ]);
    expect(codes('12345678', { routingNumber: '021000021' })).toEqual([]);
    expect(codes('021000021', { routingNumber: '02100' })).toEqual([]);
  });

  it('warns about a confirmation that differs, naming positions, never the number', () => {
    const result = checkAccountNumber('123456789', { confirmation: '123465789' });
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      {
        code: 'account.confirm-mismatch',
        severity: 'warning',
        message: 'The two account number entries differ at positions 5 and 6; check both against your bank statement.',
      },
    ]);
    expect(checkAccountNumber('123456789', { confirmation: '123456780' }).problems[0]?.message).toBe(
      'The two account number entries differ at position 9; check both against your bank statement.',
    );
    expect(checkAccountNumber('123456789', { confirmation: '12345678' }).problems[0]).toMatchObject({
      code: 'account.confirm-length',
      message: 'The two account number entries have different lengths (9 and 8 digits); check both against your bank statement.',
    });
    expect(checkAccountNumber('1234567890', { confirmation: '0987654321' }).problems[0]?.message).toBe(
      'The two account number entries differ at 10 positions, the first at position 1; check both against your bank statement.',
    );
  });

  it('ignores separators when comparing, and an empty confirmation means not entered yet', () => {
    expect(codes('1234 5678', { confirmation: '1234-5678' })).toEqual(['input.cleaned']);
    expect(codes('12345678', { confirmation: '' })).toEqual([]);
  });

  it('still compares the confirmation when the first entry has a refused character', () => {
    expect(codes('12\u200b34', { confirmation: '1234' })).toEqual(['char.invisible', 'account.confirm-length']);
  });
});

describe('compareAccountEntries', { timeout: PROPERTY_TIMEOUT }, () => {
  it('reports lengths and differing positions', () => {
    expect(compareAccountEntries('1234', '1243')).toEqual({ match: false, differingPositions: [3, 4], firstLength: 4, secondLength: 4 });
    expect(compareAccountEntries('12 34', '1234')).toEqual({ match: true, differingPositions: [], firstLength: 4, secondLength: 4 });
    expect(confirmationProblems(compareAccountEntries('1', '1'))).toEqual([]);
  });
});

describe('checkAccountNumber: properties', { timeout: PROPERTY_TIMEOUT }, () => {
  it('never throws on any string, with or without routing number and confirmation', () => {
    fc.assert(
      fc.property(anyText, fc.option(anyText), fc.option(anyText), (input, routingNumber, confirmation) => {
        const result = checkAccountNumber(input, {
          ...(routingNumber === null ? {} : { routingNumber }),
          ...(confirmation === null ? {} : { confirmation }),
        });
        return (
          result.ok === result.problems.every((problem) => problem.severity !== 'error') &&
          (!result.ok || /^[0-9]{4,17}$/.test(result.value!))
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('valid account numbers round-trip through normalisation, leading zeros kept', () => {
    fc.assert(
      fc.property(digitString(4, 17).chain((digits) => fc.tuple(fc.constant(digits), decorated(digits))), ([digits, typed]) => {
        const result = checkAccountNumber(typed);
        return result.ok && result.value === digits && checkAccountNumber(digits).value === digits;
      }),
      { numRuns: RUNS },
    );
  });

  it('messages never repeat the account number', () => {
    fc.assert(
      fc.property(digitString(6, 17), validRoutingNumber, digitString(6, 17), (account, routing, confirmation) =>
        checkAccountNumber(account, { routingNumber: routing, confirmation }).problems.every((problem) => !problem.message.includes(account)),
      ),
      { numRuns: RUNS },
    );
  });

  it('finds exactly the positions that were changed', () => {
    fc.assert(
      fc.property(digitString(4, 17), fc.array(fc.nat(), { maxLength: 5 }), (digits, picks) => {
        const changed = [...new Set(picks.map((pick) => pick % digits.length))].sort((a, b) => a - b);
        let other = digits;
        for (const at of changed) other = other.slice(0, at) + ((Number(other[at]) + 1) % 10) + other.slice(at + 1);
        const comparison = compareAccountEntries(digits, other);
        return (
          comparison.differingPositions.join() === changed.map((at) => at + 1).join() &&
          comparison.match === (changed.length === 0)
        );
      }),
      { numRuns: RUNS },
    );
  });
});
