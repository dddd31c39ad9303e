import { describe, expect, it } from 'vitest';
import { ENROLLMENT_STATUSES, type EnrollmentStatus } from '@/utils/enrollment/enrollment-status';
import { DEFAULT_SORT, STATUS_COLUMNS, columnOrder, prepareRows, viewRows, type StatusSort } from '@/utils/enrollment/status-view';
import { ROWS, row } from '../status/status-rows';

const prepared = prepareRows(ROWS);
const numbers = (rows: readonly { importerNumber: string }[]) => rows.map((one) => one.importerNumber);
const view = (statuses: EnrollmentStatus[] = [], search = '', sort: StatusSort = DEFAULT_SORT) => viewRows(prepared, { statuses: new Set(statuses), search, sort });

describe('status view: chips', () => {
  it('shows every row, in importer-number order, with no chip pressed', () => {
    expect(numbers(view())).toEqual(numbers(ROWS));
  });

  it('filters by each status: the rows carrying it, as many as its count', () => {
    for (const status of ENROLLMENT_STATUSES) {
      const shown = view([status]);
      expect(shown.length, status).toBe(prepared.counts[status]);
      expect(shown.length, status).toBeGreaterThan(0);
      expect(shown.every((one) => one.statuses.includes(status)), status).toBe(true);
      expect(numbers(shown)).toEqual(numbers(ROWS.filter((one) => one.statuses.includes(status))));
    }
  });

  it('counts a row under every status it carries', () => {
    expect(prepared.counts).toEqual({ mismatch: 1, directory: 1, incomplete: 2, entered: 1, reverify: 1, 'never-seen': 1, verified: 1 });
  });

  it('shows the rows carrying any of several pressed statuses', () => {
    expect(numbers(view(['mismatch', 'verified']))).toEqual(['12-345678900', '12-345678901']);
    expect(numbers(view(['directory', 'incomplete']))).toEqual(['34-567890100', '56-789012300']);
  });
});

describe('status view: search', () => {
  it('finds by importer name, any case', () => {
    expect(numbers(view([], 'acme'))).toEqual(['12-345678900', '12-345678901']);
    expect(numbers(view([], 'GLOBEX trad'))).toEqual(['23-456789000']);
  });

  it('finds by importer number with or without hyphens', () => {
    expect(numbers(view([], '12-345678901'))).toEqual(['12-345678901']);
    expect(numbers(view([], '12345678901'))).toEqual(['12-345678901']);
    expect(numbers(view([], '1234567'))).toEqual(['12-345678900', '12-345678901']);
    expect(numbers(view([], '1234-5678-900'))).toEqual(['12-345678900']);
  });

  it('finds by bank name and profile label', () => {
    expect(numbers(view([], 'wells fargo'))).toEqual(['12-345678900']);
    expect(numbers(view([], 'citi'))).toEqual(['23-456789000', '45-678901200']);
    expect(numbers(view([], 'acme west'))).toEqual(['12-345678901']);
  });

  it('needs every word, and does not match across two fields', () => {
    expect(view([], 'acme citibank')).toEqual([]);
    // "Acme main" ends, the importer number starts: no match over the seam.
    expect(view([], 'llc12')).toEqual([]);
  });

  it('combines with the chips', () => {
    expect(numbers(view(['verified'], 'acme'))).toEqual(['12-345678901']);
    expect(view(['never-seen'], 'acme')).toEqual([]);
  });

  it('does not search the account digits or the notes', () => {
    expect(view([], '5555')).toEqual([]);
    expect(view([], 'routing')).toEqual([]);
  });
});

describe('status view: sort', () => {
  const cases: Record<(typeof STATUS_COLUMNS)[number], string[]> = {
    // Ties (the two Acme rows) keep importer-number order.
    importer: ['56-789012300', '45-678901200', '12-345678900', '12-345678901', '23-456789000', '34-567890100'],
    number: ['12-345678900', '12-345678901', '23-456789000', '34-567890100', '45-678901200', '56-789012300'],
    profile: ['56-789012300', '45-678901200', '12-345678900', '12-345678901', '23-456789000', '34-567890100'],
    bank: ['56-789012300', '45-678901200', '12-345678901', '23-456789000', '34-567890100', '12-345678900'],
    account: ['56-789012300', '23-456789000', '12-345678901', '34-567890100', '12-345678900', '45-678901200'],
    // STATUS_PRECEDENCE: mismatch, directory, incomplete, entered, reverify, never-seen, verified.
    status: ['12-345678900', '34-567890100', '56-789012300', '45-678901200', '23-456789000', '12-345678901'],
    // Never verified first (the oldest of all), then by time.
    lastVerified: ['12-345678900', '23-456789000', '45-678901200', '56-789012300', '34-567890100', '12-345678901'],
    details: ['12-345678901', '23-456789000', '12-345678900', '45-678901200', '56-789012300', '34-567890100'],
  };

  for (const column of STATUS_COLUMNS) {
    it(`sorts by ${column}, both ways`, () => {
      const up = numbers(view([], '', { column, direction: 'ascending' }));
      const down = numbers(view([], '', { column, direction: 'descending' }));
      expect(up).toEqual(cases[column]);
      expect(down).toEqual([...cases[column]].reverse());
    });
  }

  it('sorts the status column by the primary status, not the alphabet', () => {
    const statuses = view([], '', { column: 'status', direction: 'ascending' }).map((one) => one.status);
    expect(statuses).toEqual(['mismatch', 'directory', 'incomplete', 'entered', 'never-seen', 'verified']);
  });

  it('works each column order out once', () => {
    const fresh = prepareRows(ROWS);
    const first = columnOrder(fresh, 'bank');
    expect(columnOrder(fresh, 'bank')).toBe(first);
  });

  it('sorts numbers in text as numbers', () => {
    const rows = prepareRows([row('01-000000000', { importerName: 'Acme 10' }), row('02-000000000', { importerName: 'Acme 9' })]);
    expect(numbers(viewRows(rows, { statuses: new Set(), search: '', sort: { column: 'importer', direction: 'ascending' } }))).toEqual([
      '02-000000000',
      '01-000000000',
    ]);
  });
});
