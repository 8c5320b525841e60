/**
 * Editing and withdrawing a target (issue 15; decision 0030, "Edit and withdrawal"). Its setter (an
 * official managing its unit, or the centre) changes the figure, the unit of measure (the family's:
 * parts measure the same thing) or the split while the period runs; withdrawing takes the target and
 * the parts split from it out of lists and sums. Reports stay: they are the units' progress in the
 * family. Every change is audited with what it was before.
 */
import { sql } from 'kysely';
import { storedAccountId, type Actor } from '../../access/actor.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { conflict, forbidden, notFound } from '../../errors.ts';
import type { EditTarget, WithdrawTarget } from '../../../shared/schemas/targets.ts';
import { recordAudit } from '../audit/service.ts';
import { todayIso } from '../compliance/periods.ts';
import { maySeeTarget, maySetTargets } from './access.ts';
import { checkFigure, periodBounds } from './figures.ts';
import { findTarget, type TargetRow } from './queries.ts';
import { checkSplit } from './service.ts';

/** The target, locked, that the actor may change: seen (else 404), theirs to set (403), running and not withdrawn (409). */
async function changeableTarget(trx: Db, actor: Actor, id: number, today: string): Promise<TargetRow> {
  await sql`select 1 from targets where id = ${id} for update`.execute(trx);
  const t = await findTarget(trx, id);
  if (!t || !maySeeTarget(actor, t.path)) throw notFound('target.notFound');
  if (!maySetTargets(actor, t.path)) throw forbidden('target.officialsOnly');
  if (t.withdrawn) throw conflict('target.withdrawn');
  if (today > periodBounds(t.year, t.quarter).to) throw conflict('target.periodEnded');
  return t;
}

type Part = { id: number; unit_id: number; figure: number };

/** The split as asked: parts of units named get the new figure, new units a new part, parts left out are withdrawn. */
async function resplit(trx: Db, actor: Actor, t: TargetRow, figureOf: Map<number, number>): Promise<Part[]> {
  const { rows: parts } = await sql<Part>`
    select id::int as id, unit_id::int as unit_id, figure::float8 as figure from targets
    where parent_id = ${t.id} and withdrawn_at is null for update`.execute(trx);
  const byUnit = new Map(parts.map((p) => [p.unit_id, p]));
  for (const p of parts) {
    const figure = figureOf.get(p.unit_id);
    if (figure === undefined) await withdrawUnder(trx, actor, p.id);
    else if (figure !== p.figure) await sql`update targets set figure = ${figure}, updated_at = now() where id = ${p.id}`.execute(trx);
  }
  for (const [unitId, figure] of figureOf) {
    if (byUnit.has(unitId)) continue;
    await sql`
      insert into targets (unit_id, root_id, parent_id, year, quarter, sector, indicator, measure, figure, created_by)
      select ${unitId}, root_id, id, year, quarter, sector, indicator, measure, ${figure}, ${storedAccountId(actor)}
      from targets where id = ${t.id}`.execute(trx);
  }
  return parts;
}

/** The setter changes the figure, the measure or the split of a running target. */
export function editTarget(db: Db, actor: Actor, id: number, input: EditTarget, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const t = await changeableTarget(trx, actor, id, today);
    if (input.figure !== undefined) checkFigure(input.figure, 'figure');
    if (input.split) await checkSplit(trx, t.unit_id, input.split);
    const figure = input.figure ?? t.figure;
    await sql`update targets set figure = ${figure}, updated_at = now() where id = ${t.id}`.execute(trx);
    // The family measures one thing: a new unit of measure applies to every target in it.
    if (input.measure !== undefined && input.measure !== t.measure)
      await sql`update targets set measure = ${input.measure}, updated_at = now() where root_id = ${t.root_id}`.execute(trx);
    const partsBefore = input.split ? await resplit(trx, actor, t, new Map(input.split.map((p) => [p.unitId, p.figure]))) : undefined;
    const { rows } = await sql<{ s: number | null }>`
      select sum(figure)::float8 as s from targets where parent_id = ${t.id} and withdrawn_at is null`.execute(trx);
    const splitSum = Math.round((rows[0]?.s ?? 0) * 10_000) / 10_000;
    await recordAudit(trx, actor, {
      action: 'target.update',
      entity: 'target',
      entityId: t.id,
      unitId: t.unit_id,
      before: { figure: t.figure, measure: t.measure, split: partsBefore?.map((p) => ({ unitId: p.unit_id, figure: p.figure })) },
      after: input,
    });
    return { id: t.id, splitSum, splitDifference: Math.round((splitSum - figure) * 10_000) / 10_000 };
  });
}

/** Withdraws the target and every part split from it (the family's targets under its unit not yet withdrawn). */
async function withdrawUnder(trx: Db, actor: Actor, id: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    update targets w set withdrawn_at = now(), withdrawn_by = ${storedAccountId(actor)}, updated_at = now()
    from targets t join units tu on tu.id = t.unit_id, units wu
    where t.id = ${id} and w.root_id = t.root_id and wu.id = w.unit_id and wu.path <@ tu.path
      and w.withdrawn_at is null and (w.id = t.id or w.parent_id is not null)
    returning w.id::int as id`.execute(trx);
  return rows.map((r) => r.id);
}

/** The setter withdraws a running target: out of lists and sums, kept (with its reports) for the record. */
export function withdrawTarget(db: Db, actor: Actor, id: number, input: WithdrawTarget, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const t = await changeableTarget(trx, actor, id, today);
    const withdrawn = await withdrawUnder(trx, actor, t.id);
    await recordAudit(trx, actor, {
      action: 'target.withdraw',
      entity: 'target',
      entityId: t.id,
      unitId: t.unit_id,
      before: { withdrawn: false },
      after: { withdrawn: true, reason: input.reason ?? null, targets: withdrawn },
    });
    return { id: t.id };
  });
}
