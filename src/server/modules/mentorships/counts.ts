/**
 * Youth work and mentorships counted per unit (issue 13): a cell's own figures, a committee's summed
 * over the cells under it judged that month (the registry's summed roll-ups, read pre-aggregated),
 * and the same for each child to drill down. Two statements for the children, whatever their number.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { MentorshipCounts, MentorshipFigures } from '../../../shared/schemas/mentorships.ts';
import { ensurePeriod } from '../compliance/engine.ts';
import type { Period } from '../compliance/periods.ts';
import { unitSums } from '../compliance/service.ts';
import { MENTORSHIP_PREFIX, YOUTH_PREFIX } from './standards/mentorship-metrics.ts';

const PREFIXES = [MENTORSHIP_PREFIX, YOUTH_PREFIX];

function figures(sums: Record<string, number>): MentorshipFigures {
  const v = (key: string) => sums[key] ?? 0;
  return {
    active: v('mentorships:active'),
    across: v('mentorships:across'),
    meetings: v('mentorships:meetings'),
    reviews: v('mentorships:reviews'),
    ended: v('mentorships:ended'),
    candidates: v('mentorships:candidates'),
    candidatesMentored: v('mentorships:candidates_mentored'),
    youthGroups: v('youth_groups:groups'),
    youthGroupsAssigned: v('youth_groups:assigned'),
    youngPeople: v('youth_groups:young_people'),
  };
}

async function childSums(db: Db, parentId: number, period: Period) {
  const { rows } = await sql<{ id: number; name: string; kind: string; key: string | null; value: number | null }>`
    select u.id, u.name, u.kind, s.key, s.value
    from units u
    left join lateral (
      select us.key, us.value from unit_sums us
      where u.kind <> 'cell' and us.unit_id = u.id and us.period = ${period}::date and us.sector = '*'
        and us.key ^@ any(${PREFIXES}::text[])
      union all
      select m.key, m.value from cell_metrics m
      where u.kind = 'cell' and m.cell_id = u.id and m.period = ${period}::date and m.key ^@ any(${PREFIXES}::text[])
        and exists (select 1 from cell_compliance c where c.cell_id = m.cell_id and c.period = m.period and c.standard_code = '*')
    ) s on true
    where u.parent_id = ${parentId} and (u.closed_on is null or u.closed_on > ${period}::date)
    order by u.name, u.id`.execute(db);
  const byId = new Map<number, { id: number; name: string; kind: string; sums: Record<string, number> }>();
  for (const r of rows) {
    const id = Number(r.id);
    const child = byId.get(id) ?? { id, name: r.name, kind: r.kind, sums: {} };
    if (r.key !== null) child.sums[r.key] = Number(r.value);
    byId.set(id, child);
  }
  return [...byId.values()].map((c) => ({ id: c.id, name: c.name, kind: c.kind, figures: figures(c.sums) }));
}

export async function getMentorshipCounts(db: Db, actor: Actor, unitId: number, period: Period): Promise<MentorshipCounts> {
  const unit = await findUnitInScope(db, actor, unitId, 'read');
  if (!unit) throw notFound('unit.notFound');
  await ensurePeriod(db, period);
  const [sums, children] = await Promise.all([unitSums(db, unit, period), unit.kind === 'cell' ? [] : childSums(db, unit.id, period)]);
  return { unitId: unit.id, period: period.slice(0, 7), figures: figures(sums), children };
}
