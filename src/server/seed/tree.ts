/**
 * The shape of the synthetic tree: how many committees at each level, how children spread over parents,
 * and how many members each cell holds. Only per-unit counts are kept (typed arrays of `cells` entries),
 * never per-person rows.
 */
import type { Rng } from './random.ts';

/** Smallest and largest cell, as the brief requires. */
export const MIN_CELL = 3;
export const MAX_CELL = 60;

/**
 * Committees per depth (index 0 is the central committee, the last index the primary committees that
 * hold cells). At 300,000 cells: 1 -> 12 -> 200 -> 2,000 -> 18,000, about 20,000 committees; smaller
 * organizations keep all five committee levels from 200 cells on (at 400: 1 -> 3 -> 7 -> 13 -> 24),
 * with fewer units per level.
 */
export function planCommitteeLevels(cells: number): number[] {
  const below = cells >= 200 ? 4 : cells >= 40 ? 3 : cells >= 8 ? 2 : 1;
  const first = Math.min(12, Math.max(1, Math.round(cells ** 0.2)));
  const primaries = Math.min(cells, Math.max(first, Math.round(cells / 16.7)));
  // Positions on a log scale between the first level and the primaries, fitted to the design point.
  const shape = below === 4 ? [0, 0.385, 0.7, 1] : below === 3 ? [0, 0.5, 1] : below === 2 ? [0, 1] : [1];
  const counts = [1];
  for (const t of shape) {
    const n = Math.round(first * (primaries / first) ** t);
    counts.push(Math.max(n, counts[counts.length - 1] as number));
  }
  counts[counts.length - 1] = primaries;
  return counts;
}

/**
 * Spreads `children` over `parents` (each gets at least one) with lognormal weights, so fan-outs vary
 * the way real ones do. Cumulative rounding keeps the total exact.
 */
export function spreadChildren(children: number, parents: number, rng: Rng, sigma = 0.5): Int32Array {
  if (children < parents) throw new Error(`cannot give ${parents} parents at least one of ${children} children`);
  const weights = new Float64Array(parents);
  let total = 0;
  for (let i = 0; i < parents; i++) total += weights[i] = Math.exp(sigma * rng.normal());
  const extra = children - parents;
  const out = new Int32Array(parents);
  let acc = 0;
  let given = 0;
  for (let i = 0; i < parents; i++) {
    acc += weights[i] as number;
    const upTo = i === parents - 1 ? extra : Math.floor((acc / total) * extra);
    out[i] = 1 + upTo - given;
    given = upTo;
  }
  return out;
}

/**
 * Cell sizes between MIN_CELL and MAX_CELL, skewed (lognormal: many cells of 10-25, a few large
 * ones), summing exactly to `members`. A scale factor is found by bisection, then the remainder is
 * spread one member at a time over randomly chosen cells that still have room.
 */
export function planCellSizes(cells: number, members: number, rng: Rng): Uint8Array {
  if (members < MIN_CELL * cells || members > MAX_CELL * cells) {
    throw new Error(`${members} members cannot fill ${cells} cells of ${MIN_CELL} to ${MAX_CELL} members each`);
  }
  const raw = new Float64Array(cells);
  for (let i = 0; i < cells; i++) raw[i] = Math.exp(0.55 * rng.normal());
  const sizes = new Uint8Array(cells);
  const fill = (k: number): number => {
    let sum = 0;
    for (let i = 0; i < cells; i++) {
      const s = Math.min(MAX_CELL, Math.max(MIN_CELL, Math.round(k * (raw[i] as number))));
      sizes[i] = s;
      sum += s;
    }
    return sum;
  };
  let lo = 0;
  let hi = 2 * MAX_CELL;
  for (let step = 0; step < 60 && hi - lo > 1e-9; step++) {
    const mid = (lo + hi) / 2;
    if (fill(mid) > members) hi = mid;
    else lo = mid;
  }
  let diff = members - fill(lo);
  // diff >= 0 and small (one rounding step of the bisection); fullness never blocks it since members <= 60 * cells.
  while (diff !== 0) {
    const i = rng.int(cells);
    const s = sizes[i] as number;
    if (diff > 0 && s < MAX_CELL) {
      sizes[i] = s + 1;
      diff--;
    } else if (diff < 0 && s > MIN_CELL) {
      sizes[i] = s - 1;
      diff++;
    }
  }
  return sizes;
}
