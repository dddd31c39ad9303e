/**
 * A row of the status page (enrollment/enrollment-status.ts EnrollmentRow), described once: the
 * protocol's zod schema is built from it (shapes.ts) and the status page checks its big answer
 * against it with the plain matcher (enrollment-list-reader.ts). No account number beyond its last 4.
 */
import { ENROLLMENT_STATUSES } from '@/utils/enrollment/enrollment-status';
import { arrayOf, fields, oneOf, optional } from './reply-shapes';

const STATUS = oneOf(...ENROLLMENT_STATUSES);

export const ENROLLMENT_ROW_SHAPE = fields({
  importerNumber: 'string',
  importerName: 'string',
  profileId: optional('string'),
  profileLabel: 'string',
  bankName: 'string',
  routingNumber: 'string',
  accountLast4: 'string',
  status: STATUS,
  statuses: arrayOf(STATUS),
  lastVerifiedAt: optional('string'),
  lastSeenAt: optional('string'),
  differs: arrayOf(oneOf('routing', 'account', 'account-type')),
  notes: arrayOf('string'),
});
