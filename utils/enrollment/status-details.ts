/**
 * How the status page and its CSV word a row's cells: the Details text, the masked account, the
 * last verification as a date and an age. Pure, shared by the table, the CSV and the print view.
 */
import { differWords, type EnrollmentRow } from './enrollment-status';

const DAY_MS = 86_400_000;

/** The row's notes, and the fields CBP's file showed differently where no note names them. */
export function rowDetails(row: EnrollmentRow): string[] {
  if (row.differs.length === 0 || row.statuses.includes('mismatch')) return row.notes;
  return [...row.notes, `CBP's file differed: ${differWords(row.differs)}.`];
}

/** "••••1234": the last 4 digits only (never more, whatever the row holds); "—" when none. */
export function maskedAccount(last4: string): string {
  const digits = last4.slice(-4);
  return digits ? `••••${digits}` : '—';
}

/** YYYY-MM-DD of an ISO time, as the rules write days (UTC); "" when none. */
export function isoDay(iso: string | undefined): string {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : '';
}

/** Whole days from `iso` to `now` (ms), never below 0. */
export function daysSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / DAY_MS));
}

/** "today", "1 day ago", "12 days ago". */
export function daysAgoText(days: number): string {
  if (days === 0) return 'today';
  return days === 1 ? '1 day ago' : `${days.toLocaleString('en-US')} days ago`;
}
