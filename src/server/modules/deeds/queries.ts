/** The SQL of deeds: a deed with its cell, its people, its recorder and publication; a cell's list; a member's board. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** A deed's columns as the API shows them (aliases: d the deed, u its cell). */
const deedColumns = sql`d.id, d.cell_id, u.name as cell_name, u.path::text as path, d.title, d.description, d.done_on::text as done_on,
  d.witnesses, d.published_unit_id, d.published_path::text as published_path, d.published_at,
  coalesce(ru.id, u.id) as recorder_id, coalesce(ru.name, u.name) as recorder_name, pu.name as published_name,
  coalesce((select json_agg(json_build_object('id', p.id, 'fullName', p.full_name) order by p.full_name, p.id)
    from deed_people dp join people p on p.id = dp.person_id where dp.cell_id = d.cell_id and dp.deed_id = d.id), '[]'::json) as people`;
const deedJoins = sql`join units u on u.id = d.cell_id left join units ru on ru.id = d.recorded_by_unit_id
  left join units pu on pu.id = d.published_unit_id`;

export type DeedRow = {
  id: number;
  cell_id: number;
  cell_name: string;
  path: string;
  title: string;
  description: string;
  done_on: string;
  witnesses: string | null;
  published_unit_id: number | null;
  published_path: string | null;
  published_at: Date | null;
  recorder_id: number;
  recorder_name: string;
  published_name: string | null;
  people: Array<{ id: number; fullName: string }>;
};

export async function findDeed(db: Db, id: number, lock = false): Promise<DeedRow | undefined> {
  const { rows } = await sql<DeedRow>`select ${deedColumns} from deeds d ${deedJoins} where d.id = ${id}
    ${lock ? sql`for update of d` : sql``}`.execute(db);
  return rows[0];
}

const before = (after: [string, number] | undefined) =>
  after ? sql`(d.done_on, d.id) < (${after[0]}::date, ${after[1]}::bigint)` : sql`true`;

/** A cell's deeds, newest first, after the keyset `after`. */
export async function cellDeeds(db: Db, cellId: number, after: [string, number] | undefined, take: number) {
  const { rows } = await sql<DeedRow>`select ${deedColumns} from deeds d ${deedJoins}
    where d.cell_id = ${cellId} and ${before(after)} order by d.done_on desc, d.id desc limit ${take}`.execute(db);
  return rows;
}

/**
 * The deeds published to any unit above (or at) the units given (`paths`) or the cells the person is on
 * the roll of, newest first: each ancestor is one range of the board index, merged and cut to `take`.
 */
export async function boardDeeds(db: Db, personId: number | null, paths: string[], after: [string, number] | undefined, take: number) {
  const { rows } = await sql<DeedRow>`
    with mine as (
      select u.path from units u join memberships m on m.cell_id = u.id
      where m.person_id = ${personId}::bigint and m.to_date is null
      union select unnest(${paths}::ltree[])),
    ancestors as (select distinct subpath(mine.path, 0, i) as p from mine cross join generate_series(1, nlevel(mine.path)) i),
    picked as (
      select b.cell_id, b.id from ancestors a cross join lateral (
        select d.cell_id, d.id, d.done_on from deeds d where d.published_path = a.p and ${before(after)}
        order by d.done_on desc, d.id desc limit ${take}) b
      order by b.done_on desc, b.id desc limit ${take})
    select ${deedColumns} from picked x join deeds d on d.cell_id = x.cell_id and d.id = x.id ${deedJoins}
    order by d.done_on desc, d.id desc`.execute(db);
  return rows;
}

/** How many of `personIds` were on the cell's roll on `day`. */
export async function onRollOn(db: Db, cellId: number, personIds: number[], day: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(distinct person_id)::int as n from memberships
    where cell_id = ${cellId} and person_id = any(${personIds}::bigint[]) and from_date <= ${day}::date
      and (to_date is null or to_date > ${day}::date)`.execute(db);
  return rows[0]?.n ?? 0;
}
