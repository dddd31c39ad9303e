import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createFedAchTextParser, parseFedAchText } from '../../../utils/bank/fedach-text-parser';
import { anyText, PROPERTY_TIMEOUT, RUNS } from './arbitraries';
import {
  chunksOf,
  expectedRecord,
  fedAchText,
  fedAchTextLine,
  generateFedAchEntries,
  makeFedAchEntry,
  seededRandom,
} from './fedach-generator';

const entries = generateFedAchEntries(300, { seed: 11, replacedShare: 0.1, nonGovernmentShare: 0.05 });
const small = generateFedAchEntries(6, { seed: 5, replacedShare: 0.3 });
const smallRecords = small.map(expectedRecord);

function parseInChunks(text: string, chunks: readonly string[]) {
  if (chunks.join('') !== text) throw new Error('chunks lost text');
  const parser = createFedAchTextParser();
  for (const chunk of chunks) parser.push(chunk);
  return parser.end();
}

describe('parseFedAchText', { timeout: PROPERTY_TIMEOUT }, () => {
  it('reads every field the extension keeps from generated records', () => {
    const result = parseFedAchText(fedAchText(entries));
    expect(result.problems).toEqual([]);
    expect(result.problemCount).toBe(0);
    expect(result.format).toBe('text');
    expect(result.itemsRead).toBe(300);
    expect(result.records).toEqual(entries.map(expectedRecord));
  });

  it('reads a known record field by field', () => {
    const random = seededRandom(1);
    const line = fedAchTextLine(
      makeFedAchEntry(random, {
        routingNumber: '021000021',
        officeCode: 'O',
        recordTypeCode: '1',
        changeDate: '072605',
        customerName: 'JPMORGAN CHASE BANK',
        customerCity: 'TAMPA',
        customerState: 'FL',
      }),
    );
    expect(line).toHaveLength(155);
    expect(parseFedAchText(line).records).toEqual([
      {
        routingNumber: '021000021',
        officeCode: 'O',
        recordType: '1',
        name: 'JPMORGAN CHASE BANK',
        city: 'TAMPA',
        state: 'FL',
        institutionStatus: '1',
        changeDate: '2005-07-26',
      },
    ]);
  });

  it.each([
    ['CRLF', { lineEnding: '\r\n' }],
    ['LF', { lineEnding: '\n' }],
    ['CR', { lineEnding: '\r' }],
    ['no line breaks', { lineEnding: '' }],
    ['LF without a final line break', { lineEnding: '\n', trailingLineEnding: false }],
  ] as const)('reads files with %s', (_, options) => {
    const result = parseFedAchText(fedAchText(entries, options));
    expect(result.problems).toEqual([]);
    expect(result.records).toEqual(entries.map(expectedRecord));
  });

  it('reads records whose trailing blanks an editor stripped, and skips a byte order mark', () => {
    const text = '\ufeff' + entries.slice(0, 3).map((entry) => fedAchTextLine(entry).trimEnd()).join('\n');
    expect(parseFedAchText(text).records).toEqual(entries.slice(0, 3).map(expectedRecord));
  });

  it('reports bad lines with their numbers and why, and keeps the good ones', () => {
    const random = seededRandom(3);
    const good = entries.slice(0, 3).map(fedAchTextLine);
    const bad = (overrides: Parameters<typeof makeFedAchEntry>[1]) => fedAchTextLine(makeFedAchEntry(random, overrides));
    const lines = [
      good[0]!,
      '',
      bad({ routingNumber: '02100O021' }),
      bad({ officeCode: 'X' }),
      bad({ recordTypeCode: '5' }),
      bad({ recordTypeCode: '2', newRoutingNumber: '000000000' }),
      bad({ customerName: '' }),
      good[1]!.slice(0, 120),
      good[0]!,
      good[2]!,
      '   ',
    ];
    const result = parseFedAchText(lines.join('\r\n'));
    expect(result.records).toEqual([entries[0]!, entries[2]!].map(expectedRecord));
    expect(result.itemsRead).toBe(11);
    expect(result.problems).toEqual([
      { code: 'fedach.routing', severity: 'warning', line: 3, message: 'Line 3: the routing number is not 9 digits; skipped.' },
      { code: 'fedach.office-code', severity: 'warning', line: 4, message: 'Line 4: the office code is not O (main office) or B (branch); skipped.' },
      { code: 'fedach.record-type', severity: 'warning', line: 5, message: 'Line 5: the record type is not 0, 1 or 2; skipped.' },
      {
        code: 'fedach.new-routing',
        severity: 'warning',
        line: 6,
        message: 'Line 6: a replaced routing number (record type 2) needs a 9-digit new routing number; skipped.',
      },
      { code: 'fedach.name', severity: 'warning', line: 7, message: 'Line 7: the bank name is empty; skipped.' },
      {
        code: 'fedach.line-length',
        severity: 'warning',
        line: 8,
        message: 'Line 8: a directory record has 155 characters, this line has 120; skipped.',
      },
      {
        code: 'fedach.duplicate',
        severity: 'warning',
        line: 9,
        message: 'Line 9: this routing number already appeared on line 1; kept the first.',
      },
    ]);
  });

  it('keeps at most maxProblems problems but counts them all', () => {
    const text = Array.from({ length: 300 }, () => 'not a record').join('\n');
    const result = parseFedAchText(text, { maxProblems: 50 });
    expect(result.problems).toHaveLength(50);
    expect(result.problemCount).toBe(301);
    expect(parseFedAchText(text).problems).toHaveLength(200);
  });

  it('says so when a file holds no records', () => {
    expect(parseFedAchText('').problems).toEqual([
      {
        code: 'fedach.no-records',
        severity: 'error',
        message: 'No directory records were found; choose the FedACH directory file (FedACHdir.txt or the JSON file).',
      },
    ]);
  });
});

