/**
 * The order of the popup's profile list, in one place: by label (case and accents aside, numbers
 * as numbers, so "Item 2" comes before "Item 10"), then by id, so two profiles with the same
 * label keep one order wherever the list is built. The background builds the whole list after
 * reading every profile, and keeps its first page ready between worker starts; both must come
 * out the same. Pure: no browser APIs.
 */

export interface ListOrdered {
  readonly id: string;
  readonly label: string;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function compareListOrder(a: ListOrdered, b: ListOrdered): number {
  return collator.compare(a.label, b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The first `count` items in `compare`'s order, as sorting them all and slicing would give (for
 * a total order), without sorting them all: one comparison per item with the last one kept
 * for most items of a large list.
 */
export function firstInOrder<T>(items: Iterable<T>, count: number, compare: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  if (count <= 0) return kept;
  for (const item of items) {
    if (kept.length === count && compare(item, kept[count - 1]!) >= 0) continue;
    // Binary search for the first kept item that comes after this one.
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(kept[middle]!, item) <= 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, item);
    if (kept.length > count) kept.pop();
  }
  return kept;
}
