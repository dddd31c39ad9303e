/**
 * enrollment/list's answer checked without zod. Its 5,000 and more rows through zod/mini took
 * about 40 ms of the status page's first render (bench/enrollment.bench.ts): extension pages'
 * content security policy forbids the compiled checks zod would otherwise use. The rows are
 * checked against their shape instead (enrollment-row-shape.ts, which shapes.ts builds the
 * schema from) with reply-shapes.ts' small matcher, as content scripts do; kept accepting exactly
 * what the response schema accepts by
 * tests/unit/messaging/enrollment-list-reader.test.ts; the few other fields go through zod.
 */
import { ENROLLMENT_ROW_SHAPE } from './enrollment-row-shape';
import { matchesShape } from './reply-shapes';
import { directoryStatusSchema } from './shapes';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `data` is an answer the protocol's enrollment/list response schema accepts. */
export function isEnrollmentList(data: unknown): boolean {
  if (!isObject(data)) return false;
  const { rows, now, reverifyDays, directory } = data;
  if (typeof now !== 'string' || !matchesShape('number', reverifyDays)) return false;
  if (directory !== null && !directoryStatusSchema.safeParse(directory).success) return false;
  return Array.isArray(rows) && rows.every((row) => matchesShape(ENROLLMENT_ROW_SHAPE, row));
}
