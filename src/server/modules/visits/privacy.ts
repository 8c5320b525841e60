/**
 * Visits in a person's data rights (people/privacy.ts). Visits record what officials did, so the person
 * ids they hold are the official who planned a visit (when their account has a person) and the owner
 * of a problem. The export lists the visits the person planned and the problems they own; erasure
 * keeps the rows (the coverage figures stay true) and removes the person from them.
 */
import type { Db } from '../../db/database.ts';

export async function visitsForExport(db: Db, personId: number) {
  const [planned, problemsOwned] = await Promise.all([
    db
      .selectFrom('visits as v')
      .innerJoin('units as u', 'u.id', 'v.cell_id')
      .select([
        'u.name as cell_name',
        'v.status',
        'v.planned_on',
        'v.purpose',
        'v.held_on',
        'v.members_met',
        'v.findings',
        'v.cancelled_on',
      ])
      .where('v.planned_by_person', '=', personId)
      .orderBy('v.planned_on')
      .orderBy('v.id')
      .execute(),
    db
      .selectFrom('visit_problems as p')
      .innerJoin('units as u', 'u.id', 'p.cell_id')
      .select(['u.name as cell_name', 'p.title', 'p.detail', 'p.status', 'p.due_on', 'p.resolution', 'p.raised_on', 'p.closed_on'])
      .where('p.owner_person_id', '=', personId)
      .orderBy('p.raised_on')
      .orderBy('p.id')
      .execute(),
  ]);
  return { planned, problemsOwned };
}

export async function eraseVisitPerson(db: Db, personId: number): Promise<void> {
  await db.updateTable('visits').set({ planned_by_person: null }).where('planned_by_person', '=', personId).execute();
  await db.updateTable('visit_problems').set({ owner_person_id: null }).where('owner_person_id', '=', personId).execute();
}
