/**
 * The status page's view of the enrollment rows: which rows the chips and the search box leave,
 * in the order the sorted column asks for. Pure and built for 5,000 rows and more: everything a
 * keystroke needs (one lower-case search text per row, one order per column) is worked out once,
 * so that a filter or a keystroke is one pass over the rows in an order already known.
 */
import { STATUS_PRECEDENCE, type EnrollmentRow, type EnrollmentStatus } from './enrollment-status';
import { rowDetails } from './status-details';

export const STATUS_COLUMNS = ['importer', 'number', 'profile', 'bank', 'account', 'status', 'lastVerified', 'details'] as const;
export type StatusColumn = (typeof STATUS_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface StatusSort {
  readonly column: StatusColumn;
  readonly direction: SortDirection;
}

/** The rules' own order (importer number), as the background sends the rows. */
export const DEFAULT_SORT: StatusSort = { column: 'number', direction: 'ascending' };

export interface StatusViewQuery {
  /** Rows carrying any of these statuses; empty: every row ("All"). */
  readonly statuses: ReadonlySet<EnrollmentStatus>;
  /** What was typed in the search box. */
  readonly search: string;
  readonly sort: StatusSort;
}

export interface PreparedRows {
  readonly rows: readonly EnrollmentRow[];
  /** Each row's statuses as a bit set (bit i: ENROLLMENT_STATUSES[i]), for the chip test. */
  readonly statusBits: Uint8Array;
  /**
   * Each row's search text: name, importer number with and without separators, profile, bank;
   * made at the first search (see searchTexts), so that the first render does not wait for it.
   */
  searchText?: readonly string[];
  /** Rows per status, a row under every status it carries (the chips' counts). */
  readonly counts: Readonly<Record<EnrollmentStatus, number>>;
  /** Row indexes in each column's ascending order, worked out on first use. */
  readonly orders: Map<StatusColumn, Uint32Array>;
}

const STATUS_BIT = new Map<EnrollmentStatus, number>(STATUS_PRECEDENCE.map((status, i) => [status, 1 << i]));
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Letters and digits only: "12-345678900" and "12345678900" are the same importer number. */
export function compactNumber(text: string): string {
  return text.toLowerCase().replace(/[^0-9a-z]/g, '');
}

function searchTextOf(row: EnrollmentRow): string {
  // A separator no one types keeps one field's end and the next one's start from matching together.
  return [row.importerName, row.importerNumber, compactNumber(row.importerNumber), row.profileLabel, row.bankName].join('\u0001').toLowerCase();
}

/** Everything a keystroke needs, worked out once per answer from the background. */
export function prepareRows(rows: readonly EnrollmentRow[]): PreparedRows {
  const statusBits = new Uint8Array(rows.length);
  const perStatus = new Uint32Array(STATUS_PRECEDENCE.length);
  for (let i = 0; i < rows.length; i++) {
    let bits = 0;
    for (const status of rows[i]!.statuses) bits |= STATUS_BIT.get(status) ?? 0;
    statusBits[i] = bits;
    for (let s = 0; s < perStatus.length; s++) if (bits & (1 << s)) perStatus[s]!++;
  }
  // statusCounts' rule (a row under every status it carries), from the bits just made.
  const counts = Object.fromEntries(STATUS_PRECEDENCE.map((status, s) => [status, perStatus[s]!])) as Record<EnrollmentStatus, number>;
  return { rows, statusBits, counts, orders: new Map() };
}

/** The rows' search texts, made once. */
export function searchTexts(prepared: PreparedRows): readonly string[] {
  prepared.searchText ??= prepared.rows.map(searchTextOf);
  return prepared.searchText;
}

function lastVerifiedTime(row: EnrollmentRow): number {
  // Never verified sorts first going up: the oldest look of all.
  const time = row.lastVerifiedAt ? Date.parse(row.lastVerifiedAt) : Number.NaN;
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

const RANK = new Map<EnrollmentStatus, number>(STATUS_PRECEDENCE.map((status, i) => [status, i]));

/** The value a column sorts by: text (collated) or a number. */
function sortKey(column: StatusColumn, row: EnrollmentRow): string | number {
  switch (column) {
    case 'importer':
      return row.importerName;
    case 'number':
      return row.importerNumber;
    case 'profile':
      return row.profileLabel;
    case 'bank':
      return row.bankName;
    case 'account':
      return row.accountLast4;
    case 'status':
      return RANK.get(row.status) ?? STATUS_PRECEDENCE.length;
    case 'lastVerified':
      return lastVerifiedTime(row);
    case 'details':
      return rowDetails(row).join(' ');
  }
}

/** Codes, numbers and digits compare as they are; names as people read them ("Acme 9" < "Acme 10"). */
const PLAIN_COLUMNS: ReadonlySet<StatusColumn> = new Set(['number', 'account', 'status', 'lastVerified']);

function plainCompare(a: string | number, b: string | number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Row indexes in the column's ascending order; ties keep importer-number order. */
export function columnOrder(prepared: PreparedRows, column: StatusColumn): Uint32Array {
  const known = prepared.orders.get(column);
  if (known) return known;
  const keys = prepared.rows.map((row) => sortKey(column, row));
  const numbers = prepared.rows.map((row) => row.importerNumber);
  const compareKeys = PLAIN_COLUMNS.has(column) ? plainCompare : (a: string | number, b: string | number) => collator.compare(String(a), String(b));
  const compare = (a: number, b: number) => compareKeys(keys[a]!, keys[b]!) || plainCompare(numbers[a]!, numbers[b]!) || a - b;
  const indexes = Array.from(prepared.rows, (_, i) => i);
  // The background sends the rows in importer-number order: no sort needed then.
  let sorted = true;
  for (let i = 1; i < indexes.length && sorted; i++) sorted = compare(i - 1, i) < 0;
  if (!sorted) indexes.sort(compare);
  const order = Uint32Array.from(indexes);
  prepared.orders.set(column, order);
  return order;
}

/** The search box's words: every one must be found in the row (any field). */
export function searchTerms(search: string): { text: string; compact: string }[] {
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((text) => ({ text, compact: /^[0-9a-z-]+$/.test(text) && /\d/.test(text) ? compactNumber(text) : '' }));
}

function matchesTerms(searchText: string, terms: readonly { text: string; compact: string }[]): boolean {
  for (const term of terms) {
    // "12345678900" finds "12-345678900" through the compact copy; "12-3456789" finds it too.
    if (!searchText.includes(term.text) && !(term.compact && searchText.includes(term.compact))) return false;
  }
  return true;
}

/** The rows the chips and the search leave, in the sort's order. */
export function viewRows(prepared: PreparedRows, query: StatusViewQuery): EnrollmentRow[] {
  let wanted = 0;
  for (const status of query.statuses) wanted |= STATUS_BIT.get(status) ?? 0;
  const terms = searchTerms(query.search);
  const texts = terms.length > 0 ? searchTexts(prepared) : [];
  const order = columnOrder(prepared, query.sort.column);
  const out: EnrollmentRow[] = [];
  const count = order.length;
  const descending = query.sort.direction === 'descending';
  for (let n = 0; n < count; n++) {
    const i = order[descending ? count - 1 - n : n]!;
    if (wanted !== 0 && (prepared.statusBits[i]! & wanted) === 0) continue;
    if (terms.length > 0 && !matchesTerms(texts[i]!, terms)) continue;
    out.push(prepared.rows[i]!);
  }
  return out;
}
