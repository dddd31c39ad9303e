/**
 * The line printed above the table (hidden on screen; the print stylesheet shows it): the day,
 * how many importers the printed view holds and how many carry each status, and the FedACH file
 * the directory warnings came from.
 */
import { useMemo } from 'preact/hooks';
import { ENROLLMENT_STATUSES, STATUS_LABELS, statusCounts, type EnrollmentRow } from '@/utils/enrollment/enrollment-status';
import type { DirectoryStatus } from '@/utils/messaging/shapes';

const numberFormat = new Intl.NumberFormat('en-US');

export function printSummaryText(rows: readonly EnrollmentRow[], day: string, directory: DirectoryStatus | null): string {
  const counts = statusCounts(rows);
  const parts = ENROLLMENT_STATUSES.filter((status) => counts[status] > 0).map((status) => `${STATUS_LABELS[status]} ${numberFormat.format(counts[status])}`);
  const importers = `${numberFormat.format(rows.length)} ${rows.length === 1 ? 'importer' : 'importers'}`;
  const file = directory ? ` FedACH file: ${directory.sourceName}.` : ' No FedACH file imported.';
  return `Enrollment status on ${day}: ${importers}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}.${file}`;
}

export function PrintSummary({ rows, day, directory }: { rows: readonly EnrollmentRow[]; day: string; directory: DirectoryStatus | null }) {
  const text = useMemo(() => printSummaryText(rows, day, directory), [rows, day, directory]);
  return <p class="print-summary">{text}</p>;
}
