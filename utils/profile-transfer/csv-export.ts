/** Writes profiles as CSV with the columns of csv-columns.ts, every cell guarded against formulas. */
import { formatCsv } from '@/utils/profile-transfer/csv';
import { IMPORTER_NUMBER_SEPARATOR, PROFILE_CSV_COLUMN_NAMES } from './csv-columns';
import type { ProfileCsvColumnName } from './csv-columns';
import type { ExportableProfile } from './types';

function row(profile: ExportableProfile): string[] {
  const cells: Record<ProfileCsvColumnName, string> = {
    label: profile.label,
    importer_name: profile.importerName,
    importer_numbers: profile.importerNumbers.join(IMPORTER_NUMBER_SEPARATOR),
    bank_name: profile.bankName,
    routing_number: profile.routingNumber,
    account_number: profile.accountNumber,
    account_type: profile.accountType,
    account_holder_name: profile.accountHolderName,
    agent_name: profile.designatedAgent?.name ?? '',
    agent_number: profile.designatedAgent?.number ?? '',
    notes: profile.notes ?? '',
    id: profile.id,
    created_at: profile.createdAt,
    updated_at: profile.updatedAt,
    last_verified_at: profile.lastVerifiedAt ?? '',
  };
  return PROFILE_CSV_COLUMN_NAMES.map((name) => cells[name]);
}

export function serializeProfilesCsv(profiles: readonly ExportableProfile[]): string {
  return formatCsv([PROFILE_CSV_COLUMN_NAMES, ...profiles.map(row)]);
}
