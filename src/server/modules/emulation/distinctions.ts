/**
 * Yearly distinctions (issue 15; decision 0033). A rule is data: its conditions, each a clause of one
 * set-based statement over the cells' overall verdicts of the year (`overall-months`: met every
 * standard in at least `min` months; `no-overdue-target`: no target of its own for the year ended short).
 * The eligible list is computed from the verdicts when read (so it follows the facts), stored for the
 * whole tree by `recomputeDistinctions`, and conferred by a committee's official on the cells under it.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { canManagePath, storedAccountId } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/database.ts';
import type { DistinctionCondition } from '../../db/types.ts';
import { badRequest, forbidden, notFound } from '../../errors.ts';
import { decodeCursor, pageFrom } from '../../http/pagination.ts';
import type { DistinctionItem, DistinctionQuery } from '../../../shared/schemas/emulation.ts';
import { todayIso } from '../compliance/periods.ts';
import { hasOverdueTarget } from './target-figures.ts';

type Rule = { code: string; title_en: string; title_ko: string; conditions: DistinctionCondition[]; active: boolean };

export async function listRules(db: Db) {
  const rows = await db.selectFrom('distinction_rules').selectAll().orderBy('code').execute();
  return {
    items: rows.map((r) => ({ code: r.code, titleEn: r.title_en, titleKo: r.title_ko, conditions: r.conditions, active: r.active })),
  };
}

export async function updateRule(
  db: Db,
  actor: Actor,
  code: string,
  input: { titleEn?: string; titleKo?: string; conditions?: DistinctionCondition[]; active?: boolean },
) {
  if (!actor.all) throw forbidden('distinction.centreOnly');
  const row = await db
    .updateTable('distinction_rules')
    .set({
      ...(input.titleEn ? { title_en: input.titleEn } : {}),
      ...(input.titleKo ? { title_ko: input.titleKo } : {}),
      ...(input.conditions ? { conditions: JSON.stringify(input.conditions) } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      updated_at: new Date(),
    })
    .where('code', '=', code)
    .returning('code')
    .executeTakeFirst();
  if (!row) throw notFound('distinction.notFound');
  return (await listRules(db)).items.find((r) => r.code === code)!;
}

async function findRule(db: Db, code: string): Promise<Rule> {
  const rule = await db.selectFrom('distinction_rules').selectAll().where('code', '=', code).executeTakeFirst();
  if (!rule) throw notFound('distinction.notFound');
  return rule;
}

/**
 * The rule's conditions as a HAVING clause over one cell's overall verdicts of the year (alias v).
 * "No overdue target" is judged at `today`: a target whose period has not ended is not overdue yet.
 */
