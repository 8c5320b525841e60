/** Periods are calendar months, named by their first day ('2026-03-01'). */
import { sql, type RawBuilder } from 'kysely';
import { badRequest } from '../../errors.ts';

export type Period = string;

export const periodOf = (day: string): Period => `${day.slice(0, 7)}-01`;

export function nextPeriod(period: Period): Period {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The unit (columns `opened_on`, `closed_on` of `alias`) was open in the period: the cells a month judges. */
export function openIn(alias: string, period: Period): RawBuilder<boolean> {
  const col = (c: string) => sql.ref(alias ? `${alias}.${c}` : c);
  return sql<boolean>`${col('opened_on')} < ${nextPeriod(period)}::date and (${col('closed_on')} is null or ${col('closed_on')} > ${period}::date)`;
}

export function previousPeriod(period: Period): Period {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
}

export const todayIso = () => new Date().toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The exclusive end of the data a period is judged on: the month's end, or tomorrow for the current
 * month (a month in progress is judged on what has happened so far).
 */
export function dataEnd(period: Period, today = todayIso()): string {
  const next = nextPeriod(period);
  const tomorrow = addDays(today, 1);
  return tomorrow < next ? tomorrow : next;
}

/** The month a dashboard opens on: the last complete one (the month in progress reads as a collapse early on). */
export const lastCompletePeriod = (today = todayIso()): Period => previousPeriod(periodOf(today));

/** The period has not ended yet on `today`: its figures are partial. */
export const isPartial = (period: Period, today = todayIso()): boolean => nextPeriod(period) > today;

/** 'YYYY-MM' from a query string -> a period; months after the current one are refused. */
export function parsePeriod(value: string, today = todayIso()): Period {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw badRequest('period.badFormat');
  const period = `${value}-01`;
  if (period > periodOf(today)) throw badRequest('period.notBegun');
  return period;
}

/** The last `count` periods ending with `last`, oldest first. */
export function periodsEndingWith(last: Period, count: number): Period[] {
  const out = [last];
  while (out.length < count) out.unshift(previousPeriod(out[0]!));
  return out;
}
