/**
 * A unit's ideas figures for a year (decision 0032). A committee's are the rulebook's summed roll-ups
 * of the `ideas:` metrics (unit_sums: one row per key and month over its whole subtree), a cell's its
 * own metrics while judged: the cost is the same for the centre as for a district. The median days
 * from submission to introduction is read from the summed histogram (`ideas:days:<n>`).
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { IdeasSummaryResult } from '../../../shared/schemas/ideas.ts';
import { ensurePeriod } from '../compliance/engine.ts';
import { periodOf, todayIso, type Period } from '../compliance/periods.ts';
import { IDEAS_PREFIX } from './standards/ideas-metrics.ts';

/** A key's sum over the year; per month (`period`) only for the keys the chart shows. */
type Row = { period: string | null; key: string; value: number };

/** The first days of the year's months up to the current one. */
export function monthsOf(year: number, today = todayIso()): Period[] {
  const current = periodOf(today);
  return Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}-01` as Period).filter((p) => p <= current);
}

/** The median of a histogram (value -> count): the middle value, or the mean of the two middle ones. */
export function medianOf(histogram: Map<number, number>): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const sorted = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const at = (rank: number) => {
    let seen = 0;
    for (const [value, n] of sorted) {
      seen += n;
      if (seen > rank) return value;
    }
    return sorted[sorted.length - 1]![0];
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/** The figures from the monthly rows of a unit (summed roll-ups or a cell's metrics). */
export function figuresOf(unitId: number, year: number, months: Period[], rows: Row[]): IdeasSummaryResult {
  const total = new Map<string, number>();
  const perMonth = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const key = r.key.slice(IDEAS_PREFIX.length);
    total.set(key, (total.get(key) ?? 0) + Number(r.value));
    if (r.period === null) continue;
    const m = perMonth.get(r.period) ?? new Map<string, number>();
    m.set(key, (m.get(key) ?? 0) + Number(r.value));
    perMonth.set(r.period, m);
  }
  const n = (key: string) => total.get(key) ?? 0;
  const histogram = new Map<number, number>();
  const benefits: IdeasSummaryResult['benefits'] = [];
  for (const [key, value] of total) {
    if (key.startsWith('days:')) histogram.set(Number(key.slice(5)), value);
    else if (key.startsWith('benefit:') && value !== 0) {
      const rest = key.slice(8);
      const cut = rest.indexOf(':');
      const period = rest.slice(0, cut);
      benefits.push({
        unit: rest.slice(cut + 1),
        period: period === '-' ? null : (period as 'once' | 'month' | 'year'),
        amount: Math.round(value * 100) / 100,
      });
    }
  }
  benefits.sort((a, b) => a.unit.localeCompare(b.unit) || (a.period ?? '').localeCompare(b.period ?? ''));
  return {
    unitId,
    year,
    submitted: n('submitted'),
    accepted: n('accepted'),
    rejected: n('rejected'),
    inTrial: n('trial'),
    introduced: n('introduced'),
    confirmed: n('confirmed'),
    benefits,
    medianDaysToIntroduction: medianOf(histogram),
    months: months.map((p) => {
      const m = perMonth.get(p);
      return {
        month: p.slice(0, 7),
        submitted: m?.get('submitted') ?? 0,
        accepted: m?.get('accepted') ?? 0,
        introduced: m?.get('introduced') ?? 0,
      };
    }),
  };
}

const CHARTED = ['ideas:submitted', 'ideas:accepted', 'ideas:introduced'];

/**
 * The `ideas:` keys of a unit summed over these months, in the database: the days histogram alone is
 * a key per distinct day count and month; only the charted keys keep their months.
 */
function monthlyRows(db: Db, unit: { id: number; kind: string }, months: Period[]) {
  const month = sql`case when key = any(${CHARTED}::text[]) then period::text end`;
  if (unit.kind === 'cell')
    return sql<Row>`
      select ${month} as period, m.key, sum(m.value)::float8 as value from cell_metrics m
      where m.cell_id = ${unit.id} and m.period = any(${months}::date[]) and m.key ^@ ${IDEAS_PREFIX}
        and exists (select 1 from cell_compliance c where c.cell_id = m.cell_id and c.period = m.period and c.standard_code = '*')
      group by 1, 2`.execute(db);
  return sql<Row>`
    select ${month} as period, s.key, sum(s.value)::float8 as value from unit_sums s
    where s.unit_id = ${unit.id} and s.period = any(${months}::date[]) and s.sector = '*' and s.key ^@ ${IDEAS_PREFIX}
    group by 1, 2`.execute(db);
}

/** Builds the year's months not built yet (one statement to learn which). */
async function ensureMonths(db: Db, months: Period[]) {
  const built = await db.selectFrom('metric_periods').select(sql<string>`period::text`.as('p')).where('period', 'in', months).execute();
  const have = new Set(built.map((r) => r.p));
  for (const p of months) if (!have.has(p)) await ensurePeriod(db, p);
}

export async function getIdeasSummary(db: Db, actor: Actor, unitId: number, year: number, today = todayIso()): Promise<IdeasSummaryResult> {
  const unit = await findUnitInScope(db, actor, unitId, 'read');
  if (!unit) throw notFound('unit.notFound');
  const months = monthsOf(year, today);
  if (months.length === 0) return figuresOf(unit.id, year, months, []);
  await ensureMonths(db, months);
  const { rows } = await monthlyRows(db, unit, months);
  return figuresOf(unit.id, year, months, rows);
}
