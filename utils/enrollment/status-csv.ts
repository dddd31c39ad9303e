/**
 * The status page's "Export CSV": the rows of the current view (after chips, search and sort), in
 * that order. An account shows its last 4 digits at most; every cell goes through the project's
 * CSV writer, which guards against spreadsheet formula injection (names and labels come from
 * outside).
 */
import { formatCsv } from '@/utils/profile-transfer/csv';
import { STATUS_LABELS, type EnrollmentRow } from './enrollment-status';
import { isoDay, rowDetails } from './status-details';

export const ENROLLMENT_CSV_COLUMNS = [
  'Importer number',
  'Importer name',
  'Profile',
  'Bank',
  'Routing number',
  'Account last 4',
  'Status',
  'All statuses',
  'Last verified',
  'Details',
] as const;

export function enrollmentCsv(rows: readonly EnrollmentRow[]): string {
  return formatCsv([
    ENROLLMENT_CSV_COLUMNS,
    ...rows.map((row) => [
      row.importerNumber,
      row.importerName,
      row.profileLabel,
      row.bankName,
      row.routingNumber,
      row.accountLast4.slice(-4),
      STATUS_LABELS[row.status],
      row.statuses.map((status) => STATUS_LABELS[status]).join('; '),
      isoDay(row.lastVerifiedAt),
      rowDetails(row).join(' '),
    ]),
  ]);
}

