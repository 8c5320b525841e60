/**
 * The SQL of targets (decision 0030). `achieved` of a target is the sum of its family's latest reports
 * of the units lying under the target's unit in the current tree, read from the rows kept per month for
 * the family and the unit (`target_months`, months.ts): a primary-key range of at most 12 rows.
 */
import { sql, type RawBuilder } from 'kysely';
import { canReadPath, type Actor } from '../../access/actor.ts';
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
  withdrawn: boolean;
  withdrawn_at: string | null;
};

const targetColumns = sql`t.id::int as id, t.unit_id::int as unit_id, tu.name as unit_name, tu.path::text as path,
  t.root_id::int as root_id, t.parent_id::int as parent_id, t.year, t.quarter, t.sector, t.indicator, t.measure,
  t.figure::float8 as figure, t.withdrawn_at is not null as withdrawn,
  to_char(t.withdrawn_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as withdrawn_at`;

/** The sum of the family's latest reports under the unit `unitId` (an SQL expression): its kept monthly changes, summed. */
export const achievedUnder = (rootId: RawBuilder<unknown> | number, unitId: RawBuilder<unknown> | number) => sql<number>`(
  select coalesce(sum(m.value), 0)::float8 from target_months m where m.root_id = ${rootId} and m.unit_id = ${unitId})`;

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
    select ${targetColumns}, ${achievedUnder(sql`t.root_id`, sql`t.unit_id`)} as achieved,
      p.split_sum, coalesce(p.parts, '[]'::json) as parts
    from targets t join units tu on tu.id = t.unit_id
    cross join lateral (
      select sum(c.figure)::float8 as split_sum, json_agg(json_build_object(
        'parent_id', c.parent_id, 'id', c.id, 'unit_id', c.unit_id, 'unit_name', cu.name, 'unit_kind', cu.kind,
        'figure', c.figure::float8, 'achieved', ${achievedUnder(sql`c.root_id`, sql`c.unit_id`)},
        'reports', 0, 'last_as_of', null) order by cu.name, c.id) as parts
      from targets c join units cu on cu.id = c.unit_id where c.parent_id = t.id and c.withdrawn_at is null) p
    where t.unit_id = ${unitId} and t.year = ${year} and t.withdrawn_at is null
    order by t.sector, t.indicator, t.quarter nulls first, t.id`.execute(db);
  return rows.map((r) => ({ ...r, parts: r.parts.map((p) => ({ ...p, id: Number(p.id), unit_id: Number(p.unit_id) })) }));
}

type ChildRow = { unit_id: number; unit_name: string; unit_kind: string; achieved: number; reports: number; last_as_of: string | null };

/** The subtree roots under (or at) the target's unit that the actor reads, none covering another: whom a partial reader's figures sum. */
export function readRootsUnder(actor: Actor, path: string): string[] {
  const under = actor.readPaths.filter((r) => r === path || r.startsWith(`${path}.`));
  return under.filter((r) => !under.some((o) => o !== r && r.startsWith(`${o}.`)));
}

const lastLabel = (path: string) => Number(path.slice(path.lastIndexOf('.') + 1));

/**
 * The family's latest reports under the target's unit, summed per child unit (and the unit's own, as
 * its own row). A reader of the whole unit gets the kept monthly rows of each child (an index range
 * per child); a partial reader (a secretary under a district's target) the latest reports of what they
 * read, grouped by the child's id taken from the path (no per-row join on paths).
 */
export async function achievedByChild(db: Db, actor: Actor, t: TargetRow): Promise<ChildRow[]> {
  if (canReadPath(actor, t.path)) {
    const { rows } = await sql<ChildRow>`
      select c.id::int as unit_id, c.name as unit_name, c.kind as unit_kind, k.achieved, k.reports, k.last_as_of
      from units c cross join lateral (
        select sum(m.value)::float8 as achieved, sum(m.reporters)::int as reports, max(m.last_as_of)::text as last_as_of
        from target_months m where m.root_id = ${t.root_id} and m.unit_id = c.id) k
      where c.parent_id = ${t.unit_id} and k.reports > 0
      union all
      select u.id::int, u.name, u.kind, l.value::float8, 1, l.as_of::text
      from target_latest l join units u on u.id = l.unit_id where l.root_id = ${t.root_id} and l.unit_id = ${t.unit_id}
      order by unit_name`.execute(db);
    return rows;
  }
  const depth = t.path.split('.').length;
  const roots = readRootsUnder(actor, t.path);
  if (roots.length === 0) return [];
  const { rows } = await sql<ChildRow>`
    with per as (
      select coalesce(nullif(split_part(u.path::text, '.', ${depth + 1}), '')::bigint, ${t.unit_id}) as child, l.value, l.as_of
      from target_latest l join units u on u.id = l.unit_id
      where l.root_id = ${t.root_id} and u.path <@ any(${roots}::ltree[]))
    select c.id::int as unit_id, c.name as unit_name, c.kind as unit_kind, sum(per.value)::float8 as achieved,
      count(*)::int as reports, max(per.as_of)::text as last_as_of
    from per join units c on c.id = per.child
    group by c.id, c.name, c.kind order by c.name`.execute(db);
  return rows;
}

/** The target's split parts (targets of its child units), with what the actor may see of them. */
export async function splitParts(db: Db, actor: Actor, targetId: number) {
  const { rows } = await sql<{ id: number; unit_id: number; unit_name: string; unit_kind: string; figure: number; path: string }>`
    select c.id::int as id, c.unit_id::int as unit_id, cu.name as unit_name, cu.kind as unit_kind, c.figure::float8 as figure, cu.path::text as path
    from targets c join units cu on cu.id = c.unit_id
    where c.parent_id = ${targetId} and c.withdrawn_at is null and ${pathInScope(actor, 'cu.path')} order by cu.name`.execute(db);
  return rows;
}

/**
 * Achieved over time: at each month with reports, the sum of each unit's latest report by its end (in
 * the actor's view), dated by the month's newest report: the running sum of the kept monthly rows of
 * the target's unit (or of the subtrees the actor reads under it), at most 12 rows each.
 */
export async function achievedOverTime(db: Db, actor: Actor, t: TargetRow) {
  const units = canReadPath(actor, t.path) ? [t.unit_id] : readRootsUnder(actor, t.path).map(lastLabel);
  if (units.length === 0) return [];
  const { rows } = await sql<{ on: string; achieved: number }>`
    select max(last_as_of)::text as on, (sum(sum(value)) over (order by month))::float8 as achieved
    from target_months where root_id = ${t.root_id} and unit_id = any(${units}::bigint[])
    group by month order by month`.execute(db);
  return rows;
}

/** The targets the unit at `path` may report on for a year: its own and its ancestors', with its latest report in each family. */
export async function reportableTargets(db: Db, unitId: number, path: string, year: number) {
  const { rows } = await sql<TargetRow & { last_value: number | null; last_as_of: string | null }>`
    select ${targetColumns}, l.value::float8 as last_value, l.as_of::text as last_as_of
    from units tu join targets t on t.unit_id = tu.id and t.year = ${year} and t.withdrawn_at is null
    left join target_latest l on l.root_id = t.root_id and l.unit_id = ${unitId}
    where tu.path @> ${path}::ltree
      -- A target split further down towards this unit is reported on through its part.
      and not exists (select 1 from targets c join units cu on cu.id = c.unit_id where c.parent_id = t.id and c.withdrawn_at is null and cu.path @> ${path}::ltree)
    order by nlevel(tu.path), t.sector, t.indicator, t.id`.execute(db);
  return rows;
}
