/**
 * The status page reads enrollment/list's answer with a plain matcher, not zod (too slow for
 * 5,000 rows in an extension page): it must accept exactly what the protocol's response schema
 * accepts, whatever the background sends.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEnrollmentList } from '@/utils/messaging/enrollment-list-reader';
import { ENROLLMENT_ROW_SHAPE } from '@/utils/messaging/enrollment-row-shape';
import { PROTOCOL } from '@/utils/messaging/protocol';
import { matchesShape } from '@/utils/messaging/reply-shapes';
import { sendRequest } from '@/utils/messaging/send-request';
import { enrollmentRowSchema } from '@/utils/messaging/shapes';
import { valuesOf, variants } from '../../support/shape-samples';


const ROW = {
  importerNumber: '12-345678900',
  importerName: 'Acme Imports LLC',
  profileId: 'p1',
  profileLabel: 'Acme main',
  bankName: 'Wells Fargo Bank',
  routingNumber: '121000248',
  accountLast4: '6789',
  status: 'mismatch',
  statuses: ['mismatch', 'directory'],
  lastVerifiedAt: '2026-01-02T03:04:05.000Z',
  lastSeenAt: '2026-02-02T03:04:05.000Z',
  differs: ['routing', 'account-type'],
  notes: ["CBP's file differs: routing number, account type."],
};

const DIRECTORY = { recordCount: 18_000, importedAt: '2026-01-01T00:00:00.000Z', sourceName: 'FedACHdir.txt', newestChangeDate: '2025-12-01' };
const LIST = { rows: [ROW, { ...ROW, importerNumber: '12-345678901', profileId: undefined }], now: '2026-03-01T12:00:00.000Z', reverifyDays: 180, directory: DIRECTORY };

const schema = PROTOCOL['enrollment/list'].response;

describe('enrollment/list read without zod', () => {
  it('accepts a row exactly when enrollmentRowSchema does', () => {
    expect(matchesShape(ENROLLMENT_ROW_SHAPE, ROW)).toBe(true);
    const samples = variants(ROW);
    expect(samples.filter((sample) => !enrollmentRowSchema.safeParse(sample).success).length).toBeGreaterThan(100);
    for (const sample of samples) expect(matchesShape(ENROLLMENT_ROW_SHAPE, sample), JSON.stringify(sample)).toBe(enrollmentRowSchema.safeParse(sample).success);
  });

  it('accepts an answer exactly when the response schema does', () => {
    expect(isEnrollmentList(LIST)).toBe(true);
    const samples: unknown[] = [...variants(LIST), { ...LIST, directory: null }, { ...LIST, rows: [] }, null, [], 'x'];
    for (const row of variants(ROW)) samples.push({ ...LIST, rows: [ROW, row] });
    for (const directory of variants(DIRECTORY)) samples.push({ ...LIST, directory });
    for (const sample of samples) expect(isEnrollmentList(sample), JSON.stringify(sample)).toBe(schema.safeParse(sample).success);
  });

  it('agrees with the schemas on any row', () => {
    fc.assert(
      fc.property(valuesOf(ENROLLMENT_ROW_SHAPE), (row) => {
        expect(matchesShape(ENROLLMENT_ROW_SHAPE, row)).toBe(enrollmentRowSchema.safeParse(row).success);
        const list = { ...LIST, rows: [row] };
        expect(isEnrollmentList(list)).toBe(schema.safeParse(list).success);
      }),
      { numRuns: 5_000 },
    );
  });

  it('is what sendRequest reads enrollment/list with: good answers pass, a bad row is refused', async () => {
    await expect(sendRequest(async () => ({ ok: true, data: LIST }), 'enrollment/list', {})).resolves.toEqual(LIST);
    const bad = { ...LIST, rows: [ROW, { ...ROW, statuses: ['lost'] }] };
    await expect(sendRequest(async () => ({ ok: true, data: bad }), 'enrollment/list', {})).rejects.toMatchObject({ code: 'internal' });
    await expect(
      sendRequest(async () => ({ ok: false, error: { code: 'locked', message: 'The vault is locked.' } }), 'enrollment/list', {}),
    ).rejects.toMatchObject({ code: 'locked' });
  });
});
