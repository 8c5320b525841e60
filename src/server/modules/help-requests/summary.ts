/**
 * The committees' view of requests for help: counts only, never a text or an asker (decision 0026).
 * A unit's figures are read from the month's summed roll-ups (one row per key for a committee, the
 * cell's own metrics for a cell), so they cost the same at any size; its children's alike, for the
 * drill-down. The median comes from the summed histogram of days to a first answer.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { HelpFigures, HelpSummary } from '../../../shared/schemas/help-requests.ts';
import { ensurePeriod } from '../compliance/engine.ts';
import { isPartial, openIn, type Period } from '../compliance/periods.ts';
import { unitSums } from '../compliance/service.ts';
import { DAYS_BUCKETS, HELP_PREFIX } from './metrics.ts';

/** The figures from a unit's `help:` sums; the median is the lower middle of the histogram. */
export function helpFigures(sums: Record<string, number>): HelpFigures {
  const answered = sums['help:answered'] ?? 0;
  const counts = [...Array.from({ length: DAYS_BUCKETS }, (_, d) => sums[`help:answer_days:${d}`] ?? 0), sums['help:answer_days:30+'] ?? 0];
  const n = counts.reduce((a, b) => a + b, 0);
  let median: number | null = null;
  if (n > 0) {
    const rank = Math.ceil(n / 2);
    let seen = 0;
    for (let d = 0; d < counts.length; d++) {
      seen += counts[d]!;
      if (seen >= rank) {
        median = d;
        break;
      }
    }
  }
  return { open: sums['help:open'] ?? 0, answered, medianDaysToAnswer: median, medianAtLeast30: median === DAYS_BUCKETS };
}

/** The help sums of the unit's children open in the month: committees' roll-ups, cells' own metrics while judged. */
async function childSums(db: Db, unitId: number, period: Period) {
  const { rows } = await sql<{ id: number; name: string; kind: string; key: string | null; value: number | null }>`
    select u.id, u.name, u.kind, x.key, x.value
    from units u
    left join lateral (
      select s.key, s.value from unit_sums s
      where u.kind <> 'cell' and s.unit_id = u.id and s.period = ${period}::date and s.sector = '*' and s.key ^@ ${HELP_PREFIX}
      union all
      select m.key, m.value from cell_metrics m
      where u.kind = 'cell' and m.cell_id = u.id and m.period = ${period}::date and m.key ^@ ${HELP_PREFIX}
        and exists (select 1 from cell_compliance c where c.cell_id = u.id and c.period = ${period}::date and c.standard_code = '*')
    ) x on true
    where u.parent_id = ${unitId} and ${openIn('u', period)}
    order by u.name, u.id`.execute(db);
  const byUnit = new Map<number, { name: string; kind: string; sums: Record<string, number> }>();
  for (const r of rows) {
    const id = Number(r.id);
    const entry = byUnit.get(id) ?? { name: r.name, kind: r.kind, sums: {} };
    if (r.key !== null) entry.sums[r.key] = Number(r.value);
    byUnit.set(id, entry);
  }
  return [...byUnit].map(([id, c]) => ({ unitId: id, name: c.name, kind: c.kind, ...helpFigures(c.sums) }));
}

export async function getHelpSummary(db: Db, actor: Actor, unitId: number, period: Period): Promise<HelpSummary> {
  const unit = await findUnitInScope(db, actor, unitId, 'read');
  if (!unit) throw notFound('unit.notFound');
  await ensurePeriod(db, period);
  const [sums, children] = await Promise.all([unitSums(db, unit, period), unit.kind === 'cell' ? [] : childSums(db, unit.id, period)]);
  return { unitId: unit.id, period: period.slice(0, 7), partial: isPartial(period), ...helpFigures(sums), children };
}
