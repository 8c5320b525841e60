/**
 * Directives: drafts, publication (the fan-out is a job sent in the publishing transaction),
 * withdrawal with history kept. Reading and acknowledging are in deliveries.ts, reach in reach.ts.
 */
import { sql } from 'kysely';
import type PgBoss from 'pg-boss';
import type { Actor } from '../../access/actor.ts';
import { directiveVisible, issuingRoots, mayManageDirective, requireDirective, type ScopedDirective } from '../../access/directives.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { AppError, badRequest, conflict, notFound } from '../../errors.ts';
import type { CreateDirective, Directive, DirectiveStatus, UpdateDirective } from '../../../shared/schemas/directives.ts';
import { sanitizeRichText } from '../../rich-text.ts';
import { recordAudit } from '../audit/service.ts';
import { listAttachments } from './attachments.ts';
import { enqueueFanOut } from './fanout.ts';
import { rebriefColumns, rebriefOf } from './rounds.ts';

type TargetUnit = { id: number; path: string; name: string; kind: string; parent_id: number | null };

/** The target units, each in a subtree the actor issues to; any other id is `unit.notFound` (404), as anything out of scope. */
async function resolveTargets(db: Db, actor: Actor, unitIds: number[]): Promise<TargetUnit[]> {
  const ids = [...new Set(unitIds)];
  const roots = issuingRoots(actor);
  if (roots !== 'all' && roots.length === 0) throw notFound('unit.notFound');
  const { rows } = await sql<TargetUnit>`select id, path::text as path, name, kind, parent_id from units
    where id = any(${ids}::bigint[]) and closed_on is null
      and (${roots === 'all'} or path <@ any(${roots === 'all' ? [] : roots}::ltree[]))`.execute(db);
  if (rows.length !== ids.length) {
    const found = new Set(rows.map((r) => Number(r.id)));
    throw notFound('unit.notFound', { details: { unitIds: ids.filter((id) => !found.has(id)) } });
  }
  return rows;
}

/** The committee issuing: the one given (managed, above every target), else the actor's deepest issuing grant above them all (the root for administrators). */
async function resolveIssuer(db: Db, actor: Actor, targets: TargetUnit[], issuingUnitId: number | undefined): Promise<number> {
  const under = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
  const roots = issuingRoots(actor);
  if (issuingUnitId !== undefined) {
    const unit = await db
      .selectFrom('units')
      .select(['id', sql<string>`path::text`.as('path')])
      .where('id', '=', issuingUnitId)
      .executeTakeFirst();
    if (!unit || (roots !== 'all' && !roots.some((r) => under(unit.path, r)))) throw notFound('unit.notFound');
    if (!targets.every((t) => under(t.path, unit.path))) throw badRequest('directive.targetOutsideIssuer');
    return Number(unit.id);
  }
  if (roots === 'all') {
    const root = await db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    return Number(root.id);
  }
  const covering = roots.filter((r) => targets.every((t) => under(t.path, r))).sort((a, b) => b.length - a.length)[0];
  if (covering) return Number(covering.split('.').pop());
  // Targets under two of the actor's grants: the deepest committee above them all.
  const labels = targets.map((t) => t.path.split('.'));
  let depth = 0;
  while (labels.every((l) => l[depth] !== undefined && l[depth] === labels[0]![depth])) depth++;
  return Number(labels[0]![depth - 1]);
}

const orNull = <T>(xs: T[] | undefined) => (xs && xs.length > 0 ? [...new Set(xs)] : null);

export async function createDirective(db: Db, actor: Actor, input: CreateDirective): Promise<Directive> {
  const id = await inTransaction(db, async (trx) => {
    const targets = await resolveTargets(trx, actor, input.target.unitIds);
    const issuer = await resolveIssuer(trx, actor, targets, input.issuingUnitId);
    const row = await trx
      .insertInto('directives')
      .values({
        issuing_unit_id: issuer,
        title: input.title,
        body: sanitizeRichText(input.body),
        target_unit_ids: targets.map((t) => Number(t.id)),
        target_sectors: orNull(input.target.sectors),
        target_roles: orNull(input.target.roles),
        acknowledge_within_days: input.acknowledgeWithinDays ?? null,
        ...rebriefColumns(input.rebrief),
        created_by: actor.accountId || null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'directive.create',
      entity: 'directive',
      entityId: row.id,
      after: { title: input.title },
      unitId: issuer,
    });
    return Number(row.id);
  });
  return getDirective(db, actor, id);
}

export async function updateDirective(db: Db, actor: Actor, id: number, input: UpdateDirective): Promise<Directive> {
  await inTransaction(db, async (trx) => {
    const d = await lockDraft(trx, actor, id);
    const targets = input.target ? await resolveTargets(trx, actor, input.target.unitIds) : undefined;
    if (targets && !targets.every((t) => t.path === d.issuing_path || t.path.startsWith(`${d.issuing_path}.`))) {
      throw badRequest('directive.targetOutsideIssuer');
    }
    await trx
      .updateTable('directives')
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.body !== undefined ? { body: sanitizeRichText(input.body) } : {}),
        ...(targets && input.target
          ? {
              target_unit_ids: targets.map((t) => Number(t.id)),
              target_sectors: orNull(input.target.sectors),
              target_roles: orNull(input.target.roles),
            }
          : {}),
        ...(input.acknowledgeWithinDays !== undefined ? { acknowledge_within_days: input.acknowledgeWithinDays } : {}),
        ...(input.rebrief !== undefined ? rebriefColumns(input.rebrief) : {}),
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
  });
  return getDirective(db, actor, id);
}

