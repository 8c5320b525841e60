/**
 * A small deterministic PRNG for the synthetic organization. Math.random is never used, so a given seed
 * always yields the same organization, and per-cell streams can be replayed (the memberships pass
 * regenerates each cell's people instead of holding millions of rows in memory).
 */

/** mulberry32: 32 bits of state, fast, and good enough for synthetic data. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** A standard normal draw (Box-Muller; the second value is dropped to keep replay simple). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

/** Mixes numbers into one 32-bit seed (splitmix32-style finaliser), e.g. (seed, cell index, stream). */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/**
 * A weighted choice in O(1): a 4096-slot table where each index appears in proportion to its weight.
 * Precision of 1/4096 is plenty for name and sector frequencies.
 */
export class WeightedTable {
  private readonly slots: Uint16Array;

  constructor(weights: readonly number[]) {
    const total = weights.reduce((a, b) => a + b, 0);
    this.slots = new Uint16Array(4096);
    let acc = 0;
    let slot = 0;
    weights.forEach((w, i) => {
      acc += w;
      const end = i === weights.length - 1 ? 4096 : Math.round((acc / total) * 4096);
      for (; slot < end; slot++) this.slots[slot] = i;
    });
  }

  draw(rng: Rng): number {
    return this.slots[rng.int(4096)] as number;
  }
}
