/**
 * The set-based half of an import: rows were COPYed into a temporary table inside the import's
 * transaction; these statements resolve cells, match existing people and merge, all-or-nothing.
 */
import type { Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Actor } from '../../access/actor.ts';
import { pathInScopeText } from '../../access/scope.ts';

export type LineError = { line: number; code: string; field: string | null; value: string | null; message: string };

export const CREATE_STAGING = `create temp table import_rows (
  line int not null primary key, member_no text, full_name text not null, email text, phone text,
  birth_year int, workplace text, joined_on date, role text not null, cell_code text,
  cell_id bigint, person_id bigint, old_cell_id bigint, old_from date, is_new boolean not null default false,
  changed boolean not null default false) on commit drop`;

export const COPY_STAGING =
  'copy import_rows (line, member_no, full_name, email, phone, birth_year, workplace, joined_on, role, cell_code) from stdin';

/**
 * The COPY into the staging table. Aborting it sends PostgreSQL a CopyFail message, which pg-copy-streams
 * fills with the abort's reason; PostgreSQL drops the connection when that message is over 10,000 bytes,
 * so a reason echoing the file (a 20 KB column name) took the connection down. The server is told only
 * a fixed word; the caller still sees the real reason.
 */
export function copyIntoStaging(client: pg.PoolClient): Writable {
  const copy = client.query(copyFrom(COPY_STAGING));
  const destroy = copy._destroy.bind(copy);
  copy._destroy = (err, done) => destroy(err ? new Error('import aborted') : null, (e) => done(err ?? e));
  return copy;
}

const MAX_ERRORS = 1000;

async function errors(client: pg.PoolClient, query: string, params: unknown[]): Promise<LineError[]> {
  const { rows } = await client.query<LineError>(`${query} order by line limit ${MAX_ERRORS}`, params);
  return rows;
}

/**
 * Resolves each row's cell and finds lines that cannot be placed, would collide, or would take over a
 * person the importer does not manage (docs/decisions/0014).
 */
export async function resolveRows(
  client: pg.PoolClient,
  unit: { id: number; kind: string; path: string },
  actor: Actor,
): Promise<LineError[]> {
  await client.query(
    `update import_rows r set cell_id = u.id from units u
    where r.cell_code is not null and u.code = r.cell_code and u.kind = 'cell' and u.closed_on is null and u.path <@ $1::ltree`,
    [unit.path],
  );
  if (unit.kind === 'cell') await client.query('update import_rows set cell_id = $1 where cell_code is null', [unit.id]);
  const found: LineError[] = [];
  found.push(
    ...(await errors(
      client,
      `select line, case when cell_code is null then 'cell_code_required' else 'unknown_cell' end as code,
      'cell_code' as field, cell_code as value,
      case when cell_code is null then 'cell_code is required when importing at a committee'
      else 'cell_code ' || cell_code || ' is not an open cell under this unit' end as message from import_rows where cell_id is null`,
      [],
    )),
  );
  found.push(
    ...(await errors(
      client,
      `select line, 'duplicate_member_no' as code, 'member_no' as field, first::text as value,
      'member_no ' || member_no || ' appears again (first on line ' || first || ')' as message
      from (select line, member_no, first_value(line) over w as first, row_number() over w as n from import_rows
            where member_no is not null window w as (partition by member_no order by line)) d where n > 1`,
      [],
    )),
  );
  if (found.length) return found;
  // Match existing people: by member number, else by a unique e-mail, else by name and birth year on the cell's roll.
  await client.query(`update import_rows r set person_id = p.id from people p where r.member_no is not null and p.member_no = r.member_no`);
  await client.query(`update import_rows r set person_id = m.id
    from import_rows r2 cross join lateral (select min(p.id) as id, count(*) as n from people p where lower(p.email) = lower(r2.email)) m
    where r.line = r2.line and r2.member_no is null and r2.email is not null and m.n = 1`);
  await client.query(`update import_rows r set person_id = x.person_id from (
      select distinct on (r2.line) r2.line, m.person_id from import_rows r2
      join memberships m on m.cell_id = r2.cell_id and m.to_date is null
      join people p on p.id = m.person_id and p.full_name = r2.full_name and p.birth_year is not distinct from r2.birth_year
      where r2.person_id is null and r2.member_no is null order by r2.line, m.person_id) x
    where r.line = x.line`);
  found.push(
    ...(await errors(
      client,
      `select line, 'duplicate_person' as code, null as field, first::text as value,
      'this person already appears on line ' || first as message
      from (select line, first_value(line) over w as first, row_number() over w as n from import_rows
            where person_id is not null window w as (partition by person_id order by line)) d where n > 1`,
      [],
    )),
  );
  await client.query(`update import_rows r set old_cell_id = m.cell_id, old_from = m.from_date
    from memberships m where m.person_id = r.person_id and m.to_date is null`);
  // A person matched anywhere in the organization is taken over only if the importer manages the cell
  // they are on the roll of or, for a former member, the cell they last left (decision 0014); a person
  // who was never on a roll only by an administrator. Otherwise their record would move into the
  // importer's cell, and its contact details with it.
  const area = pathInScopeText(actor, 'u.path', 'manage', 1);
  if (area.text !== 'true') {
    found.push(
      ...(await errors(
        client,
        `select r.line, 'outside_area' as code, case when r.member_no is null then 'email' else 'member_no' end as field,
        coalesce(r.member_no, r.email) as value,
        'this person (' || coalesce('member_no ' || r.member_no, r.email) || ') belongs, or last belonged, to a cell outside your area' as message
        from import_rows r
        left join lateral (select m.cell_id from memberships m where m.person_id = r.person_id
          order by m.to_date is null desc, m.to_date desc, m.from_date desc, m.id desc limit 1) last on true
        left join units u on u.id = last.cell_id
        where r.person_id is not null and (u.id is null or not ${area.text})`,
        area.values,
      )),
    );
  }
  return found;
}

