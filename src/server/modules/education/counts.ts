/**
 * A committee's education counts over its subtree for a month: enrolments by kind and status (members
 * of the subtree today, enrolments begun by the month's end), and from the rulebook's summed roll-ups
 * (unit_sums, one row per committee and key) the education and technical sessions held, technical
 * attendance, members with a current learning plan and themes completed. The roll-ups make the
 * figures one index read at any scale; the enrolment count walks the subtree's current memberships
 * of the (few) enrolled people only.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { EducationCounts } from '../../../shared/schemas/education.ts';
import { ensurePeriod } from '../compliance/engine.ts';
import { nextPeriod, todayIso, type Period } from '../compliance/periods.ts';
import { unitSums } from '../compliance/service.ts';

export async function getEducationCounts(db: Db, actor: Actor, unitId: number, period: Period): Promise<EducationCounts> {
  const unit = await findUnitInScope(db, actor, unitId);
  if (!unit) throw notFound('unit.notFound');
  await ensurePeriod(db, period);
  const today = todayIso();
  const [sums, enrolments] = await Promise.all([
    unitSums(db, unit, period),
    db
      .selectFrom('enrolments as e')
      .innerJoin('memberships as ms', 'ms.person_id', 'e.person_id')
      .innerJoin('units as c', 'c.id', 'ms.cell_id')
      .select(['e.kind', 'e.status', sql<number>`count(distinct e.person_id)::int`.as('members')])
      .where(sql<boolean>`c.path <@ ${unit.path}::ltree`)
      .where('ms.from_date', '<=', today)
      .where((eb) => eb.or([eb('ms.to_date', 'is', null), eb('ms.to_date', '>', today)]))
      .where('e.starts_on', '<', nextPeriod(period))
      .groupBy(['e.kind', 'e.status'])
      .orderBy('e.kind')
      .orderBy('e.status')
      .execute(),
  ]);
  const n = (key: string) => sums[key] ?? 0;
  return {
    unitId: unit.id,
    period: period.slice(0, 7),
    enrolments,
    educationSessions: n('education_sessions'),
    technicalSessions: n('meetings_held:technical'),
    technicalAttendance: { present: n('attendance_present:technical'), expected: n('attendance_expected:technical') },
    learningPlans: { current: n('learning_plan:current'), members: n('learning_plan:members') },
    themesCompleted: n('themes_completed'),
  };
}
