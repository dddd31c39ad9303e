/**
 * CSV for the profile and activity-log exports and the profile import: an RFC 4180 reader
 * (quoted cells, doubled quotes, CRLF/LF/CR line ends, a leading byte-order mark) that reports
 * the physical line each row starts on, even when a quoted cell spans several lines, and a
 * writer that guards against spreadsheet formula injection.
 *
 * Hand-written rather than a library because none is installed and the import screen needs the
 * exact starting line of every row, which general-purpose readers either do not report or count
 * wrongly after a quoted newline; the whole reader is one small loop.
 */

export interface CsvRow {
  /** 1-based physical line of the file where the row starts. */
  readonly line: number;
  readonly cells: string[];
  /** Set when the row breaks the quoting rules; its cells are then not to be trusted. */
  readonly problem?: string;
}

export type CsvParse =
  | { readonly ok: true; readonly rows: CsvRow[] }
  | { readonly ok: false; readonly line: number; readonly reason: string };

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

const TEXT_AFTER_QUOTE =
  'A quoted cell has text after its closing quote; put the whole cell in quotes and double any quote inside it ("").';

/**
 * Reads the whole text into rows. Blank lines come back as rows with one empty cell, so the
 * caller decides whether they matter. Fails as a whole only when a quoted cell is never closed,
 * because then every later row is swallowed into it.
 */
export function parseCsv(text: string): CsvParse {
  const rows: CsvRow[] = [];
  const length = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  while (i < length) {
    const rowLine = line;
    const cells: string[] = [];
    let problem: string | undefined;
    for (;;) {
      let cell: string;
      if (text.charCodeAt(i) === QUOTE) {
        const openedOn = line;
        i++;
        cell = '';
        let from = i;
        let closed = false;
        while (i < length) {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              cell += text.slice(from, i + 1);
              i += 2;
              from = i;
              continue;
            }
            cell += text.slice(from, i);
            i++;
            closed = true;
            break;
          }
          // CRLF counts once, at its LF.
          if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
          i++;
        }
        if (!closed) {
          return {
            ok: false,
            line: openedOn,
            reason:
              `Line ${openedOn}: a quoted cell is never closed, so the rest of the file cannot be read. ` +
              'Check for a missing closing quote (").',
          };
        }
        const rest = i;
        while (i < length && !isCellEnd(text.charCodeAt(i))) i++;
        if (i > rest) {
          problem ??= TEXT_AFTER_QUOTE;
          cell += text.slice(rest, i);
        }
      } else {
        const from = i;
        while (i < length && !isCellEnd(text.charCodeAt(i))) i++;
        cell = text.slice(from, i);
      }
      cells.push(cell);
      if (i < length && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      if (i < length) {
        if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i++;
        i++;
        line++;
      }
      break;
    }
    rows.push(problem === undefined ? { line: rowLine, cells } : { line: rowLine, cells, problem });
  }
  return { ok: true, rows };
}

function isCellEnd(c: number): boolean {
  return c === COMMA || c === LF || c === CR;
}

/** True for a row with no content at all (a blank line, or only commas and blanks). */
export function isBlankRow(row: CsvRow): boolean {
  return row.cells.every((cell) => cell.trim().length === 0);
}

/**
 * Cells a spreadsheet would run as a formula start with one of these (OWASP's list). A cell
 * already starting with apostrophes before one of them is guarded too, so unguarding is exact.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/** Prefixes an apostrophe to a cell a spreadsheet would otherwise evaluate. */
export function guardFormulaCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes guardFormulaCell: the exact inverse for every string. */
export function unguardFormulaCell(value: string): string {
  return GUARDED.test(value) ? value.slice(1) : value;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function formatCell(value: string): string {
  const guarded = guardFormulaCell(value);
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/**
 * Writes rows as CSV with CRLF line ends (RFC 4180) and a byte-order mark so spreadsheets read
 * the text as UTF-8. Every cell is guarded against formula injection.
 */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return '\ufeff' + rows.map((row) => row.map(formatCell).join(',') + '\r\n').join('');
}
