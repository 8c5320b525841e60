/**
 * Integrity cases, the reading side. Every read of a case writes one row to case_reads (access.ts):
 * the case page (`summary`), its timeline, an evidence file, the reads list itself, and each case a
 * list shows (`list`). The subject never gets the reporter, nor who among the handlers acted.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { Case, CaseEvidence, CaseStep, CaseWaitingOn } from '../../../shared/schemas/cases.ts';
import { recordCaseRead, requireCase, viewerRoleSql, isDecidingHandler } from './access.ts';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

async function unitRef(db: Db, id: number | null) {
  if (id === null) return null;
  const { rows } = await sql<{
    id: number;
    name: string;
    kind: 'cell' | 'committee';
  }>`select id, name, kind from units where id = ${id}`.execute(db);
  return rows[0]!;
}

export async function listEvidence(db: Db, caseId: number): Promise<CaseEvidence[]> {
  const { rows } = await sql<CaseEvidence>`select id, file_name as "fileName", content_type as "contentType", size_bytes as "sizeBytes",
      added_by_role as "addedBy", to_json(added_at) #>> '{}' as "addedAt"
    from case_evidence where case_id = ${caseId} order by id`.execute(db);
  return rows;
}

/** The case page: what it alleges, where it stands, and what the reader may do next. */
export async function getCase(db: Db, actor: Actor, id: number): Promise<Case> {
  const c = await requireCase(db, actor, id);
  const isHandler = c.viewer_role !== 'subject';
  const [people, subjectUnit, handlingUnit, appealUnit, evidence] = await Promise.all([
    sql<{
      id: number;
      full_name: string;
    }>`select id, full_name from people where id in (${c.subject_person_id}, ${c.reporter_person_id ?? -1})`.execute(db),
    unitRef(db, c.subject_unit_id),
    unitRef(db, c.handling_unit_id),
    unitRef(db, c.appeal_unit_id),
    listEvidence(db, id),
  ]);
  const name = (pid: number | null) => people.rows.find((p) => p.id === pid)?.full_name ?? '';
  await recordCaseRead(db, actor, [id], 'summary');
  const deciding = isDecidingHandler(c);
  const subject = c.viewer_role === 'subject';
  return {
    id: c.id,
    category: c.category as Case['category'],
    summary: c.summary,
    status: c.status as Case['status'],
    subject: { id: c.subject_person_id, fullName: name(c.subject_person_id), role: c.subject_role, unit: subjectUnit! },
    reporter: isHandler && c.reporter_person_id !== null ? { id: c.reporter_person_id, fullName: name(c.reporter_person_id) } : null,
    anonymousToSubject: c.anonymous_to_subject,
    handlingUnit: handlingUnit!,
    appealUnit,
    receivedAt: c.received_at.toISOString(),
    notifiedAt: iso(c.notified_at),
    decidedAt: iso(c.decided_at),
    outcome: c.outcome,
    appealOutcome: c.appeal_outcome,
    respondBy: iso(c.respond_by),
    appealBy: iso(c.appeal_by),
    heard: c.heard,
    viewerRole: c.viewer_role,
    evidence,
    can: {
      triage: deciding && c.status === 'received',
      notify: deciding && c.status === 'open' && c.notified_at === null,
      decide: deciding && ((c.status === 'open' && c.notified_at !== null && c.heard) || c.status === 'appealed'),
      respond: subject && c.status === 'open',
      appeal: subject && c.status === 'decided' && c.appeal_open,
      addEvidence: subject ? ['open', 'decided', 'appealed'].includes(c.status) : false,
    },
  };
}

/**
 * The timeline: every step with its role and time. Handlers see the texts of every step; the subject
 * sees them too once notified, except the triage reasons (the handlers' own), and never which account acted.
 */
export async function getTimeline(db: Db, actor: Actor, id: number): Promise<{ items: CaseStep[] }> {
  const c = await requireCase(db, actor, id);
  const { rows } = await sql<CaseStep>`select id, kind, actor_role as "actorRole", to_json(at) #>> '{}' as at, text, outcome, measure
    from case_steps where case_id = ${id} order by at, id`.execute(db);
  await recordCaseRead(db, actor, [id], 'timeline');
  if (c.viewer_role !== 'subject') return { items: rows };
  return { items: rows.map((s) => (s.kind === 'opened' || s.kind === 'out_of_scope' ? { ...s, text: null } : s)) };
}

/** The cases the actor handles (first instance or appeal) and those about them once notified; each shown is a read. */
/**
 * What case `c` waits on, and by when where the rules fixed a deadline: the subject's response until
 * `respond_by` (then the decision, as once they responded), the appeal until `appeal_by`.
 */
