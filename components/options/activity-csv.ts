/**
 * The activity log as a CSV download for the options page. The log never holds account
 * numbers, and every cell is guarded against spreadsheet formula injection, because page titles
 * and labels come from outside.
 */
import { formatCsv } from '@/utils/profile-transfer/csv';
import type { ActivityEntry } from '@/utils/messaging/shapes';

export const ACTIVITY_CSV_COLUMNS = ['time', 'action', 'profile_label', 'importer_number', 'page', 'detail'] as const;

export function activityLogCsv(entries: readonly ActivityEntry[]): string {
  return formatCsv([
    ACTIVITY_CSV_COLUMNS,
    ...entries.map((entry) => [
      entry.at,
      entry.action,
      entry.profileLabel ?? '',
      entry.importerNumber ?? '',
      entry.page ?? '',
      entry.detail ?? '',
    ]),
  ]);
}
