import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareListOrder, firstInOrder } from '@/utils/background/profile-list-order';

describe('the profile list order', () => {
  it('sorts by label as people read it (case and accents aside, numbers as numbers), then by id', () => {
    const profiles = [
      { id: 'b', label: 'Item 10' },
      { id: 'a', label: 'item 2' },
      { id: 'c', label: 'ACME' },
      { id: 'a', label: 'Acme' },
      { id: 'd', label: 'Ácme' },
    ];
    expect([...profiles].sort(compareListOrder).map(({ id, label }) => `${label}/${id}`)).toEqual([
      'Acme/a',
      'ACME/c',
      'Ácme/d',
      'item 2/a',
      'Item 10/b',
    ]);
  });

  it('takes the first n as sorting all and slicing does', () => {
    const profile = fc.record({ id: fc.string({ maxLength: 3 }), label: fc.constantFrom('a', 'A', 'b', 'Item 2', 'item 10', 'é', 'e', '') });
    fc.assert(
      fc.property(fc.array(profile, { maxLength: 60 }), fc.integer({ min: 0, max: 70 }), (profiles, count) => {
        const sorted = [...profiles].sort(compareListOrder).slice(0, count);
        const first = firstInOrder(profiles, count, compareListOrder);
        // Both keep items equal under the order as they came (Array.prototype.sort is stable).
        expect(first).toEqual(sorted);
      }),
    );
  });
});