export type MergeCounts = { created: number; updated: number; unchanged: number };

/** Creates new people, updates changed ones, moves memberships, recounts rolls and audits. */
export async function mergeRows(client: pg.PoolClient, accountId: number | null, today: string): Promise<MergeCounts> {
  await client.query(
    `update import_rows set person_id = nextval(pg_get_serial_sequence('people', 'id')), is_new = true where person_id is null`,
  );
  await client.query(`update import_rows r set changed = true from people p where p.id = r.person_id and not r.is_new and (
      r.full_name is distinct from p.full_name
      or coalesce(r.member_no, p.member_no) is distinct from p.member_no or coalesce(r.email, p.email) is distinct from p.email
      or coalesce(r.phone, p.phone) is distinct from p.phone or coalesce(r.birth_year, p.birth_year) is distinct from p.birth_year
      or coalesce(r.workplace, p.workplace) is distinct from p.workplace or coalesce(r.joined_on, p.joined_on) is distinct from p.joined_on
      or r.old_cell_id is distinct from r.cell_id)`);
  await client.query(`insert into people (id, full_name, email, phone, birth_year, workplace, joined_on, member_no)
    select person_id, full_name, email, phone, birth_year, workplace, joined_on, member_no from import_rows where is_new order by line`);
  await client.query(`update people p set full_name = r.full_name, member_no = coalesce(r.member_no, p.member_no),
      email = coalesce(r.email, p.email), phone = coalesce(r.phone, p.phone), birth_year = coalesce(r.birth_year, p.birth_year),
      workplace = coalesce(r.workplace, p.workplace), joined_on = coalesce(r.joined_on, p.joined_on), updated_at = now()
    from import_rows r where r.person_id = p.id and r.changed`);
  // A person on another cell's roll is transferred: that row ends today (or is replaced if it began today).
  await client.query(
    `delete from memberships m using import_rows r
    where m.person_id = r.person_id and m.to_date is null and r.old_cell_id <> r.cell_id and m.from_date = $1::date`,
    [today],
  );
  await client.query(
    `update memberships m set to_date = $1::date from import_rows r
    where m.person_id = r.person_id and m.to_date is null and r.old_cell_id <> r.cell_id`,
    [today],
  );
  await client.query(
    `insert into memberships (cell_id, person_id, role, from_date)
    select cell_id, person_id, role, $1::date from import_rows where old_cell_id is null or old_cell_id <> cell_id order by line`,
    [today],
  );
  await client.query(`update units u set member_count = (select count(*) from memberships m where m.cell_id = u.id and m.to_date is null)
    where u.id in (select cell_id from import_rows union select old_cell_id from import_rows where old_cell_id is not null)`);
  await client.query(
    `insert into audit_log (account_id, action, entity, entity_id, after)
    select $1, case when is_new then 'person.create' else 'person.update' end, 'person', person_id::text,
      jsonb_build_object('fullName', full_name, 'memberNo', member_no, 'email', email, 'cellId', cell_id, 'role', role, 'source', 'csv import', 'line', line)
    from import_rows where is_new or changed`,
    [accountId],
  );
  const { rows } = await client.query<{ created: number; updated: number; unchanged: number }>(`select
    count(*) filter (where is_new)::int as created, count(*) filter (where changed)::int as updated,
    count(*) filter (where not is_new and not changed)::int as unchanged from import_rows`);
  return rows[0]!;
}
