/**
 * Retention (decision 0029): a case closes when dismissed at triage, when its appeal is decided, or when
 * its appeal period runs out after a decision; the rule's years after that it is purged. Purging keeps
 * an anonymous tombstone (committee, dates, outcome) for the counts and removes every text, person,
 * file, step and read. The general audit log gets one row per run saying how many were purged, with
 * nothing that names a case or a committee.
 */
import { sql } from 'kysely';
import { systemActor } from '../../access/actor.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { selectCaseRules } from './rules.ts';

/** Leaves of each case only its anonymous tombstone: committee, dates, status and outcome. */
export async function tombstoneCases(db: Db, ids: number[], now: Date = new Date()): Promise<void> {
  if (ids.length === 0) return;
  await sql`delete from case_reads where case_id = any(${ids}::bigint[])`.execute(db);
  await sql`delete from case_evidence where case_id = any(${ids}::bigint[])`.execute(db);
  await sql`delete from case_steps where case_id = any(${ids}::bigint[])`.execute(db);
  await sql`update cases set summary = null, subject_person_id = null, reporter_person_id = null, reporter_account_id = null,
    anonymous_to_subject = false, purged_at = ${now} where id = any(${ids}::bigint[])`.execute(db);
}

/** Purges the cases closed longer ago than the rule; `now` may be given to run it as of another time (tests). */
export async function purgeClosedCases(db: Db, now: Date = new Date()): Promise<{ closed: number; purged: number }> {
  return inTransaction(db, async (trx) => {
    const rules = await selectCaseRules(trx);
    const closed = await sql`update cases set closed_at = appeal_by
      where status = 'decided' and closed_at is null and appeal_by < ${now}`.execute(trx);
    const { rows } = await sql<{ id: number }>`select id from cases
      where purged_at is null and closed_at < ${now}::timestamptz - make_interval(years => ${rules.retentionYears}::int)
      for update`.execute(trx);
    const ids = rows.map((r) => r.id);
    if (ids.length > 0) {
      await tombstoneCases(trx, ids, now);
      await recordAudit(trx, systemActor(), {
        action: 'cases.purged',
        entity: 'case_retention',
        entityId: null,
        unitId: null,
        after: { purged: ids.length, retentionYears: rules.retentionYears },
      });
    }
    return { closed: Number(closed.numAffectedRows ?? 0), purged: ids.length };
  });
}
