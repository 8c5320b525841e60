/** Small helpers for a standard kind's `report` (plugin.ts): figures as the printed report reads them. */

/** A detail's figure as a number (0 when missing). */
export const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v ?? 0) || 0);

/** `part` of `whole` in per cent, one decimal. */
export const percent = (part: number, whole: number): number => Math.round((part / whole) * 1000) / 10;

/** A share of `part` in `whole` held to `min` (a fraction): the rate in per cent, null when nothing was due. */
export function rateFigures(part: unknown, whole: unknown, min: unknown) {
  const p = num(part);
  const w = num(whole);
  return { part: p, whole: w, rate: w === 0 ? null : percent(p, w), min: Math.round(num(min) * 100) };
}
