import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, guardFormulaCell, isBlankRow, parseCsv, unguardFormulaCell } from '@/utils/profile-transfer/csv';

function rowsOf(text: string) {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.rows;
}

describe('parseCsv', () => {
  it('reads plain cells, quoted cells and doubled quotes', () => {
    expect(rowsOf('a,b,c\n"x, y","say ""hi""",\n')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'say "hi"', ''] },
    ]);
  });

  it('accepts CRLF, LF and lone CR line ends and a missing final line end', () => {
    expect(rowsOf('a\r\nb\nc\rd').map((row) => [row.line, row.cells[0]])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
    ]);
  });

  it('drops a leading byte-order mark', () => {
    expect(rowsOf('\ufeffname\r\nx\r\n')[0]!.cells).toEqual(['name']);
  });

  it('keeps line numbers right after quoted cells that span lines', () => {
    const text = 'h1,h2\r\n"one\r\ntwo\r\nthree",x\r\nnext,"a\nb"\nlast,"c\rd"\r\nend,\r\n';
    const rows = rowsOf(text);
    expect(rows.map((row) => row.line)).toEqual([1, 2, 5, 7, 9]);
    expect(rows[1]!.cells[0]).toBe('one\r\ntwo\r\nthree');
    expect(rows[3]!.cells[1]).toBe('c\rd');
  });

  it('returns blank lines as rows so the caller can skip them', () => {
    const rows = rowsOf('a\n\n ,\t\nb\n');
    expect(rows.map((row) => [row.line, isBlankRow(row)])).toEqual([
      [1, false],
      [2, true],
      [3, true],
      [4, false],
    ]);
  });

  it('refuses the file when a quoted cell is never closed, naming the line it opened on', () => {
    const parsed = parseCsv('a,b\n1,2\n3,"open\n4,5\n');
    expect(parsed).toEqual({ ok: false, line: 3, reason: expect.stringContaining('Line 3: a quoted cell is never closed') });
  });

  it('marks a row with text after a closing quote but keeps reading', () => {
    const rows = rowsOf('"ab"c,d\ne,f\n');
    expect(rows[0]!.problem).toMatch(/text after its closing quote/);
    expect(rows[1]).toEqual({ line: 2, cells: ['e', 'f'] });
  });

  it('takes a quote inside an unquoted cell literally', () => {
    expect(rowsOf('5" floppy,x')[0]!.cells).toEqual(['5" floppy', 'x']);
  });
});

describe('formula injection guard', () => {
  it('guards cells a spreadsheet would evaluate', () => {
    for (const cell of ['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx']) expect(guardFormulaCell(cell)).toBe(`'${cell}`);
    for (const cell of ['plain', '1-2', "'quoted", '', ' =x']) expect(guardFormulaCell(cell)).toBe(cell);
    expect(guardFormulaCell("'=x")).toBe("''=x");
  });

  it('unguarding is the exact inverse of guarding', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', 'a', '1', ' ') }), (value) => {
        expect(unguardFormulaCell(guardFormulaCell(value))).toBe(value);
      }),
      { numRuns: 2_000 },
    );
  });

  it('writes guarded, quoted cells with CRLF and a byte-order mark', () => {
    expect(formatCsv([['h'], ['=1+1'], ['a,b'], ['say "x"'], ['-x,y']])).toBe(
      '\ufeffh\r\n\'=1+1\r\n"a,b"\r\n"say ""x"""\r\n"\'-x,y"\r\n',
    );
  });
});

describe('formatCsv then parseCsv', () => {
  const cell = fc.string({
    unit: fc.oneof(fc.constantFrom(',', '"', '\n', '\r', '\r\n', '=', '-', "'", ' ', ';'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
  });
  it('gives back every cell, and rows start on the line the text says', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 })), (rows) => {
        // A row of one empty cell is a blank line, which the writer cannot tell from no row.
        fc.pre(rows.every((row) => row.length > 1 || row[0] !== ''));
        const text = formatCsv(rows);
        const parsed = rowsOf(text);
        expect(parsed.map((row) => row.cells.map(unguardFormulaCell))).toEqual(rows);
        let expectedLine = 1;
        parsed.forEach((row, index) => {
          expect(row.line).toBe(expectedLine);
          const breaks = rows[index]!.reduce((sum, value) => sum + (value.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
          expectedLine += breaks + 1;
        });
      }),
      { numRuns: 1_000 },
    );
  });
});
