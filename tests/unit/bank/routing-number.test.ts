import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abaCheckDigit,
  checkRoutingNumber,
  isAbaChecksumValid,
  normaliseRoutingNumber,
  routingPrefixKind,
} from '../../../utils/bank/routing-number';
import { anyText, decorated, PROPERTY_TIMEOUT, RUNS, validRoutingNumber } from './arbitraries';

/** A checksum-valid number with the given first two digits. */
const withPrefix = (prefix: string): string => {
  const firstEight = `${prefix}100002`;
  return firstEight + abaCheckDigit(firstEight);
};
const codes = (input: string) => checkRoutingNumber(input).problems.map((problem) => problem.code);

describe('checkRoutingNumber: examples', { timeout: PROPERTY_TIMEOUT }, () => {
  it('accepts a valid routing number as is', () => {
    expect(checkRoutingNumber('021000021')).toEqual({
      ok: true,
      value: '021000021',
      digits: '021000021',
      cleaned: false,
      prefixKind: 'federal-reserve',
      problems: [],
    });
  });

  it('accepts thrift prefixes 21–32', () => {
    expect(checkRoutingNumber(withPrefix('32'))).toMatchObject({ ok: true, prefixKind: 'thrift' });
    expect(checkRoutingNumber(withPrefix('21'))).toMatchObject({ ok: true, prefixKind: 'thrift' });
  });

  it('tolerates surrounding and inner spaces, hyphens and dots, and says it cleaned them', () => {
    const result = checkRoutingNumber(' 021-000.021 ');
    expect(result).toMatchObject({ ok: true, value: '021000021', cleaned: true });
    expect(result.problems).toEqual([
      { code: 'input.cleaned', severity: 'info', message: 'Ignored the spaces, hyphens and dots in what was entered.' },
    ]);
  });

  it('tolerates the spaces and dashes copying brings: no-break space, tab, en dash, newline', () => {
    expect(checkRoutingNumber('0210\u00a000021\n')).toMatchObject({ ok: true, value: '021000021', cleaned: true });
    expect(checkRoutingNumber('\t021\u2013000\u2013021')).toMatchObject({ ok: true, value: '021000021', cleaned: true });
  });

  it('never fixes a letter O, and names it with its position and the digit it may stand for', () => {
    const result = checkRoutingNumber('02100O021');
    expect(result.ok).toBe(false);
    expect(result.value).toBeUndefined();
    expect(result.problems).toEqual([
      {
        code: 'char.letter',
        severity: 'error',
        position: 6,
        message: 'The routing number contains the letter “O” at position 6; it can hold only digits (did you mean the digit 0?).',
      },
    ]);
  });

  it('names full-width and Arabic-Indic digits with their value and code point', () => {
    expect(checkRoutingNumber('０21000021').problems[0]).toMatchObject({
      code: 'char.foreign-digit',
      position: 1,
      message: 'The routing number contains a full-width digit 0 (U+FF10) at position 1; retype it with the ordinary digits 0–9.',
    });
    expect(checkRoutingNumber('02100002١').problems[0]?.message).toContain('an Arabic-Indic digit 1 (U+0661) at position 9');
  });

  it('names a zero-width space and where it is', () => {
    const result = checkRoutingNumber('021\u200b000021');
    expect(result.problems).toEqual([
      {
        code: 'char.invisible',
        severity: 'error',
        position: 4,
        message:
          'The routing number contains a zero-width space (U+200B) at position 4, an invisible character that copying brought in; clear the field and type the number.',
      },
    ]);
  });

  it('counts positions in characters, so an emoji before the problem counts once', () => {
    expect(checkRoutingNumber('😀021000021').problems[0]).toMatchObject({ code: 'char.other', position: 1 });
    expect(checkRoutingNumber('😀0\u200b21000021').problems[1]).toMatchObject({ code: 'char.invisible', position: 3 });
  });

  it('lists the first five refused characters and counts the rest', () => {
    const result = checkRoutingNumber('abcdefghij');
    expect(result.problems.map((problem) => problem.code)).toEqual([
      'char.letter', 'char.letter', 'char.letter', 'char.letter', 'char.letter', 'char.more',
    ]);
    expect(result.problems[5]?.message).toBe('The routing number contains 5 more characters that are not digits.');
  });

  it('stops at character problems instead of also counting digits', () => {
    expect(codes('12345678#')).toEqual(['char.other']);
    expect(checkRoutingNumber('#').problems[0]?.message).toBe(
      'The routing number contains “#” (U+0023) at position 1; it can hold only digits.',
    );
  });

  it('asks for the number when nothing but separators was entered', () => {
    expect(checkRoutingNumber('')).toEqual({
      ok: false,
      cleaned: false,
      problems: [{ code: 'input.empty', severity: 'error', message: 'Enter the routing number.' }],
    });
    expect(codes(' - ')).toEqual(['input.empty', 'input.cleaned']);
  });

  it('says how many digits it found when there are not 9', () => {
    expect(checkRoutingNumber('02100002').problems).toEqual([
      {
        code: 'routing.length',
        severity: 'error',
        message: "A routing number has exactly 9 digits; this one has 8. Copy it again from a cheque or your bank's ACH instructions.",
      },
    ]);
    expect(checkRoutingNumber('0210000210').problems[0]?.message).toContain('this one has 10.');
    expect(checkRoutingNumber('02100002').digits).toBe('02100002');
  });

  it('rejects 000000000 with one plain message although it passes the checksum', () => {
    expect(isAbaChecksumValid('000000000')).toBe(true);
    expect(checkRoutingNumber('000000000').problems).toEqual([
      {
        code: 'routing.all-zero',
        severity: 'error',
        message: "000000000 is a placeholder, not a routing number. Enter your bank's ACH routing number.",
      },
    ]);
  });

  it('explains a failed check digit and what to do', () => {
    expect(checkRoutingNumber('021000022').problems).toEqual([
      {
        code: 'routing.checksum',
        severity: 'error',
        message:
          "This routing number fails the check-digit test, so a digit is wrong or two are swapped. Compare it digit by digit with a cheque or your bank's ACH instructions.",
      },
    ]);
  });

  it('rejects government (00) and traveler’s cheque (80) prefixes with the reason; warns about electronic ones (61–72)', () => {
    expect(checkRoutingNumber(withPrefix('00')).problems).toEqual([
      {
        code: 'routing.prefix-government',
        severity: 'error',
        message: "Routing numbers starting 00 belong to U.S. government agencies; ACH refunds need your bank's ACH routing number.",
      },
    ]);
    expect(checkRoutingNumber(withPrefix('63')).problems).toEqual([
      {
        code: 'routing.prefix-electronic',
        severity: 'warning',
        message:
          "Routing numbers starting 61–72 (this one starts 63) are electronic transaction identifiers, used for electronic payments only and rarely for a business's bank account; check that it is your bank's ACH routing number.",
      },
    ]);
    expect(checkRoutingNumber(withPrefix('63')).ok).toBe(true);
    expect(checkRoutingNumber(withPrefix('80')).problems).toEqual([
      {
        code: 'routing.prefix-travelers-cheque',
        severity: 'error',
        message: "Routing numbers starting 80 are for traveler's cheques; ACH refunds need your bank's ACH routing number.",
      },
    ]);
  });

  it("accepts 655060042 (the Social Security Administration, an ACH participant) with the 61–72 warning only", () => {
    const result = checkRoutingNumber('655060042');
    expect(result).toMatchObject({ ok: true, value: '655060042', prefixKind: 'electronic' });
    expect(result.problems.map((problem) => [problem.code, problem.severity])).toEqual([['routing.prefix-electronic', 'warning']]);
    // A wrong check digit in a 61–72 number is still an error.
    expect(checkRoutingNumber('655060043')).toMatchObject({ ok: false });
    expect(codes('655060043')).toEqual(['routing.prefix-electronic', 'routing.checksum']);
  });

  it('rejects every other prefix as nonexistent', () => {
    expect(checkRoutingNumber(withPrefix('45')).problems).toEqual([
      {
        code: 'routing.prefix-nonexistent',
        severity: 'error',
        message: 'No routing number starts with 45; real ones start 01–12 or 21–32. Check the first two digits.',
      },
    ]);
  });

  it('classifies all 100 prefixes', () => {
    for (let n = 0; n < 100; n++) {
      const prefix = String(n).padStart(2, '0');
      const expected =
        n >= 1 && n <= 12 ? 'federal-reserve'
        : n >= 21 && n <= 32 ? 'thrift'
        : n === 0 ? 'government'
        : n >= 61 && n <= 72 ? 'electronic'
        : n === 80 ? 'travelers-cheque'
        : 'nonexistent';
      expect(routingPrefixKind(withPrefix(prefix)), prefix).toBe(expected);
      expect(checkRoutingNumber(withPrefix(prefix)).ok, prefix).toBe(['federal-reserve', 'thrift', 'electronic'].includes(expected));
    }
  });

  it('reports a bad prefix and a bad checksum together', () => {
    const bad = withPrefix('45');
    const wrongDigit = bad.slice(0, 8) + ((Number(bad[8]) + 1) % 10);
    expect(codes(wrongDigit)).toEqual(['routing.prefix-nonexistent', 'routing.checksum']);
  });

  it('normalises only valid numbers', () => {
    expect(normaliseRoutingNumber('021 000 021')).toBe('021000021');
    expect(normaliseRoutingNumber('021000022')).toBeUndefined();
  });

  it('treats a non-string from untyped callers as empty rather than throwing', () => {
    expect(codes(undefined as unknown as string)).toEqual(['input.empty']);
  });
});

