/**
 * An importer's verification history: events kept in time order, the last 20 only, and a repeat
 * of the latest result within its window not kept again.
 */
import { describe, expect, it } from 'vitest';
import {
  appendVerificationEvent,
  ENTRY_REPEAT_MS,
  onFileResult,
  VERIFICATION_HISTORY_LIMIT,
  VERIFICATION_REPEAT_MS,
  verdictFields,
  type VerificationEvent,
} from '@/utils/enrollment/verification-event';

const T0 = Date.parse('2026-12-01T08:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const match = (ms: number, profileId = 'p1'): VerificationEvent => ({ at: at(ms), kind: 'on-file', profileId, fields: { routing: 'match', account: 'match' } });

describe('appendVerificationEvent', () => {
  it('keeps a repeat of the latest on-file result only after its window', () => {
    const one = appendVerificationEvent([], match(0))!;
    expect(appendVerificationEvent(one, match(VERIFICATION_REPEAT_MS - 1))).toBeUndefined();
    expect(appendVerificationEvent(one, match(VERIFICATION_REPEAT_MS))).toHaveLength(2);
    // Another result, another profile or another kind is news at once.
    expect(appendVerificationEvent(one, { ...match(1), fields: { routing: 'mismatch', account: 'match' } })).toHaveLength(2);
    expect(appendVerificationEvent(one, match(1, 'p2'))).toHaveLength(2);
    expect(appendVerificationEvent(one, { at: at(1), kind: 'saved', profileId: 'p1' })).toHaveLength(2);
  });

  it('keeps a second Save of the same values only after the entry window', () => {
    const saved = (ms: number): VerificationEvent => ({ at: at(ms), kind: 'saved', profileId: 'p1', fields: { routing: 'match' } });
    const one = appendVerificationEvent([], saved(0))!;
    expect(appendVerificationEvent(one, saved(ENTRY_REPEAT_MS - 1))).toBeUndefined();
    expect(appendVerificationEvent(one, saved(ENTRY_REPEAT_MS))).toHaveLength(2);
  });

  it('keeps time order and the last VERIFICATION_HISTORY_LIMIT events', () => {
    let history: VerificationEvent[] = [];
    for (let i = 0; i < 30; i++) history = appendVerificationEvent(history, match(i * VERIFICATION_REPEAT_MS))!;
    expect(history).toHaveLength(VERIFICATION_HISTORY_LIMIT);
    expect(history[0]!.at).toBe(at(10 * VERIFICATION_REPEAT_MS));
    // An event from a clock that was behind lands in its place.
    const late = appendVerificationEvent(history, { at: at(15 * VERIFICATION_REPEAT_MS + 1), kind: 'filled', profileId: 'p1' })!;
    expect(late.map((event) => Date.parse(event.at))).toEqual([...late.map((event) => Date.parse(event.at))].sort((a, b) => a - b));
    expect(late.at(-1)!.at).toBe(at(29 * VERIFICATION_REPEAT_MS));
  });
});

describe('results', () => {
  it('an on-file event is a mismatch when any field differs', () => {
    expect(onFileResult(match(0))).toBe('match');
    expect(onFileResult({ ...match(0), fields: { routing: 'match', 'account-type': 'mismatch' } })).toBe('mismatch');
  });

  it('takes each compared field of one source, leaving out what could not be compared', () => {
    expect(
      verdictFields(
        [
          { kind: 'routing', source: 'on-file', result: 'match' },
          { kind: 'account', source: 'on-file', result: 'unknown' },
          { kind: 'account-type', source: 'on-file', result: 'mismatch' },
          { kind: 'routing', source: 'form', result: 'mismatch' },
        ],
        'on-file',
      ),
    ).toEqual({ routing: 'match', 'account-type': 'mismatch' });
  });
});
