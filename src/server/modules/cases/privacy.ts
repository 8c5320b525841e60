/**
 * Integrity cases in a person's data rights (people/privacy.ts, decision 0029). The export carries the
 * reports the person made (what they wrote and where each stands, not the handlers' notes), and the
 * cases about them once they were notified, as they may read them (never the reporter). Before
 * notification a case is withheld from its subject's export, as from every other route: the right of
 * access waits for the investigation's first step. Erasure removes the person as a reporter (the case
 * about another's conduct goes on without them) and purges the cases about them to tombstones.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { tombstoneCases } from './retention.ts';

export async function casesForExport(db: Db, personId: number) {
  const [reports, aboutMe] = await Promise.all([
    sql`select c.category, c.summary, p.full_name as subject_name, c.status, c.received_at, c.anonymous_to_subject
      from cases c join people p on p.id = c.subject_person_id
      where c.reporter_person_id = ${personId} and c.purged_at is null order by c.id`.execute(db),
    sql`select c.category, c.summary, c.status, c.received_at, c.notified_at, c.decided_at, c.outcome, c.appeal_outcome,
        coalesce((select json_agg(json_build_object('kind', s.kind, 'by', s.actor_role, 'at', s.at,
          'text', case when s.kind in ('opened', 'out_of_scope') then null else s.text end, 'outcome', s.outcome, 'measure', s.measure)
          order by s.at, s.id) from case_steps s where s.case_id = c.id), '[]'::json) as timeline
      from cases c where c.subject_person_id = ${personId} and c.notified_at is not null and c.purged_at is null order by c.id`.execute(db),
  ]);
  return { reportsMade: reports.rows, casesAboutMe: aboutMe.rows };
}

export async function eraseCaseData(db: Db, personId: number, accountIds: number[]): Promise<void> {
  await sql`update cases set reporter_person_id = null, reporter_account_id = null
    where reporter_person_id = ${personId} or reporter_account_id = any(${accountIds}::bigint[])`.execute(db);
  const { rows } = await sql<{ id: number }>`select id from cases where subject_person_id = ${personId} for update`.execute(db);
  await tombstoneCases(
    db,
    rows.map((r) => r.id),
  );
}