describe('checkRoutingNumber: properties', { timeout: PROPERTY_TIMEOUT }, () => {
  // Property bodies return booleans rather than call expect(): 10,000 runs of expect() cost
  // more than the checks under test.
  it('never throws on any string, and ok holds exactly when no problem is an error', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const result = checkRoutingNumber(input);
        return (
          result.ok === result.problems.every((problem) => problem.severity !== 'error') &&
          (result.ok ? /^[0-9]{9}$/.test(result.value!) : result.value === undefined) &&
          result.problems.every((problem) => problem.message.length > 0)
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('valid numbers round-trip through normalisation however they are spaced', () => {
    fc.assert(
      fc.property(validRoutingNumber.chain((digits) => fc.tuple(fc.constant(digits), decorated(digits))), ([digits, typed]) => {
        const result = checkRoutingNumber(typed);
        return result.ok && result.value === digits && result.cleaned === (typed !== digits) && normaliseRoutingNumber(digits) === digits;
      }),
      { numRuns: RUNS },
    );
  });

  it('a checksum-valid number starting 61–72 is accepted with exactly one warning, the prefix one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 72 }), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }), (prefix, middle) => {
        const firstEight = `${prefix}${middle}`;
        const result = checkRoutingNumber(firstEight + abaCheckDigit(firstEight));
        return (
          result.ok &&
          result.prefixKind === 'electronic' &&
          result.problems.length === 1 &&
          result.problems[0]!.code === 'routing.prefix-electronic' &&
          result.problems[0]!.severity === 'warning' &&
          result.problems[0]!.message.includes(`starts ${prefix}`)
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('every single-digit change of a valid routing number fails the checksum', () => {
    fc.assert(
      fc.property(validRoutingNumber, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (digits, at, shift) => {
        const changed = digits.slice(0, at) + ((Number(digits[at]) + shift) % 10) + digits.slice(at + 1);
        return !isAbaChecksumValid(changed) && checkRoutingNumber(changed).problems.some((problem) => problem.code === 'routing.checksum');
      }),
      { numRuns: RUNS },
    );
  });

  it('every swap of two adjacent digits that do not differ by 5 fails the checksum', () => {
    fc.assert(
      fc.property(validRoutingNumber, fc.integer({ min: 0, max: 7 }), (digits, at) => {
        const a = Number(digits[at]);
        const b = Number(digits[at + 1]);
        fc.pre(a !== b && Math.abs(a - b) !== 5);
        const swapped = digits.slice(0, at) + digits[at + 1] + digits[at] + digits.slice(at + 2);
        return !isAbaChecksumValid(swapped);
      }),
      { numRuns: RUNS },
    );
  });

  it('a swap of adjacent digits that differ by 5 keeps the checksum (why the rule excludes them)', () => {
    expect(isAbaChecksumValid('021000021')).toBe(true);
    const firstEight = '16100000';
    const valid = firstEight + abaCheckDigit(firstEight);
    expect(isAbaChecksumValid(valid)).toBe(true);
    expect(isAbaChecksumValid('61' + valid.slice(2))).toBe(true);
  });
});
