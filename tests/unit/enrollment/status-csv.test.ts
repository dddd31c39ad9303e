import { describe, expect, it } from 'vitest';
import { ENROLLMENT_CSV_COLUMNS, enrollmentCsv } from '@/utils/enrollment/status-csv';
import { prepareRows, viewRows } from '@/utils/enrollment/status-view';
import { parseCsv, unguardFormulaCell } from '@/utils/profile-transfer/csv';
import { ROWS, row } from '../status/status-rows';

function cells(text: string): string[][] {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.rows.filter((one) => one.cells.join('') !== '').map((one) => one.cells);
}

describe('enrollment CSV', () => {
  it('writes the header and one line per row of the current view, in its order', () => {
    const shown = viewRows(prepareRows(ROWS), { statuses: new Set(['verified', 'mismatch']), search: 'acme', sort: { column: 'status', direction: 'descending' } });
    const [header, ...lines] = cells(enrollmentCsv(shown));
    expect(header).toEqual([...ENROLLMENT_CSV_COLUMNS]);
    expect(lines).toEqual([
      ['12-345678901', 'Acme Imports LLC', 'Acme west', 'Bank of America', '011000015', '4321', 'Verified', 'Verified', '2026-02-27', ''],
      ['12-345678900', 'Acme Imports LLC', 'Acme main', 'Wells Fargo Bank', '011000015', '6789', 'Mismatch', 'Mismatch', '', "CBP's file differs: routing number."],
    ]);
  });

  it('lists every status a row carries and all its notes', () => {
    const [, line] = cells(enrollmentCsv([ROWS[3]!]));
    expect(line![6]).toBe('Directory warning');
    expect(line![7]).toBe('Directory warning; Profile incomplete; Re-verify');
    expect(line![8]).toBe('2025-06-01');
    expect(line![9]).toBe(ROWS[3]!.notes.join(' '));
  });

  it('never writes more than the last 4 digits of an account', () => {
    const leaky = row('67-890123400', { accountLast4: '123456789012' });
    const text = enrollmentCsv([leaky]);
    expect(cells(text)[1]![5]).toBe('9012');
    expect(text).not.toContain('12345678');
  });

  it('guards cells a spreadsheet would run as formulas', () => {
    const text = enrollmentCsv([ROWS[4]!]);
    const line = cells(text)[1]!;
    expect(line[1]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(line[2]).toBe("'+Stark");
    expect(line[3]).toBe("'@Citizens State Bank");
    for (const cell of line) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(unguardFormulaCell(line[1]!)).toBe(ROWS[4]!.importerName);
  });

  it('names the fields that differed when no note does', () => {
    const changed = row('78-901234500', { statuses: ['reverify'], differs: ['account', 'account-type'], notes: ['The profile changed after CBP\'s file differed on 2026-01-02; check it again.'] });
    expect(cells(enrollmentCsv([changed]))[1]![9]).toBe(
      "The profile changed after CBP's file differed on 2026-01-02; check it again. CBP's file differed: account number, account type.",
    );
  });
});
