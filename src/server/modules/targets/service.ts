/**
 * Setting targets and reporting progress (issue 15, task 5; decision 0030). A committee's official sets
 * a target for a year or a quarter and may split it among the unit's children (each part a target of
 * the child, in the same family); units under the target report their own figure to date, and each
 * report moves the unit's latest report in the family when it is the newest (by day, then filing order).
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { storedAccountId } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import { canManagePath } from '../../access/actor.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts';
import type { CreateTarget, ReportProgress } from '../../../shared/schemas/targets.ts';
import { recordAudit } from '../audit/service.ts';
import { todayIso } from '../compliance/periods.ts';
import { maySeeTarget, maySetTargets } from './access.ts';
import { checkFigure, periodBounds } from './figures.ts';
import { keepMonths } from './months.ts';
import { findTarget } from './queries.ts';

/** The split's units, checked: each a child of the target's unit, open, named once. */
export async function checkSplit(trx: Db, parentId: number, split: NonNullable<CreateTarget['split']>) {
  const ids = split.map((p) => p.unitId);
  const { rows } = await sql<{ id: number; closed_on: string | null }>`
    select id::int as id, closed_on::text as closed_on from units where parent_id = ${parentId} and id = any(${ids}::bigint[])`.execute(
    trx,
  );
  const children = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<number>();
  for (const [i, part] of split.entries()) {
    const field = `split.${i}.unitId`;
    if (seen.has(part.unitId)) throw badRequest('target.splitDuplicate', { details: { field } });
    seen.add(part.unitId);
    const child = children.get(part.unitId);
    if (!child) throw badRequest('target.splitOutside', { details: { field } });
    if (child.closed_on) throw badRequest('target.splitClosed', { details: { field } });
    checkFigure(part.figure, `split.${i}.figure`);
  }
}

/** An official managing the unit sets a target for it, split among its children if asked. */
export function createTarget(db: Db, actor: Actor, unitId: number, input: CreateTarget) {
  return inTransaction(db, async (trx) => {
    const unit = await findUnitInScope(trx, actor, unitId, 'read');
    if (!unit) throw notFound('unit.notFound');
    if (!maySetTargets(actor, unit.path)) throw forbidden('target.officialsOnly');
    if (unit.closed_on) throw conflict('target.unitClosed');
    checkFigure(input.figure, 'figure');
    const split = input.split ?? [];
    await checkSplit(trx, unit.id, split);
    // The id first: a target set by its own unit is the root of its family.
    const { rows } = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('targets', 'id'))::int as id`.execute(trx);
    const id = rows[0]!.id;
    await sql`
      insert into targets (unit_id, id, root_id, year, quarter, sector, indicator, measure, figure, created_by)
      values (${unit.id}, ${id}, ${id}, ${input.year}, ${input.quarter ?? null}, ${input.sector},
        ${input.indicator}, ${input.measure}, ${input.figure}, ${storedAccountId(actor)})`.execute(trx);
    const partIds: number[] = [];
    for (const part of split) {
      const { rows: made } = await sql<{ id: number }>`
        insert into targets (unit_id, root_id, parent_id, year, quarter, sector, indicator, measure, figure, created_by)
        values (${part.unitId}, ${id}, ${id}, ${input.year}, ${input.quarter ?? null}, ${input.sector}, ${input.indicator},
          ${input.measure}, ${part.figure}, ${storedAccountId(actor)})
        returning id::int as id`.execute(trx);
      partIds.push(made[0]!.id);
    }
    const splitSum = Math.round(split.reduce((s, p) => s + p.figure, 0) * 10_000) / 10_000;
    await recordAudit(trx, actor, { action: 'target.create', entity: 'target', entityId: id, unitId: unit.id, after: input });
    return { id, splitSum, splitDifference: Math.round((splitSum - input.figure) * 10_000) / 10_000, partIds };
  });
}

/** An evidence link: an absolute https URL with a host (no other scheme is shown as a link). */
function checkEvidenceUrl(url: string): void {
  let ok = false;
  try {
    const u = new URL(url);
    ok = u.protocol === 'https:' && u.hostname !== '' && url.toLowerCase().startsWith('https://');
  } catch {
    ok = false;
  }
  if (!ok) throw badRequest('target.evidenceUrlNotHttps', { details: { field: 'evidenceUrl' } });
}

/** A unit under the target reports its figure to date; the family's latest report of the unit follows. */
export function reportProgress(db: Db, actor: Actor, targetId: number, input: ReportProgress, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const target = await findTarget(trx, targetId);
    if (!target || !maySeeTarget(actor, target.path)) throw notFound('target.notFound');
    if (target.withdrawn) throw conflict('target.withdrawn');
    const unit = await findUnitInScope(trx, actor, input.unitId, 'read');
    if (!unit) throw notFound('unit.notFound');
    if (!(unit.path === target.path || unit.path.startsWith(`${target.path}.`)))
      throw badRequest('target.unitNotUnder', { details: { field: 'unitId' } });
    if (!canManagePath(actor, unit.path)) throw forbidden('target.notYourUnit');
    if (unit.closed_on) throw conflict('target.unitClosed');
    checkFigure(input.value, 'value', true);
    if (input.evidenceUrl !== undefined) checkEvidenceUrl(input.evidenceUrl);
    const period = periodBounds(target.year, target.quarter);
    if (input.asOf > today) throw badRequest('target.asOfInFuture', { details: { field: 'asOf' } });
    if (input.asOf < period.from || input.asOf > period.to)
      throw badRequest('target.asOfOutsidePeriod', { params: period, details: { field: 'asOf' } });
    const { rows } = await sql<{ id: number }>`
      insert into target_progress (unit_id, target_id, root_id, as_of, value, note, evidence_url, reported_by, reported_by_person)
      values (${unit.id}, ${target.id}, ${target.root_id}, ${input.asOf}, ${input.value}, ${input.note ?? null},
        ${input.evidenceUrl ?? null}, ${storedAccountId(actor)}, ${actor.personId})
      returning id::int as id`.execute(trx);
    const id = rows[0]!.id;
    await sql`
      insert into target_latest (root_id, unit_id, progress_id, as_of, value)
      values (${target.root_id}, ${unit.id}, ${id}, ${input.asOf}, ${input.value})
      on conflict (root_id, unit_id) do update set progress_id = excluded.progress_id, as_of = excluded.as_of, value = excluded.value
      where (target_latest.as_of, target_latest.progress_id) < (excluded.as_of, excluded.progress_id)`.execute(trx);
    // After the upsert above, which locks the unit's row in the family: its reports do not interleave.
    await keepMonths(trx, target.root_id, unit.id, id, input.asOf);
    await recordAudit(trx, actor, {
      action: 'target.progress',
      entity: 'target',
      entityId: target.id,
      unitId: unit.id,
      after: { progressId: id, ...input },
    });
    return { id };
  });
}
