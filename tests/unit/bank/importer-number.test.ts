import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkImporterNumber,
  compareImporterNumbers,
  normaliseImporterNumber,
  parseImporterNumber,
} from '../../../utils/bank/importer-number';
import { findImporterNumbers } from '../../../utils/bank/importer-number-search';
import { anyText, PROPERTY_TIMEOUT, RUNS, validCbpNumber, validEin, validImporterNumber } from './arbitraries';

const code = (input: string) => checkImporterNumber(input).problems[0]?.code;

describe('parseImporterNumber', { timeout: PROPERTY_TIMEOUT }, () => {
  it('reads an EIN with its suffix into base and suffix', () => {
    expect(parseImporterNumber('12-345678900')).toEqual({ kind: 'ein', value: '12-345678900', base: '12-3456789', suffix: '00' });
    expect(parseImporterNumber('12-3456789ab')).toEqual({ kind: 'ein', value: '12-3456789AB', base: '12-3456789', suffix: 'AB' });
  });

  it('normalises the ways people write an EIN with suffix', () => {
    for (const typed of ['12-345678900', ' 12-3456789-00 ', '12 3456789 00', '12–3456789 00', '12-3456789 00']) {
      expect(normaliseImporterNumber(typed), typed).toBe('12-345678900');
    }
    expect(normaliseImporterNumber('1234567891A')).toBe('12-34567891A');
    expect(checkImporterNumber('12-3456789ab')).toMatchObject({ ok: true, value: '12-3456789AB', cleaned: true });
    expect(checkImporterNumber('12-345678900')).toMatchObject({ ok: true, cleaned: false, problems: [] });
  });

  it('reads an EIN written without its own hyphen but with the suffix’s (NNNNNNNNN-XX), letter suffixes too', () => {
    expect(parseImporterNumber('123456789-00')).toEqual({ kind: 'ein', value: '12-345678900', base: '12-3456789', suffix: '00' });
    expect(normaliseImporterNumber('123456789-b7')).toBe('12-3456789B7');
    expect(normaliseImporterNumber('12-3456789B7')).toBe('12-3456789B7');
    expect(code('123456789-O7')).toBe('importer.suffix-letter');
    expect(findImporterNumbers('IR # 123456789-B7 · Nogales').map((match) => match.importer.value)).toEqual(['12-3456789B7']);
  });

  it('refuses suffixes with O, I or Z, which CBP never issues', () => {
    for (const typed of ['12-3456789O0', '12-34567890I', '12-3456789Z1', '12-3456789oo']) {
      expect(code(typed), typed).toBe('importer.suffix-letter');
    }
    expect(checkImporterNumber('12-3456789O0').problems[0]?.message).toBe(
      'EIN suffixes never use the letters O, I or Z, and this one is “O0”; retype it with the digit 0 for O, 1 for I or 2 for Z.',
    );
  });

  it('reads SSNs and CBP-assigned numbers (whose DDPP part may hold letters)', () => {
    expect(parseImporterNumber('123-45-6789')).toEqual({ kind: 'ssn', value: '123-45-6789', base: '123-45-6789' });
    expect(parseImporterNumber('951234-12345')).toEqual({ kind: 'cbp', value: '951234-12345', base: '951234-12345' });
    expect(parseImporterNumber('06ab1c-00042')).toEqual({ kind: 'cbp', value: '06AB1C-00042', base: '06AB1C-00042' });
    expect(normaliseImporterNumber('06AB1C00042')).toBe('06AB1C-00042');
  });

  it('asks for the suffix when an EIN comes without one', () => {
    expect(checkImporterNumber('12-3456789').problems).toEqual([
      {
        code: 'importer.ein-missing-suffix',
        severity: 'error',
        message: 'Add the 2-character suffix after the EIN (usually 00, as in 12-345678900): ACE keeps bank details separately for each suffix.',
      },
    ]);
  });

  it('does not guess between kinds when the hyphens are missing', () => {
    expect(code('123456789')).toBe('importer.ambiguous');
    expect(code('12345678900')).toBe('importer.ambiguous');
    expect(checkImporterNumber('123456789').problems[0]?.message).toBe(
      'Add the hyphens so the kind of number is clear: 12-345678900 (EIN with suffix), 123-45-6789 (SSN) or 123456-78900 (CBP-assigned).',
    );
  });

  it('refuses other shapes, invisible characters and foreign digits', () => {
    expect(code('12-34567')).toBe('importer.format');
    expect(code('12.345678900')).toBe('importer.format');
    expect(code('')).toBe('input.empty');
    expect(checkImporterNumber('').problems[0]?.message).toBe('Enter the importer number.');
    expect(checkImporterNumber('12-3456789\u200b00').problems[0]).toMatchObject({
      code: 'char.invisible',
      position: 11,
      message:
        'The importer number contains a zero-width space (U+200B) at position 11, an invisible character that copying brought in; clear the field and type the number.',
    });
    expect(code('١٢-345678900')).toBe('char.foreign-digit');
  });
});

