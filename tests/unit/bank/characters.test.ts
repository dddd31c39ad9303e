import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCharacter, formatCodePoint } from '../../../utils/bank/characters';
import { flaggedCharacterProblems, scanDigitInput } from '../../../utils/bank/digit-input';
import { anyText, PROPERTY_TIMEOUT, RUNS } from './arbitraries';

const describe1 = (text: string) => describeCharacter(text.codePointAt(0)!);

describe('describeCharacter', { timeout: PROPERTY_TIMEOUT }, () => {
  it.each([
    ['\u200b', 'invisible', 'a zero-width space (U+200B)'],
    ['\u200c', 'invisible', 'a zero-width non-joiner (U+200C)'],
    ['\u200d', 'invisible', 'a zero-width joiner (U+200D)'],
    ['\u2060', 'invisible', 'a word joiner (U+2060)'],
    ['\ufeff', 'invisible', 'a zero-width no-break space (byte order mark) (U+FEFF)'],
    ['\u00ad', 'invisible', 'a soft hyphen (U+00AD)'],
    ['\u200e', 'invisible', 'a left-to-right mark (U+200E)'],
    ['\u202e', 'invisible', 'a right-to-left override (U+202E)'],
    ['\u0007', 'invisible', 'a control character (U+0007)'],
    ['\u0085', 'invisible', 'a control character (U+0085)'],
    ['\ufe0f', 'invisible', 'a variation selector (U+FE0F)'],
    ['\u{e0041}', 'invisible', 'an invisible tag character (U+E0041)'],
    ['\u2064', 'invisible', 'an invisible plus sign (U+2064)'],
    ['\u3164', 'invisible', 'a Hangul filler (U+3164)'],
    ['\u2800', 'invisible', 'a blank Braille pattern (U+2800)'],
    ['\u{1d173}', 'invisible', 'an invisible formatting character (U+1D173)'],
    ['\uff14', 'foreign-digit', 'a full-width digit 4 (U+FF14)'],
    ['\u0664', 'foreign-digit', 'an Arabic-Indic digit 4 (U+0664)'],
    ['\u06f4', 'foreign-digit', 'an extended Arabic-Indic (Persian) digit 4 (U+06F4)'],
    ['\u096a', 'foreign-digit', 'a Devanagari digit 4 (U+096A)'],
    ['\u{1d7ce}', 'foreign-digit', 'a mathematical bold digit 0 (U+1D7CE)'],
    ['\u00b2', 'foreign-digit', 'a superscript digit 2 (U+00B2)'],
    ['\u2084', 'foreign-digit', 'a subscript digit 4 (U+2084)'],
    ['\u2462', 'foreign-digit', 'a circled digit 3 (U+2462)'],
    ['\u{11066}', 'foreign-digit', 'a digit from another script (U+11066)'],
    ['\u2155', 'foreign-digit', 'a number sign from another script (U+2155)'],
    ['O', 'letter', 'the letter “O”'],
    ['\u041e', 'letter', 'the letter “О” (U+041E)'],
    ['#', 'other', '“#” (U+0023)'],
    ['😀', 'other', '“😀” (U+1F600)'],
    ['\u0301', 'other', 'a combining mark (U+0301)'],
    ['\ue000', 'other', 'a private-use character (U+E000)'],
    ['\ud800', 'other', 'a damaged character (unpaired surrogate) (U+D800)'],
  ])('%j is %s: %s', (text, kind, what) => {
    expect(describe1(text)).toMatchObject({ kind, what });
  });

  it('hints the digit a look-alike letter stands for, and only for those', () => {
    expect(describe1('O').hint).toBe('the digit 0');
    expect(describe1('l').hint).toBe('the digit 1');
    expect(describe1('B').hint).toBeUndefined();
  });

  it('formats code points with at least four hex digits', () => {
    expect(formatCodePoint(0x2d)).toBe('U+002D');
    expect(formatCodePoint(0x1f600)).toBe('U+1F600');
  });
});

describe('scanDigitInput', { timeout: PROPERTY_TIMEOUT }, () => {
  it('keeps digits in order, drops separators and records their kinds in order seen', () => {
    expect(scanDigitInput('. 12-3 4')).toEqual({ digits: '1234', removed: ['dot', 'space', 'hyphen'], flagged: [], flaggedCount: 0 });
  });

  it('keeps leading zeros', () => {
    expect(scanDigitInput('000123').digits).toBe('000123');
  });

  it('flags each refused character with its 1-based position in code points', () => {
    const scan = scanDigitInput('1😀2\u200b3');
    expect(scan.digits).toBe('123');
    expect(scan.flagged.map((flag) => [flag.position, flag.codePoint])).toEqual([
      [2, 0x1f600],
      [4, 0x200b],
    ]);
  });

  it('caps the flagged list but counts everything', () => {
    const scan = scanDigitInput('x'.repeat(50), 2);
    expect(scan.flagged).toHaveLength(2);
    expect(scan.flaggedCount).toBe(50);
    expect(flaggedCharacterProblems(scan, 'account').map((problem) => problem.code)).toEqual(['char.letter', 'char.letter', 'char.more']);
  });

  it('uses the field name in character messages', () => {
    const problems = flaggedCharacterProblems(scanDigitInput('1\u200b'), 'confirmation');
    expect(problems[0]?.message).toMatch(/^The repeated account number contains a zero-width space/);
  });

  it('never throws, and every character is a digit, a separator or counted as refused', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const scan = scanDigitInput(input);
        const characters = [...input];
        return (
          /^[0-9]*$/.test(scan.digits) &&
          scan.flaggedCount >= scan.flagged.length &&
          characters.length >= scan.digits.length + scan.flaggedCount &&
          scan.flagged.every((flag) => characters[flag.position - 1]?.codePointAt(0) === flag.codePoint)
        );
      }),
      { numRuns: RUNS },
    );
  });
});
