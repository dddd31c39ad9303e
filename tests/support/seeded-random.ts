/**
 * A reproducible random source for the test generators (FedACH records, layout variants): the
 * same seed gives the same data, so a failing case can be replayed.
 */
export type Random = () => number;

/** mulberry32: small, fast and good enough to vary test data reproducibly. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
