/**
 * The SQL of targets (decision 0030). `achieved` of a target is the sum of its family's latest reports
 * (`target_latest`, one row per unit and family) of the units lying under the target's unit in the
 * current tree: a primary-key range of the family joined to `units` by id.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { pathInScope } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';

export type TargetRow = {
  id: number;
  unit_id: number;
  unit_name: string;
  path: string;
  root_id: number;
  parent_id: number | null;
  year: number;
  quarter: number | null;
  sector: string;
  indicator: string;
  measure: string;
  figure: number;
};

const targetColumns = sql`t.id::int as id, t.unit_id::int as unit_id, tu.name as unit_name, tu.path::text as path,
  t.root_id::int as root_id, t.parent_id::int as parent_id, t.year, t.quarter, t.sector, t.indicator, t.measure,
  t.figure::float8 as figure`;

/** The sum of the family's latest reports under the unit at `path` (an SQL expression). */
export const achievedUnder = (rootId: RawBuilder<unknown> | number, path: RawBuilder<unknown> | string) => sql<number>`(
  select coalesce(sum(l.value), 0)::float8 from target_latest l join units u on u.id = l.unit_id
  where l.root_id = ${rootId} and u.path <@ ${path}::ltree)`;

/** The target `id` with its unit's name and path. */
export async function findTarget(db: Db, id: number): Promise<TargetRow | undefined> {
  const { rows } =
    await sql<TargetRow>`select ${targetColumns} from targets t join units tu on tu.id = t.unit_id where t.id = ${id}`.execute(db);
  return rows[0];
}

export type PartRow = {
  parent_id: number;
  id: number;
  unit_id: number;
  unit_name: string;
  unit_kind: string;
  figure: number;
  achieved: number;
  reports: number;
  last_as_of: string | null;
};

export type TargetWithFigures = TargetRow & { achieved: number; split_sum: number | null; parts: PartRow[] };

/**
 * A unit's targets for a year, each with its achieved figure, its split's sum and its split parts with
 * theirs: one statement. The query campaigns and distinctions read (with `figuresAt` for the status).
 */
export async function unitTargetsOfYear(db: Db, unitId: number, year: number): Promise<TargetWithFigures[]> {
  const { rows } = await sql<TargetWithFigures>`
    select ${targetColumns}, ${achievedUnder(sql`t.root_id`, sql`tu.path`)} as achieved,
      p.split_sum, coalesce(p.parts, '[]'::json) as parts
    from targets t join units tu on tu.id = t.unit_id
    cross join lateral (
      select sum(c.figure)::float8 as split_sum, json_agg(json_build_object(
        'parent_id', c.parent_id, 'id', c.id, 'unit_id', c.unit_id, 'unit_name', cu.name, 'unit_kind', cu.kind,
        'figure', c.figure::float8, 'achieved', ${achievedUnder(sql`c.root_id`, sql`cu.path`)},
        'reports', 0, 'last_as_of', null) order by cu.name, c.id) as parts
      from targets c join units cu on cu.id = c.unit_id where c.parent_id = t.id) p
    where t.unit_id = ${unitId} and t.year = ${year}
    order by t.sector, t.indicator, t.quarter nulls first, t.id`.execute(db);
  return rows.map((r) => ({ ...r, parts: r.parts.map((p) => ({ ...p, id: Number(p.id), unit_id: Number(p.unit_id) })) }));
}

/**
 * The family's latest reports under the target's unit, summed per child unit (and the unit's own, as
 * its own row), restricted to what the actor reads.
 */
export async function achievedByChild(db: Db, actor: Actor, t: TargetRow) {
  const { rows } = await sql<{
    unit_id: number;
    unit_name: string;
    unit_kind: string;
    achieved: number;
    reports: number;
    last_as_of: string | null;
  }>`
    with per as (
      select case when nlevel(u.path) = nlevel(${t.path}::ltree) then u.path else subpath(u.path, 0, nlevel(${t.path}::ltree) + 1) end as child,
        l.value, l.as_of
      from target_latest l join units u on u.id = l.unit_id
      where l.root_id = ${t.root_id} and u.path <@ ${t.path}::ltree and ${pathInScope(actor, 'u.path')})
    select c.id::int as unit_id, c.name as unit_name, c.kind as unit_kind, sum(per.value)::float8 as achieved,
      count(*)::int as reports, max(per.as_of)::text as last_as_of
    from per join units c on c.path = per.child
    group by c.id, c.name, c.kind order by c.name`.execute(db);
  return rows;
}

/** The target's split parts (targets of its child units), with what the actor may see of them. */
export async function splitParts(db: Db, actor: Actor, targetId: number) {
  const { rows } = await sql<{ id: number; unit_id: number; unit_name: string; unit_kind: string; figure: number; path: string }>`
    select c.id::int as id, c.unit_id::int as unit_id, cu.name as unit_name, cu.kind as unit_kind, c.figure::float8 as figure, cu.path::text as path
    from targets c join units cu on cu.id = c.unit_id
    where c.parent_id = ${targetId} and ${pathInScope(actor, 'cu.path')} order by cu.name`.execute(db);
  return rows;
}

/** Achieved over time: at each report day, the sum of each unit's latest report by then (under the target's unit, in the actor's view). */
export async function achievedOverTime(db: Db, actor: Actor, t: TargetRow) {
  const { rows } = await sql<{ on: string; achieved: number }>`
    with r as (
      select p.as_of, p.value - coalesce(lag(p.value) over (partition by p.unit_id order by p.as_of, p.id), 0) as delta
      from target_progress p join units u on u.id = p.unit_id
      where p.root_id = ${t.root_id} and u.path <@ ${t.path}::ltree and ${pathInScope(actor, 'u.path')})
    select as_of::text as on, (sum(sum(delta)) over (order by as_of))::float8 as achieved from r group by as_of order by as_of`.execute(db);
  return rows;
}

/** The targets the unit at `path` may report on for a year: its own and its ancestors', with its latest report in each family. */
export async function reportableTargets(db: Db, unitId: number, path: string, year: number) {
  const { rows } = await sql<TargetRow & { last_value: number | null; last_as_of: string | null }>`
    select ${targetColumns}, l.value::float8 as last_value, l.as_of::text as last_as_of
    from units tu join targets t on t.unit_id = tu.id and t.year = ${year}
    left join target_latest l on l.root_id = t.root_id and l.unit_id = ${unitId}
    where tu.path @> ${path}::ltree
      -- A target split further down towards this unit is reported on through its part.
      and not exists (select 1 from targets c join units cu on cu.id = c.unit_id where c.parent_id = t.id and cu.path @> ${path}::ltree)
    order by nlevel(tu.path), t.sector, t.indicator, t.id`.execute(db);
  return rows;
}
