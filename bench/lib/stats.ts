/** Latency samples: percentiles and a deterministic picker (benchmarks never use Math.random). */
import { Rng } from '../../src/server/seed/random.ts';

export class Samples {
  readonly values: number[] = [];

  add(ms: number): void {
    this.values.push(ms);
  }

  /** Nearest-rank percentile, in ms. */
  percentile(p: number): number {
    if (this.values.length === 0) return NaN;
    const sorted = [...this.values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
  }

  get p50(): number {
    return this.percentile(50);
  }
  get p95(): number {
    return this.percentile(95);
  }
  get count(): number {
    return this.values.length;
  }
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

/** A seeded picker, so two runs at a scale ask for the same units. */
export function picker(seed = 42) {
  const rng = new Rng(seed);
  return {
    pick: <T>(items: readonly T[]): T => rng.pick(items),
    int: (n: number) => rng.int(n),
    chance: (p: number) => rng.chance(p),
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [items[i], items[j]] = [items[j] as T, items[i] as T];
      }
      return items;
    },
  };
}

/** BENCH_REPEAT (default 1): how many times a scenario is repeated or its sample count multiplied. */
export const benchRepeat = () => Math.max(1, Math.floor(Number(process.env.BENCH_REPEAT ?? 1)) || 1);

export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
