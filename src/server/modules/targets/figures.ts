/**
 * A target's figures against time (decision 0030): its period's first and last day, the share of it
 * elapsed at a day, what the straight line from nothing to the figure expects by then, and the status.
 */
import type { TargetStatus } from '../../../shared/schemas/targets.ts';
import { TARGET_LIMITS } from '../../../shared/schemas/targets.ts';
import { badRequest } from '../../errors.ts';

/** The first and last day of a year, or of one of its quarters. */
export function periodBounds(year: number, quarter: number | null): { from: string; to: string } {
  if (quarter === null) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { from: `${year}-${mm(first)}-01`, to: `${year}-${mm(last)}-${lastDay}` };
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** The share of the period elapsed by the end of `today`, 0..1. */
export function elapsedShare(from: string, to: string, today: string): number {
  const total = dayNumber(to) - dayNumber(from) + 1;
  const done = dayNumber(today) - dayNumber(from) + 1;
  return Math.min(1, Math.max(0, done / total));
}

/** Within this share of the figure of the straight line, a target is on track. */
export const ON_TRACK_BAND = 0.05;

/**
 * The status: met once the figure is reached; after the period, overdue if short; before it, not
 * started; otherwise ahead of, on, or behind the straight line (a band of 5 % of the figure either side).
 */
export function statusOf(figure: number, achieved: number, elapsed: number, today: string, from: string, to: string): TargetStatus {
  if (achieved >= figure) return 'met';
  if (today > to) return 'overdue';
  if (today < from) return 'not_started';
  const expected = figure * elapsed;
  if (achieved > expected + ON_TRACK_BAND * figure) return 'ahead';
  if (achieved < expected - ON_TRACK_BAND * figure) return 'behind';
  return 'on_track';
}

/** The figures the API shows for a figure and an achieved sum over a period, at `today`. */
export function figuresAt(figure: number, achieved: number, period: { from: string; to: string }, today: string) {
  const elapsed = elapsedShare(period.from, period.to, today);
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    figure,
    achieved: round(achieved),
    expected: round(figure * elapsed),
    elapsed: Math.round(elapsed * 10_000) / 10_000,
    status: statusOf(figure, round(achieved), elapsed, today, period.from, period.to),
  };
}

/** Statuses a review lists. */
export const isBehind = (s: TargetStatus | null) => s === 'behind' || s === 'overdue';

/** A figure or a value as the plan takes it: finite, at most 1e15, at most 4 decimals; zero only where `zeroAllowed`. */
export function checkFigure(x: number, field: string, zeroAllowed = false): void {
  const details = { field };
  if (!Number.isFinite(x)) throw badRequest('target.figureTooLarge', { details });
  if (x < 0 && zeroAllowed) throw badRequest('target.valueNegative', { details });
  if (x < 0 || (x === 0 && !zeroAllowed)) throw badRequest('target.figureNotPositive', { details });
  if (x > TARGET_LIMITS.figureMax) throw badRequest('target.figureTooLarge', { details });
  // The shortest decimal text of the number (as JSON wrote it): exponent forms only occur below 1e-6.
  const written = String(x);
  const decimals = written.includes('e-') ? Number.POSITIVE_INFINITY : (written.split('.')[1]?.length ?? 0);
  if (decimals > TARGET_LIMITS.decimals) throw badRequest('target.figureTooPrecise', { details });
}
