/**
 * Reads a profiles CSV (see csv-columns.ts): the header row is checked as a whole, then every
 * row is checked on its own with the bank core, and reported by the physical line it starts on.
 */
import { ACCOUNT_TYPES, accountTypeFromText } from '@/utils/bank/account-type';
import { joinWords } from '@/utils/bank/messages';
import { BANK_PROFILE_SCHEMA_VERSION } from '@/utils/bank/profile-schema';
import { isBlankRow, parseCsv, unguardFormulaCell } from '@/utils/profile-transfer/csv';
import type { CsvRow } from '@/utils/profile-transfer/csv';
import {
  IMPORTER_NUMBER_SEPARATOR,
  PROFILE_CSV_COLUMN_NAMES,
  REQUIRED_PROFILE_CSV_COLUMNS,
  normaliseColumnName,
} from './csv-columns';
import type { ProfileCsvColumnName } from './csv-columns';
import { checkImportedProfile, DuplicateGuard, withDefaultTimestamps } from './profile-check';
import { importRows, runToEnd, type ProfileImportRun } from './import-run';
import type { ProfileImportParse } from './types';

type Header = ReadonlyMap<ProfileCsvColumnName, number>;

const quoteList = (names: readonly string[]): string => joinWords(names.map((name) => `"${name}"`));

function readHeader(row: CsvRow): { ok: true; header: Header; width: number } | { ok: false; reason: string } {
  const cells = row.cells.map((cell) => unguardFormulaCell(cell));
  if (cells.length === 1 && cells[0]!.includes(';')) {
    return {
      ok: false,
      reason: 'The header row is separated by semicolons; save the file as comma-separated CSV (CSV UTF-8) and try again.',
    };
  }
  if (row.problem) return { ok: false, reason: `Line ${row.line} (header row): ${row.problem}` };
  const header = new Map<ProfileCsvColumnName, number>();
  const unknown: string[] = [];
  for (const [index, cell] of cells.entries()) {
    const name = normaliseColumnName(cell);
    if (name.length === 0) {
      return { ok: false, reason: `Column ${index + 1} of the header row has no name; name it or remove the column.` };
    }
    if (!(PROFILE_CSV_COLUMN_NAMES as readonly string[]).includes(name)) {
      unknown.push(cell.trim());
      continue;
    }
    if (header.has(name as ProfileCsvColumnName)) return { ok: false, reason: `The header row names the column "${name}" twice.` };
    header.set(name as ProfileCsvColumnName, index);
  }
  if (unknown.length > 0) {
    return {
      ok: false,
      reason:
        `The header row has ${unknown.length === 1 ? 'a column' : 'columns'} this extension does not know: ${quoteList(unknown)}. ` +
        `Check the spelling; the columns are ${quoteList(PROFILE_CSV_COLUMN_NAMES)}.`,
    };
  }
  const missing = REQUIRED_PROFILE_CSV_COLUMNS.filter((name) => !header.has(name));
  if (missing.length > 0) {
    return {
      ok: false,
      reason:
        `The header row lacks the required ${missing.length === 1 ? 'column' : 'columns'} ${quoteList(missing)}. ` +
        `Every file needs ${quoteList(REQUIRED_PROFILE_CSV_COLUMNS)}.`,
    };
  }
  return { ok: true, header, width: cells.length };
}

/** "Checking", "01", "01 - Checking"... to the stored word; unreadable text goes on for the bank core to refuse. */
function accountType(cell: string): string | undefined {
  const trimmed = cell.trim();
  if (trimmed.length === 0) return undefined;
  const lower = trimmed.toLowerCase();
  if ((ACCOUNT_TYPES as readonly string[]).includes(lower)) return lower;
  return accountTypeFromText(trimmed) ?? trimmed;
}

/** The row as the bank core's profile input: empty optional cells are left out. */
function profileInput(read: (name: ProfileCsvColumnName) => string): Record<string, unknown> {
  const present = (name: ProfileCsvColumnName): string | undefined => {
    const value = read(name);
    return value.trim().length === 0 ? undefined : value;
  };
  const input: Record<string, unknown> = {
    schemaVersion: BANK_PROFILE_SCHEMA_VERSION,
    label: read('label'),
    importerName: read('importer_name'),
    importerNumbers: read('importer_numbers')
      .split(IMPORTER_NUMBER_SEPARATOR)
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
    bankName: read('bank_name'),
    routingNumber: read('routing_number'),
    accountNumber: read('account_number'),
    accountType: accountType(read('account_type')),
    accountHolderName: read('account_holder_name'),
  };
  const agentName = present('agent_name');
  const agentNumber = present('agent_number');
  if (agentName !== undefined || agentNumber !== undefined) {
    input.designatedAgent = { name: agentName ?? '', number: agentNumber ?? '' };
  }
  const optional: [ProfileCsvColumnName, string][] = [
    ['notes', 'notes'],
    ['created_at', 'createdAt'],
    ['updated_at', 'updatedAt'],
    ['last_verified_at', 'lastVerifiedAt'],
  ];
  for (const [column, key] of optional) {
    const value = present(column);
    if (value !== undefined) input[key] = column === 'notes' ? value : value.trim();
  }
  return input;
}

/** The file checked as a whole (quoting, header); its rows then one batch at a time. */
export function startProfilesCsv(text: string, now: string): ProfileImportRun {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const rows = parsed.rows.filter((row) => !isBlankRow(row));
  const [headerRow, ...dataRows] = rows;
  if (!headerRow) return { ok: false, reason: 'The file is empty.' };
  const read = readHeader(headerRow);
  if (!read.ok) return { ok: false, reason: read.reason };
  if (dataRows.length === 0) return { ok: false, reason: 'The file has a header row but no profiles.' };

  const duplicates = new DuplicateGuard();
  return {
    ok: true,
    rows: importRows(dataRows.length, (index, { candidates, rejected }) => {
      const row = dataRows[index]!;
      if (row.problem) {
        rejected.push({ line: row.line, reasons: [row.problem] });
        return;
      }
      if (row.cells.length > read.width) {
        rejected.push({
          line: row.line,
          reasons: [
            `This row has ${row.cells.length} cells but the header has ${read.width}; ` +
              'a cell holding a comma must be put in quotes.',
          ],
        });
        return;
      }
      const cell = (name: ProfileCsvColumnName): string => {
        const column = read.header.get(name);
        return column === undefined ? '' : unguardFormulaCell(row.cells[column] ?? '');
      };
      const checked = checkImportedProfile(withDefaultTimestamps(profileInput(cell), now));
      if (!checked.ok) {
        rejected.push({ line: row.line, reasons: checked.reasons });
        return;
      }
      const id = cell('id').trim() || undefined;
      const duplicate = duplicates.check(row.line, id, checked.profile.label);
      if (duplicate) {
        rejected.push({ line: row.line, reasons: [duplicate] });
        return;
      }
      candidates.push(id === undefined ? { line: row.line, profile: checked.profile } : { line: row.line, id, profile: checked.profile });
    }),
  };
}

export function parseProfilesCsv(text: string, now: string): ProfileImportParse {
  return runToEnd(startProfilesCsv(text, now));
}
