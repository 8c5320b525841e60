/**
 * The pipeline figures of a unit for a month, with its children's for drill-down. A committee's are
 * the rulebook's summed roll-ups (unit_sums, one row per key), a cell's its own metrics: the cost is
 * the same at any size. The children are read the same way, one statement for all of them.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { AdmissionsSummary, PipelineFigures } from '../../../shared/schemas/admissions.ts';
import { ensurePeriod } from '../compliance/engine.ts';
import type { Period } from '../compliance/periods.ts';
import { unitSums } from '../compliance/service.ts';
import { PREFIX } from './standards/pipeline-metrics.ts';

export function pipelineFigures(sums: Record<string, number>): PipelineFigures {
  const n = (key: string) => sums[`${PREFIX}${key}`] ?? 0;
  const mean = (total: number, count: number) => (count === 0 ? null : Math.round((total / count) * 10) / 10);
  return {
    nominated: n('nominated'),
    trainingStarted: n('training_started'),
    voted: n('voted'),
    voteFailed: n('vote_failed'),
    approved: n('approved'),
    rejected: n('rejected'),
    withdrawn: n('withdrawn'),
    open: { nominated: n('open_nominated'), inTraining: n('open_training'), awaitingDecision: n('open_awaiting') },
    meanDays: {
      toVote: mean(n('days_to_vote'), n('voted') + n('vote_failed')),
      inTraining: mean(n('days_in_training'), n('trained_voted')),
      toDecision: mean(n('days_to_decision'), n('approved') + n('rejected')),
    },
  };
}

/** The children's figures: committees from unit_sums, cells from their metrics while judged in the month. */
async function childrenSums(db: Db, unitId: number, period: Period) {
  const { rows } = await sql<{ id: number; name: string; kind: string; key: string | null; value: number | null }>`
    select c.id, c.name, c.kind, s.key, s.value
    from units c
    left join lateral (
      select us.key, us.value from unit_sums us
      where c.kind <> 'cell' and us.unit_id = c.id and us.period = ${period}::date and us.sector = '*' and us.key ^@ ${PREFIX}
      union all
      select m.key, m.value from cell_metrics m
      where c.kind = 'cell' and m.cell_id = c.id and m.period = ${period}::date and m.key ^@ ${PREFIX}
        and exists (select 1 from cell_compliance cc where cc.cell_id = c.id and cc.period = ${period}::date and cc.standard_code = '*')
    ) s on true
    where c.parent_id = ${unitId}
    order by c.name, c.id`.execute(db);
  const byUnit = new Map<number, { unit: { id: number; name: string; kind: string }; sums: Record<string, number> }>();
  for (const r of rows) {
    const id = Number(r.id);
    const entry = byUnit.get(id) ?? { unit: { id, name: r.name, kind: r.kind }, sums: {} };
    if (r.key !== null) entry.sums[r.key] = Number(r.value);
    byUnit.set(id, entry);
  }
  return [...byUnit.values()];
}

export async function getAdmissionsSummary(db: Db, actor: Actor, unitId: number, period: Period): Promise<AdmissionsSummary> {
  const unit = await findUnitInScope(db, actor, unitId, 'personal');
  if (!unit) throw notFound('unit.notFound');
  await ensurePeriod(db, period);
  const [sums, children] = await Promise.all([unitSums(db, unit, period), unit.kind === 'cell' ? [] : childrenSums(db, unit.id, period)]);
  return {
    unitId: unit.id,
    period: period.slice(0, 7),
    figures: pipelineFigures(sums),
    children: children.map((c) => ({ unit: c.unit, figures: pipelineFigures(c.sums) })),
  };
}
