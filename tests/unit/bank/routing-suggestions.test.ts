import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFedAchIndex } from '../../../utils/bank/fedach-directory';
import { parseFedAchText } from '../../../utils/bank/fedach-text-parser';
import { isAbaChecksumValid } from '../../../utils/bank/routing-number';
import { suggestRoutingNumbers } from '../../../utils/bank/routing-suggestions';
import { sameBankName } from '../../../utils/bank/bank-name-match';
import { anyText, PROPERTY_TIMEOUT, RUNS } from './arbitraries';
import { fedAchText, generateFedAchEntries, makeFedAchEntry, seededRandom } from './fedach-generator';
import type { FedAchEntry } from './fedach-generator';

const random = seededRandom(5);
const entry = (routingNumber: string, overrides: Partial<FedAchEntry> = {}) =>
  makeFedAchEntry(random, { routingNumber, officeCode: 'O', institutionStatusCode: '1', recordTypeCode: '1', ...overrides });
const indexOf = (entries: FedAchEntry[]) => buildFedAchIndex(parseFedAchText(fedAchText(entries)).records);

describe('suggestRoutingNumbers', { timeout: PROPERTY_TIMEOUT }, () => {
  const index = indexOf([
    entry('021000021', { customerName: 'JPMORGAN CHASE BANK' }),
    entry('011000015', { customerName: 'FEDERAL RESERVE BANK' }),
  ]);

  it('suggests the listed number one digit away', () => {
    expect(suggestRoutingNumbers(index, '021000022')).toEqual([
      {
        routingNumber: '021000021',
        record: index.get('021000021'),
        change: 'digit',
        position: 9,
        message: 'Did you mean 021000021 — JPMORGAN CHASE BANK?',
      },
    ]);
  });

  it('suggests the listed number one adjacent swap away, and takes typed separators', () => {
    expect(suggestRoutingNumbers(index, '201-000-021')).toMatchObject([{ routingNumber: '021000021', change: 'swap', position: 1 }]);
  });

  it('suggests for a valid number that is not listed, and nothing for a listed one', () => {
    expect(isAbaChecksumValid('011000028')).toBe(true);
    expect(suggestRoutingNumbers(index, '011000028').map((s) => s.routingNumber)).toEqual([]);
    expect(suggestRoutingNumbers(index, '021000021')).toEqual([]);
  });

  it('suggests nothing for entries that are not 9 digits or hold other characters', () => {
    expect(suggestRoutingNumbers(index, '02100002')).toEqual([]);
    expect(suggestRoutingNumbers(index, '02100002O')).toEqual([]);
  });

  it('ranks valid checksum, then active (not replaced), then government entries, then main office; at most 3', () => {
    const typed = '021000022'; // fails the checksum; 021000021 is the only valid number one digit away
    const oneDigitAway: string[] = [];
    for (let at = 0; at < 9; at++) {
      for (const digit of '0123456789') {
        if (digit !== typed[at]) oneDigitAway.push(typed.slice(0, at) + digit + typed.slice(at + 1));
      }
    }
    const invalid = oneDigitAway.filter((n) => !isAbaChecksumValid(n) && n.startsWith('02')).slice(0, 4);
    expect(invalid).toHaveLength(4);
    const ranked = indexOf([
      entry(invalid[0]!, { recordTypeCode: '2', newRoutingNumber: '011000015', customerName: 'REPLACED' }),
      entry(invalid[1]!, { institutionStatusCode: '2', customerName: 'NO GOVERNMENT' }),
      entry(invalid[2]!, { officeCode: 'B', customerName: 'BRANCH' }),
      entry(invalid[3]!, { customerName: 'ACTIVE MAIN OFFICE' }),
      entry('021000021', { officeCode: 'B', institutionStatusCode: '2', recordTypeCode: '2', newRoutingNumber: '011000015', customerName: 'VALID CHECKSUM' }),
    ]);
    expect(suggestRoutingNumbers(ranked, typed, 10).map((s) => s.record.name)).toEqual([
      'VALID CHECKSUM',
      'ACTIVE MAIN OFFICE',
      'BRANCH',
      'NO GOVERNMENT',
      'REPLACED',
    ]);
    expect(suggestRoutingNumbers(ranked, typed).map((s) => s.record.name)).toEqual(['VALID CHECKSUM', 'ACTIVE MAIN OFFICE', 'BRANCH']);
  });
  it("puts the candidate of the user's bank first when candidates tie, and never above a better-ranked one", () => {
    // 021000021 and 021000089 are both one digit from 021000029, and rank the same.
    const tied = indexOf([
      entry('021000021', { customerName: 'JPMORGAN CHASE BANK, NA' }),
      entry('021000089', { customerName: 'WELLS FARGO BANK, NA' }),
    ]);
    const order = (banks?: string[]) => suggestRoutingNumbers(tied, '021000029', 3, banks).map((s) => s.routingNumber);
    expect(order()).toEqual(['021000021', '021000089']);
    expect(order(['Wells Fargo'])).toEqual(['021000089', '021000021']);
    expect(order(['', 'wells fargo bank n.a.'])).toEqual(['021000089', '021000021']);
    expect(order(['Chase'])).toEqual(['021000021', '021000089']);
    expect(order(['Bank of America'])).toEqual(['021000021', '021000089']);
    // A branch of the user's bank stays below a main office of another: rank comes first.
    const ranked = indexOf([
      entry('021000021', { customerName: 'JPMORGAN CHASE BANK, NA' }),
      entry('021000089', { customerName: 'WELLS FARGO BANK, NA', officeCode: 'B' }),
    ]);
    expect(suggestRoutingNumbers(ranked, '021000029', 3, ['Wells Fargo']).map((s) => s.routingNumber)).toEqual(['021000021', '021000089']);
  });
});