const waitingOnSql = sql`select w0.waiting_on,
    case w0.waiting_on when 'response' then c.respond_by when 'appealPeriod' then c.appeal_by end as due_at
  from (select case
    when c.closed_at is not null then null
    when c.status = 'received' then 'triage'
    when c.status = 'open' and c.notified_at is null then 'notify'
    when c.status = 'open' and c.respond_by > now()
      and not exists (select 1 from case_steps s where s.case_id = c.id and s.kind = 'response') then 'response'
    when c.status = 'open' then 'decision'
    when c.status = 'decided' and c.appeal_by >= now() then 'appealPeriod'
    when c.status = 'appealed' then 'appealDecision'
  end as waiting_on) w0`;

export async function listCases(db: Db, actor: Actor) {
  const { rows } = await sql<{
    id: number;
    category: Case['category'];
    status: Case['status'];
    subjectName: string;
    unitId: number;
    unitName: string;
    unitKind: 'cell' | 'committee';
    receivedAt: string;
    viewerRole: Case['viewerRole'];
    waitingOn: CaseWaitingOn | null;
    dueAt: string | null;
  }>`select * from (
      select c.id, c.category, c.status, p.full_name as "subjectName", u.id as "unitId", u.name as "unitName", u.kind as "unitKind",
        to_json(c.received_at) #>> '{}' as "receivedAt", ${viewerRoleSql(actor)} as "viewerRole",
        w.waiting_on as "waitingOn", to_json(w.due_at) #>> '{}' as "dueAt"
      from cases c cross join lateral (${waitingOnSql}) w join people p on p.id = c.subject_person_id join units u on u.id = c.handling_unit_id
      where c.purged_at is null
        and (c.subject_person_id = ${actor.personId ?? -1} or ${actor.handlerGrants.length > 0})
    ) x where x."viewerRole" is not null
    order by x."receivedAt" desc, x.id desc
    limit 500`.execute(db);
  await recordCaseRead(
    db,
    actor,
    rows.map((r) => r.id),
    'list',
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      category: r.category,
      status: r.status,
      subjectName: r.subjectName,
      handlingUnit: { id: r.unitId, name: r.unitName, kind: r.unitKind },
      receivedAt: r.receivedAt,
      viewerRole: r.viewerRole,
      waitingOn: r.waitingOn,
      dueAt: r.dueAt,
    })),
  };
}

/** The reporter's own reports: where each stands, never the handlers' notes. A report is the reporter's own data, not a case read. */
export async function listMyReports(db: Db, actor: Actor) {
  if (actor.personId === null) return { items: [] };
  const { rows } = await sql<{
    id: number;
    category: Case['category'];
    summary: string;
    subjectName: string;
    status: Case['status'];
    receivedAt: string;
    anonymousToSubject: boolean;
  }>`select c.id, c.category, c.summary, p.full_name as "subjectName", c.status, to_json(c.received_at) #>> '{}' as "receivedAt",
      c.anonymous_to_subject as "anonymousToSubject"
    from cases c join people p on p.id = c.subject_person_id
    where c.reporter_person_id = ${actor.personId} and c.purged_at is null
    order by c.received_at desc, c.id desc`.execute(db);
  return { items: rows };
}

/** Who read the case, when, what part: for its handlers (the first instance's and the appeal's). */
export async function listCaseReads(db: Db, actor: Actor, id: number) {
  const c = await requireCase(db, actor, id);
  if (c.viewer_role === 'subject') throw notFound('case.notFound');
  await recordCaseRead(db, actor, [id], 'reads');
  const { rows } = await sql<{ id: number; accountId: number; login: string; at: string; part: 'summary'; evidenceId: number | null }>`
    select r.id, r.account_id as "accountId", coalesce(a.login, '') as login, to_json(r.at) #>> '{}' as at, r.part, r.evidence_id as "evidenceId"
    from case_reads r left join accounts a on a.id = r.account_id
    where r.case_id = ${id} order by r.id`.execute(db);
  return { items: rows };
}

/** An evidence file, for whoever may read the case; the download is a read of its own. */
export async function getEvidenceFile(db: Db, actor: Actor, id: number, evidenceId: number) {
  await requireCase(db, actor, id);
  const { rows } = await sql<{ file_name: string; content_type: string; content: Buffer }>`
    select file_name, content_type, content from case_evidence where case_id = ${id} and id = ${evidenceId}`.execute(db);
  const row = rows[0];
  if (!row) throw notFound('attachment.notFound');
  await recordCaseRead(db, actor, [id], 'evidence', evidenceId);
  return { fileName: row.file_name, contentType: row.content_type, content: row.content };
}
