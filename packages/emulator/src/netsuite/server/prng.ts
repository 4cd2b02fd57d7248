/**
 * xorshift32: a small seeded generator so latencies and random faults repeat for a given seed.
 */

/** Returns a function yielding numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;

  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}