function havingOf(rule: Rule, year: number, today: string): RawBuilder<unknown> {
  const parts = rule.conditions.map((c) => {
    switch (c.kind) {
      case 'overall-months':
        return sql`count(*) filter (where v.failing = 0) >= ${c.min}`;
      case 'no-overdue-target':
        return sql`not ${hasOverdueTarget(sql`v.cell_id`, year, today)}`;
    }
  });
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/**
 * The cells the rule gives the distinction in `year`, with the months they met every standard: one
 * aggregate over the '*' verdicts of the year's months, under `path` (the verdicts' path index) or
 * everywhere.
 */
export function eligibleCells(
  rule: Rule,
  year: number,
  path: string | null,
  today = todayIso(),
): RawBuilder<{ cell_id: number; months_met: number }> {
  return sql<{ cell_id: number; months_met: number }>`
    select v.cell_id, (count(*) filter (where v.failing = 0))::int as months_met
    from cell_compliance v
    where v.standard_code = '*' and v.period >= ${`${year}-01-01`}::date and v.period < ${`${year + 1}-01-01`}::date
      ${path === null ? sql`` : sql`and v.path <@ ${path}::ltree`}
    group by v.cell_id
    having ${havingOf(rule, year, today)}`;
}

/** Stores a year's eligible cells for one rule, for the whole tree, in one statement; answers how many. */
export async function recomputeDistinctions(db: Db, year: number, code = 'model-cell'): Promise<number> {
  return inTransaction(db, async (trx) => {
    const rule = await findRule(trx, code);
    await sql`delete from distinction_eligibility where year = ${year} and distinction = ${code}`.execute(trx);
    const res = await sql`insert into distinction_eligibility (cell_id, year, distinction, months_met)
      select e.cell_id, ${year}, ${code}, e.months_met from (${eligibleCells(rule, year, null)}) e`.execute(trx);
    return Number(res.numAffectedRows ?? 0);
  });
}

type ItemRow = { cell_id: number; name: string; months_met: number; conferred_on: string | null };

/**
 * The cells under a unit (or the cell itself) the rule gives the distinction in the year, and those
 * conferred on: each once, conferred first by name. Read by whoever reads the unit.
 */
export async function listDistinctions(db: Db, actor: Actor, unitId: number, q: DistinctionQuery) {
  const unit = await findUnitInScope(db, actor, unitId);
  if (!unit) throw notFound('unit.notFound');
  const rule = await findRule(db, q.distinction ?? 'model-cell');
  const after = decodeCursor(q.cursor);
  const { rows } = await sql<ItemRow>`
    with e as (${eligibleCells(rule, q.year, unit.path)}),
    k as (select cell_id, conferred_on::text, months_met from distinction_conferrals
          where year = ${q.year} and distinction = ${rule.code} and revoked_at is null
            and cell_id in (select id from units where path <@ ${unit.path}::ltree and kind = 'cell')),
    both_ as (select coalesce(k.cell_id, e.cell_id) as cell_id, coalesce(e.months_met, k.months_met) as months_met, k.conferred_on
              from e full join k on k.cell_id = e.cell_id)
    select b.cell_id, u.name, b.months_met, b.conferred_on
    from both_ b join units u on u.id = b.cell_id
    where true
      ${q.status === 'conferred' ? sql`and b.conferred_on is not null` : q.status === 'eligible' ? sql`and b.conferred_on is null` : sql``}
      ${after ? sql`and (u.name, u.id) > (${after[0]}, ${after[1]})` : sql``}
    order by u.name, u.id limit ${q.limit + 1}`.execute(db);
  const page = pageFrom(rows, q.limit, (r) => [r.name, Number(r.cell_id)]);
  const items: DistinctionItem[] = page.items.map((r) => ({
    unitId: Number(r.cell_id),
    name: r.name,
    distinction: rule.code,
    titleEn: rule.title_en,
    titleKo: rule.title_ko,
    status: r.conferred_on ? 'conferred' : 'eligible',
    monthsMet: Number(r.months_met),
    conferredOn: r.conferred_on,
  }));
  return { items, nextCursor: page.nextCursor };
}

/** The committee whose official confers under it: managed by the actor, a committee. */
async function conferringCommittee(db: Db, actor: Actor, unitId: number) {
  const unit = await findUnitInScope(db, actor, unitId);
  if (!unit) throw notFound('unit.notFound');
  if (unit.kind === 'cell' || !canManagePath(actor, unit.path)) throw forbidden('distinction.committeesOnly');
  const official =
    actor.all ||
    actor.grants.some(
      (g) =>
        g.role === 'official' && g.access === 'manage' && g.path !== null && (unit.path === g.path || unit.path.startsWith(`${g.path}.`)),
    );
  if (!official) throw forbidden('distinction.committeesOnly');
  return unit;
}

/**
 * Confers the distinction on cells under the committee for the year: the rule, re-judged on the
 * verdicts in this transaction, must give it to every one of them (else 400, nothing saved); cells
 * already holding it are left as they are. Without `cellIds`, every eligible cell not yet conferred.
 */
export async function conferDistinction(db: Db, actor: Actor, unitId: number, code: string, input: { year: number; cellIds?: number[] }) {
  return inTransaction(db, async (trx) => {
    const unit = await conferringCommittee(trx, actor, unitId);
    const rule = await findRule(trx, code);
    if (!rule.active) throw badRequest('distinction.notEligible');
    const eligible = new Map(
      (await eligibleCells(rule, input.year, unit.path).execute(trx)).rows.map((r) => [Number(r.cell_id), Number(r.months_met)]),
    );
    const wanted = input.cellIds ? [...new Set(input.cellIds)] : [...eligible.keys()];
    const refused = wanted.filter((id) => !eligible.has(id));
    if (refused.length) throw badRequest('distinction.notEligible', { details: { cellIds: refused } });
    if (wanted.length === 0) return { cellIds: [] };
    const rows = await sql<{ cell_id: number }>`
      insert into distinction_conferrals (cell_id, year, distinction, conferred_by_unit, conferred_by, months_met)
      select x.cell_id, ${input.year}, ${code}, ${unit.id}, ${storedAccountId(actor)}, x.months_met
      from unnest(${wanted}::bigint[], ${wanted.map((id) => eligible.get(id)!)}::int[]) as x(cell_id, months_met)
      on conflict (cell_id, year, distinction) do update
        set conferred_by_unit = excluded.conferred_by_unit, conferred_by = excluded.conferred_by, conferred_on = current_date,
            months_met = excluded.months_met, revoked_at = null, revoked_by = null
        where distinction_conferrals.revoked_at is not null
      returning cell_id`.execute(trx);
    return { cellIds: rows.rows.map((r) => Number(r.cell_id)).sort((a, b) => a - b) };
  });
}

/** Revokes conferrals on cells under the committee (kept, marked revoked); a cell without one is 400. */
export async function revokeDistinction(db: Db, actor: Actor, unitId: number, code: string, input: { year: number; cellIds: number[] }) {
  return inTransaction(db, async (trx) => {
    const unit = await conferringCommittee(trx, actor, unitId);
    await findRule(trx, code);
    const ids = [...new Set(input.cellIds)];
    const rows = await sql<{ cell_id: number }>`
      update distinction_conferrals k set revoked_at = now(), revoked_by = ${storedAccountId(actor)}
      from units u
      where u.id = k.cell_id and u.path <@ ${unit.path}::ltree and k.cell_id = any(${ids}::bigint[])
        and k.year = ${input.year} and k.distinction = ${code} and k.revoked_at is null
      returning k.cell_id`.execute(trx);
    if (rows.rows.length !== ids.length) throw badRequest('distinction.notEligible');
    return { cellIds: rows.rows.map((r) => Number(r.cell_id)).sort((a, b) => a - b) };
  });
}
