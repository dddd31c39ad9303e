/**
 * The columns of the profiles CSV, in the order the export writes them. Import accepts them in
 * any order and any letter case; an unknown column refuses the whole file, so a misspelt header
 * never drops a column's data without a word.
 */

export interface CsvColumn {
  readonly name: string;
  readonly required: boolean;
  /** For the README's column table. */
  readonly description: string;
}

export const PROFILE_CSV_COLUMNS = [
  { name: 'label', required: true, description: 'Profile label, unique in the vault (up to 80 characters).' },
  { name: 'importer_name', required: true, description: "Importer's legal name." },
  { name: 'importer_numbers', required: true, description: 'One or more importer numbers (EIN with suffix, SSN or CBP-assigned), separated by ";".' },
  { name: 'bank_name', required: true, description: 'Bank name.' },
  { name: 'routing_number', required: true, description: 'ACH routing number, 9 digits, kept as text (leading zeros kept).' },
  { name: 'account_number', required: true, description: 'Account number, 4–17 digits, kept as text (leading zeros kept).' },
  { name: 'account_type', required: true, description: 'checking or savings; 01 / 02 (Bank Control Key) and "01 - Checking" are accepted too.' },
  { name: 'account_holder_name', required: true, description: 'Name on the bank account.' },
  { name: 'agent_name', required: false, description: "Designated agent's name (CBP Form 4811)." },
  { name: 'agent_number', required: false, description: "Designated agent's importer number (Form 4811)." },
  { name: 'notes', required: false, description: 'Free text, up to 2,000 characters.' },
  { name: 'id', required: false, description: 'Profile id from an export: matches the same profile on re-import.' },
  { name: 'created_at', required: false, description: 'UTC time, e.g. 2026-02-06T15:04:05.000Z; empty means the import time.' },
  { name: 'updated_at', required: false, description: 'UTC time; empty means the import time.' },
  { name: 'last_verified_at', required: false, description: "UTC time the details were last checked against ACE's; may be empty." },
] as const satisfies readonly CsvColumn[];

export type ProfileCsvColumnName = (typeof PROFILE_CSV_COLUMNS)[number]['name'];

export const PROFILE_CSV_COLUMN_NAMES: readonly ProfileCsvColumnName[] = PROFILE_CSV_COLUMNS.map((column) => column.name);

export const REQUIRED_PROFILE_CSV_COLUMNS: readonly ProfileCsvColumnName[] = PROFILE_CSV_COLUMNS.filter(
  (column) => column.required,
).map((column) => column.name);

/** Header cells compared without case, surrounding blanks, or the difference between "_", "-" and " ". */
export function normaliseColumnName(cell: string): string {
  return cell.trim().toLowerCase().replace(/[\s_-]+/g, '_');
}

/** Several importer numbers share one cell. */
export const IMPORTER_NUMBER_SEPARATOR = ';';