export async function lockDraft(trx: Db, actor: Actor, id: number): Promise<ScopedDirective<'manage'>> {
  const d = await requireDirective(trx, actor, id, 'manage');
  const { status } = await trx.selectFrom('directives').select('status').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  if (status !== 'draft') throw conflict('directive.notDraft');
  return d;
}

/**
 * Publishes a draft: round 1 opens now with its deadline (the last day in the organization's time zone),
 * and the fan-out job is sent in the same transaction. 202: deliveries follow in the background.
 */
export async function publishDirective(db: Db, boss: PgBoss | undefined, actor: Actor, id: number, timeZone: string): Promise<Directive> {
  // Publishing sends the fan-out job in its transaction; a server started without its queue cannot.
  if (!boss) throw new AppError('service_unavailable', 'server.noJobQueue');
  await inTransaction(db, async (trx) => {
    const d = await lockDraft(trx, actor, id);
    await sql`update directives set status = 'published', published_at = now(), published_by = ${actor.accountId || null}, updated_at = now()
      where id = ${id}`.execute(trx);
    const days = d.acknowledge_within_days;
    await sql`insert into directive_rounds (directive_id, round, opened_at, deadline_on, deadline)
      select ${id}::bigint, 1, now(), day, ((day + 1)::timestamp at time zone ${timeZone})
      from (select case when ${days}::int is null then null else (now() at time zone ${timeZone})::date + ${days}::int end as day) x`.execute(
      trx,
    );
    await enqueueFanOut(boss, trx, id, 1);
    await recordAudit(trx, actor, { action: 'directive.publish', entity: 'directive', entityId: id, unitId: d.issuing_unit_id });
  });
  return getDirective(db, actor, id);
}

/** Withdraws a published directive: acknowledgments stop (409), every delivery and figure stays. */
export async function withdrawDirective(db: Db, actor: Actor, id: number): Promise<Directive> {
  await inTransaction(db, async (trx) => {
    const d = await requireDirective(trx, actor, id, 'manage');
    const { status } = await trx.selectFrom('directives').select('status').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (status !== 'published') throw conflict('directive.notPublished');
    await sql`update directives set status = 'withdrawn', withdrawn_at = now(), withdrawn_by = ${actor.accountId || null}, updated_at = now()
      where id = ${id}`.execute(trx);
    await recordAudit(trx, actor, { action: 'directive.withdraw', entity: 'directive', entityId: id, unitId: d.issuing_unit_id });
  });
  return getDirective(db, actor, id);
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function getDirective(db: Db, actor: Actor, id: number): Promise<Directive> {
  const d = await requireDirective(db, actor, id);
  const [units, rounds, mine, attachments] = await Promise.all([
    db
      .selectFrom('units')
      .select(['id', 'name', 'kind'])
      .where('id', 'in', d.target_unit_ids.length ? d.target_unit_ids.map(Number) : [0])
      .orderBy('name')
      .execute(),
    db.selectFrom('directive_rounds').selectAll().where('directive_id', '=', id).orderBy('round').execute(),
    actor.personId === null
      ? undefined
      : db
          .selectFrom('directive_deliveries')
          .select(['round', 'acknowledged_at', 'briefed_on'])
          .where('directive_id', '=', id)
          .where('person_id', '=', actor.personId)
          .orderBy('round', 'desc')
          .executeTakeFirst(),
    listAttachments(db, id),
  ]);
  return {
    id: Number(d.id),
    title: d.title,
    body: d.body,
    status: d.status as DirectiveStatus,
    issuingUnit: { id: Number(d.issuing_unit_id), name: d.issuing_name },
    target: {
      unitIds: d.target_unit_ids.map(Number),
      units: units.map((u) => ({ id: Number(u.id), name: u.name, kind: u.kind })),
      sectors: d.target_sectors ?? [],
      roles: d.target_roles ?? [],
    },
    acknowledgeWithinDays: d.acknowledge_within_days,
    rebrief: rebriefOf(d),
    createdAt: iso(d.created_at)!,
    publishedAt: iso(d.published_at),
    withdrawnAt: iso(d.withdrawn_at),
    rounds: rounds.map((r) => ({ round: r.round, openedAt: iso(r.opened_at)!, deadlineOn: r.deadline_on, fanOut: r.fanout_state })),
    attachments,
    canManage: mayManageDirective(actor, d),
    mine: mine ? { round: mine.round, acknowledgedAt: iso(mine.acknowledged_at), briefedOn: mine.briefed_on } : null,
  };
}

/** The directives the actor may see, newest first. */
export async function listDirectives(db: Db, actor: Actor, q: { status?: DirectiveStatus; limit: number }) {
  let query = db
    .selectFrom('directives as d')
    .innerJoin('units as iu', 'iu.id', 'd.issuing_unit_id')
    .select(['d.id', 'd.title', 'd.status', 'd.created_at', 'd.published_at', 'iu.id as unit_id', 'iu.name as unit_name'])
    .where(directiveVisible(actor))
    .orderBy('d.id', 'desc')
    .limit(q.limit);
  if (q.status) query = query.where('d.status', '=', q.status);
  const rows = await query.execute();
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      title: r.title,
      status: r.status as DirectiveStatus,
      issuingUnit: { id: Number(r.unit_id), name: r.unit_name },
      createdAt: iso(r.created_at)!,
      publishedAt: iso(r.published_at),
    })),
  };
}