describe('compareImporterNumbers', { timeout: PROPERTY_TIMEOUT }, () => {
  it('keeps EIN base and suffix apart, since ACE enrols each suffix separately', () => {
    expect(compareImporterNumbers('12-345678900', '12 3456789 00')).toBe('same');
    expect(compareImporterNumbers('12-345678900', '12-345678901')).toBe('same-base-other-suffix');
    expect(compareImporterNumbers('12-345678900', '98-765432100')).toBe('different');
    expect(compareImporterNumbers('123-45-6789', '123-45-6789')).toBe('same');
    expect(compareImporterNumbers('123-45-6789', '12-345678900')).toBe('different');
    expect(compareImporterNumbers('nonsense', 'nonsense')).toBe('different');
    expect(compareImporterNumbers(parseImporterNumber('06AB1C-00042')!, '06ab1c-00042')).toBe('same');
  });
});

describe('findImporterNumbers', { timeout: PROPERTY_TIMEOUT }, () => {
  it('finds the numbers ACE pages show after their labels', () => {
    expect(findImporterNumbers('IR #: 12-345678900').map((match) => match.importer.value)).toEqual(['12-345678900']);
    const matches = findImporterNumbers('Importer No. 12-3456789AB\nName: ACME TRADING');
    expect(matches).toEqual([
      { importer: { kind: 'ein', value: '12-3456789AB', base: '12-3456789', suffix: 'AB' }, index: 13, text: '12-3456789AB' },
    ]);
  });

  it('finds every kind, several per text, with the page’s own dashes', () => {
    const text = 'Importer 12‑345678901 (agent SSN 123-45-6789, CBP no. 06AB1C–00042).';
    expect(findImporterNumbers(text).map((match) => [match.importer.kind, match.importer.value])).toEqual([
      ['ein', '12-345678901'],
      ['ssn', '123-45-6789'],
      ['cbp', '06AB1C-00042'],
    ]);
  });

  it('ignores dates, phone numbers, longer codes and suffixes CBP never issues', () => {
    const text = 'Call 555-123-4567 on 2026-02-06. Ref 112-345678900, 12-3456789001, X12-345678900, 12-3456789OO.';
    expect(findImporterNumbers(text)).toEqual([]);
  });

  it('never throws on any text, and every match reads back as an importer number', () => {
    fc.assert(
      fc.property(anyText, (text) =>
        findImporterNumbers(text).every(
          (match) =>
            text.slice(match.index, match.index + match.text.length) === match.text &&
            normaliseImporterNumber(match.text) === match.importer.value,
        ),
      ),
      { numRuns: RUNS },
    );
  });

  it('finds a valid number placed in any surrounding text that does not touch it', () => {
    const gap = fc.constantFrom(' ', ': ', ' #', '\n', '(', ') ', '. ');
    fc.assert(
      fc.property(anyText, gap, validImporterNumber, gap, anyText, (before, left, number, right, after) => {
        const text = `${before}${left}${number}${right}${after}`;
        return findImporterNumbers(text).some((match) => match.importer.value === number);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('checkImporterNumber: properties', { timeout: PROPERTY_TIMEOUT }, () => {
  it('never throws on any string', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const result = checkImporterNumber(input);
        return result.ok === result.problems.every((problem) => problem.severity !== 'error') && result.ok === (result.importer !== undefined);
      }),
      { numRuns: RUNS },
    );
  });

  it('valid numbers round-trip through normalisation, in any case and spacing', () => {
    const spacing = fc.constantFrom('', ' ', '  ', '\u00a0');
    fc.assert(
      fc.property(validImporterNumber, spacing, spacing, fc.boolean(), (number, left, right, lower) => {
        const typed = left + (lower ? number.toLowerCase() : number) + right;
        return normaliseImporterNumber(typed) === number && normaliseImporterNumber(number) === number && compareImporterNumbers(typed, number) === 'same';
      }),
      { numRuns: RUNS },
    );
  });

  it('EINs that differ only in suffix are the same base, other suffix', () => {
    fc.assert(
      fc.property(validEin, validEin, (a, b) => {
        const other = a.slice(0, 10) + b.slice(10);
        return compareImporterNumbers(a, other) === (other === a ? 'same' : 'same-base-other-suffix');
      }),
      { numRuns: RUNS },
    );
  });

  it('a CBP-assigned number never reads as an EIN', () => {
    fc.assert(
      fc.property(validCbpNumber, (number) => parseImporterNumber(number)?.kind === 'cbp'),
      { numRuns: RUNS },
    );
  });
});
