/**
 * A history's digest gives the same status row as the whole history, for any history: the
 * status page reads digests only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enrollmentRows, type EnrollmentProfile } from '@/utils/enrollment/enrollment-status';
import { digestHistory } from '@/utils/enrollment/history-digest';
import { VERIFICATION_HISTORY_LIMIT, type VerificationEvent } from '@/utils/enrollment/verification-event';

const NOW = Date.parse('2026-12-07T12:00:00.000Z');
const profile = (id: string, routingNumber: string): EnrollmentProfile => ({
  id,
  label: `Label ${id}`,
  importerName: 'Acme Imports LLC',
  importerNumbers: ['12-345678900'],
  bankName: 'Bank',
  routingNumber,
  accountLast4: '6789',
  accountType: 'checking',
  accountHolderName: 'Acme Imports LLC',
});
const PROFILES = [profile('p1', '021000021'), profile('p2', '026009593')];

const result = fc.constantFrom('match' as const, 'mismatch' as const);
const eventArbitrary: fc.Arbitrary<Omit<VerificationEvent, 'at'>> = fc.record(
  {
    kind: fc.constantFrom('on-file' as const, 'filled' as const, 'saved' as const),
    profileId: fc.constantFrom('p1', 'p2', 'gone'),
    profileLabel: fc.constantFrom('Label p1', 'Label p2', 'Old label'),
    fields: fc.record({ routing: result, account: result }, { requiredKeys: [] }),
    profile: fc.record({ routingNumber: fc.constantFrom('021000021', '026009593'), accountLast4: fc.constant('6789'), accountType: fc.constant('checking' as const) }),
  },
  { requiredKeys: ['kind'] },
);
const historyArbitrary = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 400 }), eventArbitrary), { maxLength: VERIFICATION_HISTORY_LIMIT })
  .map((items) =>
    items
      .map(([daysAgo, event]) => ({ ...event, at: new Date(NOW - daysAgo * 86_400_000).toISOString() }))
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
  );

const rowsOf = (history: readonly VerificationEvent[], profiles: readonly EnrollmentProfile[]) =>
  enrollmentRows({ profiles, histories: new Map([['12-345678900', history]]), now: NOW, reverifyDays: 180 });

describe('digestHistory', () => {
  it('gives the same row as the whole history, with any of the profiles still saved', () => {
    fc.assert(
      fc.property(historyArbitrary, fc.subarray(PROFILES), (history, profiles) => {
        expect(rowsOf(digestHistory(history), profiles)).toEqual(rowsOf(history, profiles));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a few events of twenty', () => {
    const history: VerificationEvent[] = Array.from({ length: 20 }, (_, i) => ({
      at: new Date(NOW - (20 - i) * 86_400_000).toISOString(),
      kind: 'on-file',
      profileId: 'p1',
      profileLabel: 'Label p1',
      fields: { routing: i % 2 ? 'match' : 'mismatch' },
    }));
    expect(digestHistory(history).map((event) => event.at)).toEqual([history[19]!.at]);
    expect(digestHistory(history.slice(0, 19))).toHaveLength(2);
    expect(digestHistory([])).toEqual([]);
  });
});
