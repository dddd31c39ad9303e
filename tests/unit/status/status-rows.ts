/** Enrollment rows for the status page's tests, as enrollment/list sends them. */
import { STATUS_PRECEDENCE, type EnrollmentRow, type EnrollmentStatus } from '@/utils/enrollment/enrollment-status';

export function row(importerNumber: string, fields: Partial<EnrollmentRow> = {}): EnrollmentRow {
  const statuses = fields.statuses ?? [fields.status ?? 'never-seen'];
  const ordered = STATUS_PRECEDENCE.filter((status) => statuses.includes(status));
  return {
    importerNumber,
    importerName: `Importer ${importerNumber}`,
    profileLabel: `Profile ${importerNumber}`,
    bankName: 'First National Bank',
    routingNumber: '011000015',
    accountLast4: '1234',
    differs: [],
    notes: [],
    ...fields,
    status: ordered[0]!,
    statuses: ordered,
  };
}

/** One row per status, and one carrying three: the page's whole vocabulary. */
export const ROWS: EnrollmentRow[] = [
  row('12-345678900', {
    importerName: 'Acme Imports LLC',
    profileLabel: 'Acme main',
    bankName: 'Wells Fargo Bank',
    accountLast4: '6789',
    statuses: ['mismatch'],
    differs: ['routing'],
    notes: ["CBP's file differs: routing number."],
    lastSeenAt: '2026-02-20T10:00:00.000Z',
  }),
  row('12-345678901', {
    importerName: 'Acme Imports LLC',
    profileLabel: 'Acme west',
    bankName: 'Bank of America',
    accountLast4: '4321',
    statuses: ['verified'],
    lastVerifiedAt: '2026-02-27T09:00:00.000Z',
  }),
  row('23-456789000', {
    importerName: 'Globex Trading',
    profileLabel: 'Globex',
    bankName: 'Citibank',
    accountLast4: '0001',
    statuses: ['never-seen'],
  }),
  row('34-567890100', {
    importerName: 'Initech Apparel',
    profileLabel: 'Initech',
    bankName: 'Summit Bank & Trust',
    accountLast4: '5555',
    statuses: ['reverify', 'directory', 'incomplete'],
    lastVerifiedAt: '2025-06-01T09:00:00.000Z',
    notes: ['Verified 273 days ago, more than 180.', 'The FedACH file says routing number 011000015 was replaced by 011000028.', 'The profile has no account holder name.'],
  }),
  row('45-678901200', {
    importerName: '=HYPERLINK("http://evil.example","x")',
    profileLabel: '+Stark',
    bankName: '@Citizens State Bank',
    accountLast4: '9876',
    statuses: ['entered'],
    notes: ['Filled on 2026-02-28; press Get Info/Refresh on ACE to confirm CBP has it.'],
  }),
  row('56-789012300', {
    importerName: '',
    profileLabel: '',
    bankName: '',
    accountLast4: '',
    routingNumber: '',
    statuses: ['incomplete'],
    notes: ['No saved profile names this importer.'],
  }),
];

export const NOW_ISO = '2026-03-01T12:00:00.000Z';

export function statusesOf(rows: readonly EnrollmentRow[]): EnrollmentStatus[][] {
  return rows.map((one) => one.statuses);
}
