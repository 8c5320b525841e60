/**
 * Who stands where to a case: the one place that decides it (decision 0029). A case exists for three
 * kinds of reader only: the handlers of its committee (a handler grant on it or above it), the handlers
 * of the committee its appeal went to, and its subject once notified. Never the subject or the reporter
 * as a handler. For anyone else every case route answers 404, exactly as for an id that does not exist.
 * Officials' and administrators' grants open nothing here: only handler grants do.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { CaseViewerRole } from '../../../shared/schemas/cases.ts';

/** The subtree roots of the actor's handler grants, as one array parameter. */
const handlerPaths = (actor: Actor) => actor.handlerGrants.map((g) => g.path as string);

/** The actor is the case's subject or its reporter (alias `c`): such a person never handles it. */
function isParty(actor: Actor): RawBuilder<boolean> {
  const person = actor.personId ?? -1;
  return sql<boolean>`(coalesce(c.subject_person_id, -1) = ${person} or coalesce(c.reporter_person_id, -1) = ${person}
    or coalesce(c.reporter_account_id, -1) = ${actor.accountId})`;
}

/** `unitPath` (an ltree expression) lies under one of the actor's handler grants. */
function handles(actor: Actor, unitPath: RawBuilder<unknown>): RawBuilder<boolean> {
  const paths = handlerPaths(actor);
  if (paths.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${unitPath} <@ ${paths}::ltree[])`;
}

/**
 * The reader's role on the case row `c` (null: the case does not exist for them). An appeal handler
 * outranks a first-instance one, so the root's handlers decide an appeal that stays at the root.
 */
export function viewerRoleSql(actor: Actor): RawBuilder<CaseViewerRole | null> {
  const handlingPath = sql`(select hu.path from units hu where hu.id = c.handling_unit_id)`;
  const appealPath = sql`(select au.path from units au where au.id = c.appeal_unit_id)`;
  const subject =
    actor.personId === null ? sql<boolean>`false` : sql<boolean>`(c.subject_person_id = ${actor.personId} and c.notified_at is not null)`;
  return sql<CaseViewerRole | null>`(case
    when c.purged_at is not null then null
    when not ${isParty(actor)} and c.appeal_unit_id is not null and ${handles(actor, appealPath)} then 'appeal_handler'
    when not ${isParty(actor)} and ${handles(actor, handlingPath)} then 'handler'
    when ${subject} then 'subject'
  end)`;
}

export type CaseRow = {
  id: number;
  subject_person_id: number;
  reporter_person_id: number | null;
  reporter_account_id: number | null;
  subject_unit_id: number;
  subject_role: 'secretary' | 'deputy_secretary' | 'official';
  handling_unit_id: number;
  appeal_unit_id: number | null;
  category: string;
  summary: string;
  anonymous_to_subject: boolean;
  status: string;
  received_at: Date;
  triaged_at: Date | null;
  notified_at: Date | null;
  respond_by: Date | null;
  decided_at: Date | null;
  appeal_by: Date | null;
  outcome: 'dismissed' | 'upheld' | null;
  appealed_at: Date | null;
  appeal_decided_at: Date | null;
  appeal_outcome: 'dismissed' | 'upheld' | null;
  /** The subject responded, or the response period ran out. */
  heard: boolean;
  /** The appeal period is still running. */
  appeal_open: boolean;
  viewer_role: CaseViewerRole;
};

/**
 * The case as the actor may see it, or 404 (`case.notFound`) when it does not exist for them.
 * `lock` takes the row lock, for a step that changes it.
 */
export async function requireCase(db: Db, actor: Actor, id: number, opts: { lock?: boolean } = {}): Promise<CaseRow> {
  const { rows } = await sql<CaseRow>`
    select c.*, ${viewerRoleSql(actor)} as viewer_role,
      (exists (select 1 from case_steps s where s.case_id = c.id and s.kind = 'response') or coalesce(c.respond_by <= now(), false)) as heard,
      (c.appeal_by is not null and now() <= c.appeal_by) as appeal_open
    from cases c where c.id = ${id}
    ${opts.lock ? sql`for update` : sql``}`.execute(db);
  const row = rows[0];
  if (!row || row.viewer_role === null) throw notFound('case.notFound');
  return row;
}

/** The actor handles the case now (decides at its current stage): first instance before an appeal, the appeal's handlers after. */
export function isDecidingHandler(c: CaseRow): boolean {
  if (c.status === 'appealed') return c.viewer_role === 'appeal_handler';
  if (c.status === 'received' || c.status === 'open') return c.viewer_role === 'handler';
  // Past the deciding stages: any handler is told the case's status (409), not that they may not act.
  return c.viewer_role !== 'subject';
}

/** Every read of a case is written down here (never in the general audit log): who, when, what part. */
export async function recordCaseRead(
  db: Db,
  actor: Actor,
  caseIds: number[],
  part: 'list' | 'summary' | 'timeline' | 'evidence' | 'reads',
  evidenceId: number | null = null,
): Promise<void> {
  if (caseIds.length === 0) return;
  await sql`insert into case_reads (case_id, account_id, part, evidence_id)
    select unnest(${caseIds}::bigint[]), ${actor.accountId}::bigint, ${part}, ${evidenceId}::bigint`.execute(db);
}
