/**
 * Anonymous case counts for a committee's subtree (the cases its committees handled first), for the
 * officials who can see that committee. The figures are about the cases received in the period and
 * are all null below three: a count of one or two would point at a person.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import type { CaseStats } from '../../../shared/schemas/cases.ts';

export const STATS_MINIMUM = 3;

/** `period` is YYYY or YYYY-MM. */
function periodBounds(period: string): { from: string; to: string } {
  if (period.length === 4) return { from: `${period}-01-01`, to: `${Number(period) + 1}-01-01` };
  const [y, m] = period.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${period}-01`, to: `${next}-01` };
}

export async function getCaseStats(db: Db, actor: Actor, unitId: number, period: string): Promise<CaseStats> {
  const unit = await findUnitInScope(db, actor, unitId);
  if (!unit) throw notFound('unit.notFound');
  if (unit.kind !== 'committee') throw badRequest('case.statsCommitteeOnly');
  const { from, to } = periodBounds(period);
  const { rows } = await sql<{ received: number; open: number; out_of_scope: number; decided: number; median: number | null }>`
    select count(*)::int as received,
      count(*) filter (where c.status in ('received', 'open', 'appealed'))::int as open,
      count(*) filter (where c.status = 'out_of_scope')::int as out_of_scope,
      count(*) filter (where c.decided_at is not null)::int as decided,
      round((percentile_cont(0.5) within group (order by extract(epoch from c.decided_at - c.received_at) / 86400))::numeric, 1)
        as median
    from cases c join units hu on hu.id = c.handling_unit_id
    where hu.path <@ ${unit.path}::ltree and c.received_at >= ${from}::date and c.received_at < ${to}::date`.execute(db);
  const r = rows[0]!;
  const shown = r.received >= STATS_MINIMUM;
  return {
    period,
    fewerThanMinimum: !shown,
    minimum: STATS_MINIMUM,
    received: shown ? r.received : null,
    open: shown ? r.open : null,
    outOfScope: shown ? r.out_of_scope : null,
    decided: shown ? r.decided : null,
    medianDaysToDecision: shown && r.median !== null ? Number(r.median) : null,
  };
}