describe('createFedAchTextParser', { timeout: PROPERTY_TIMEOUT }, () => {
  it('gives the same result however the text is cut into chunks', () => {
    const lineEnding = fc.constantFrom('\r\n', '\n', '\r', '') as fc.Arbitrary<'\r\n' | '\n' | '\r' | ''>;
    fc.assert(
      fc.property(lineEnding, fc.boolean(), fc.integer({ min: 1, max: 400 }), fc.integer(), (ending, trailing, maxChunk, seed) => {
        const text = fedAchText(small, { lineEnding: ending, trailingLineEnding: trailing });
        const result = parseInChunks(text, chunksOf(text, seededRandom(seed), maxChunk));
        return result.problems.length === 0 && isDeepStrictEqual(result.records, smallRecords);
      }),
      { numRuns: RUNS },
    );
  });

  it('streams a large file in 64 KiB chunks', () => {
    const many = generateFedAchEntries(2000, { seed: 9 });
    const text = fedAchText(many);
    const chunks: string[] = [];
    for (let at = 0; at < text.length; at += 65536) chunks.push(text.slice(at, at + 65536));
    expect(parseInChunks(text, chunks).records).toHaveLength(2000);
  });

  it('refuses pushes after end, and end twice gives the same result', () => {
    const parser = createFedAchTextParser();
    parser.push(fedAchTextLine(small[0]!));
    const result = parser.end();
    expect(parser.end()).toBe(result);
    expect(() => parser.push('x')).toThrow();
  });
});

describe('FedACH text parser: properties', { timeout: PROPERTY_TIMEOUT }, () => {
  it('reads any mix of records, junk and line breaks the same whole or in chunks', () => {
    const lines = small.map(fedAchTextLine);
    const piece = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...lines) },
      { weight: 1, arbitrary: fc.constantFrom(...lines).map((line) => line.trimEnd()) },
      { weight: 3, arbitrary: fc.constantFrom('\n', '\r\n', '\r', ' ', '\ufeff') },
      { weight: 2, arbitrary: anyText },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.integer({ min: 1, max: 700 }), fc.integer(), (pieces, maxChunk, seed) => {
        const text = pieces.join('');
        return isDeepStrictEqual(parseInChunks(text, chunksOf(text, seededRandom(seed), maxChunk)), parseFedAchText(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on any text, in any chunking, and keeps its invariants', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 4 }), (chunks) => {
        const parser = createFedAchTextParser({ maxProblems: 3 });
        for (const chunk of chunks) parser.push(chunk);
        const result = parser.end();
        return (
          result.problems.length <= 3 &&
          result.problemCount >= result.problems.length &&
          result.records.every((record) => /^[0-9]{9}$/.test(record.routingNumber))
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps every good line and reports every damaged one by its line number', () => {
    const damage = anyText.map((text) => text.replace(/[\r\n]/g, '')).filter((text) => text.trim().length > 0);
    fc.assert(
      fc.property(fc.array(fc.option(damage, { freq: 2 }), { minLength: 6, maxLength: 6 }), (replacements) => {
        const lines = small.map((entry, i) => replacements[i] ?? fedAchTextLine(entry));
        const result = parseFedAchText(lines.join('\n'));
        const goodAt = replacements.flatMap((replacement, i) => (replacement === null ? [i] : []));
        const damagedLines = replacements.flatMap((replacement, i) => (replacement === null ? [] : [i + 1]));
        const reportedLines = result.problems.filter((problem) => problem.line !== undefined).map((problem) => problem.line);
        return isDeepStrictEqual(result.records, goodAt.map((i) => smallRecords[i])) && isDeepStrictEqual(reportedLines, damagedLines);
      }),
      { numRuns: RUNS },
    );
  });
});