describe('suggestRoutingNumbers: properties', { timeout: PROPERTY_TIMEOUT }, () => {
  const entries = generateFedAchEntries(3000, { seed: 8, replacedShare: 0.05, nonGovernmentShare: 0.05 });
  const index = indexOf(entries);
  const listed = fc.constantFrom(...entries.map((e) => e.routingNumber));

  it('finds the listed number after any single-digit slip, never suggests more than 3, all one slip away', () => {
    fc.assert(
      fc.property(listed, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (digits, at, shift) => {
        const typed = digits.slice(0, at) + ((Number(digits[at]) + shift) % 10) + digits.slice(at + 1);
        const suggestions = suggestRoutingNumbers(index, typed);
        const oneSlipAway = suggestions.every((suggestion) => {
          const differing = [...typed].filter((d, i) => d !== suggestion.routingNumber[i]).length;
          return differing === 1 || (differing === 2 && suggestion.change === 'swap');
        });
        // The number really meant is among the suggestions unless 3 better-ranked ones crowd it out.
        const meantShown = suggestions.length === 3 || suggestions.some((s) => s.routingNumber === digits);
        return suggestions.length > 0 && suggestions.length <= 3 && oneSlipAway && meantShown;
      }),
      { numRuns: RUNS },
    );
  });

  it("bank names given only reorder suggestions of equal rank: same set, ranks never decreasing, the user's bank first within a rank", () => {
    const names = [...new Set(entries.map((e) => e.customerName.trim()))].slice(0, 50);
    fc.assert(
      fc.property(listed, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), fc.constantFrom(...names), (digits, at, shift, bank) => {
        const typed = digits.slice(0, at) + ((Number(digits[at]) + shift) % 10) + digits.slice(at + 1);
        const plain = suggestRoutingNumbers(index, typed, 100);
        const preferred = suggestRoutingNumbers(index, typed, 100, [bank]);
        const sameSet = plain.map((s) => s.routingNumber).sort().join() === preferred.map((s) => s.routingNumber).sort().join();
        const rank = (s: (typeof plain)[number]) =>
          (isAbaChecksumValid(s.routingNumber) ? 8 : 0) + (s.record.recordType !== '2' ? 4 : 0) +
          (s.record.institutionStatus === '1' ? 2 : 0) + (s.record.officeCode === 'O' ? 1 : 0);
        const mine = (s: (typeof plain)[number]) => sameBankName(bank, s.record.name);
        const ordered = preferred.every((s, i) => {
          const next = preferred[i + 1];
          if (!next) return true;
          return rank(s) > rank(next) || (rank(s) === rank(next) && (mine(s) || !mine(next)));
        });
        return sameSet && ordered;
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(anyText, (text) => suggestRoutingNumbers(index, text).length <= 3),
      { numRuns: RUNS },
    );
  });
});
