/**
 * The synthetic organization generator at a small size: the same seed gives the same rows, the tree and
 * the rolls keep their invariants, and the generated activity is consistent with the rolls and with the
 * roll-ups the engine materializes from it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, createPool, type Database } from '../src/server/db/database.ts';
import { seedActivity, seedOrganization, type ActivityResult, type SeedResult } from '../src/server/seed/index.ts';
import { createTestDatabase } from './helpers/database.ts';

const CELLS = 60;
const MEMBERS = 1_200;
const MONTHS = 4;
const TODAY = '2026-06-20'; // a fixed past day: the rows do not depend on the clock

type Seeded = {
  db: Database;
  pool: ReturnType<typeof createPool>;
  org: SeedResult;
  activity: ActivityResult;
  schemaBefore: string[];
  drop(): Promise<void>;
};

/** The activity tables' constraints and indexes as the catalog defines them. */
async function activitySchema(db: Database): Promise<string[]> {
  const { rows } = await sql<{ d: string }>`
    select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) as d from pg_constraint
    where conrelid::regclass::text in ('meetings', 'attendance', 'decisions', 'decision_actions', 'follow_ups')
    union all
    select pg_get_indexdef(indexrelid) from pg_index where indrelid::regclass::text in ('meetings', 'attendance', 'decisions', 'decision_actions', 'follow_ups')
    order by 1`.execute(db);
  return rows.map((r) => r.d);
}

async function seedFresh(seed: number): Promise<Seeded> {
  const database = await createTestDatabase();
  const pool = createPool(database.connection, 3);
  const db = createDatabase(pool);
  const org = await seedOrganization(pool, { cells: CELLS, members: MEMBERS, seed });
  const schemaBefore = await activitySchema(db);
  const activity = await seedActivity(pool, { months: MONTHS, seed, today: TODAY });
  return {
    db,
    pool,
    org,
    activity,
    schemaBefore,
    async drop() {
      await db.destroy();
      await database.drop();
    },
  };
}

/** One digest of every generated row (ids included), independent of physical order. */
async function checksum(db: Database): Promise<string> {
  const tables = [
    ['units', 'id, parent_id, kind, name, code, sector, path, depth, opened_on, member_count'],
    ['people', 'id, full_name, email, phone, birth_year, workplace, joined_on, member_no'],
    ['memberships', 'cell_id, id, person_id, role, from_date, to_date'],
    ['meetings', 'cell_id, id, kind, title, starts_at, meets_on, status, not_held_reason, version'],
    ['attendance', 'cell_id, meeting_id, meets_on, person_id, status, reason'],
    ['decisions', 'cell_id, id, meeting_id, text'],
    ['decision_actions', 'cell_id, id, decision_id, title, owner_person_id, due_on, status, closed_on'],
    ['follow_ups', 'cell_id, id, person_id, reason, created_on, resolved_on, note'],
  ];
  const parts: string[] = [];
  for (const [table, columns] of tables) {
    const { rows } = await sql<{ h: string }>`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h
      from (select ${sql.raw(columns!)} from ${sql.table(table!)}) t`.execute(db);
    parts.push(`${table}:${rows[0]!.h}`);
  }
  return parts.join(' ');
}

const count = async (db: Database, query: ReturnType<typeof sql>) =>
  Number(((await query.execute(db)).rows[0] as { n: string | number }).n);

describe('seed generator', () => {
  let a: Seeded;
  let b: Seeded;
  beforeAll(async () => {
    [a, b] = await Promise.all([seedFresh(7), seedFresh(7)]);
  });
  afterAll(async () => {
    await a?.drop();
    await b?.drop();
  });

  it('puts back every foreign key and index it set aside for the bulk load', async () => {
    expect(a.schemaBefore.filter((d) => d.includes('FOREIGN KEY')).length).toBeGreaterThanOrEqual(8);
    expect(await activitySchema(a.db)).toEqual(a.schemaBefore);
  });

  it('gives the same rows for the same seed', async () => {
    expect(a.activity.attendance).toBeGreaterThan(1000);
    expect(await checksum(a.db)).toBe(await checksum(b.db));
  });

  it('builds a well-formed tree whose leaves are the cells', async () => {
    const { db } = a;
    expect(await count(db, sql`select count(*) as n from units where kind = 'cell'`)).toBe(CELLS);
    expect(await count(db, sql`select count(*) as n from units where parent_id is null`)).toBe(1);
    expect(
      await count(
        db,
        sql`select count(*) as n from units u where u.depth <> nlevel(u.path) - 1
      or subpath(u.path, -1)::text <> u.id::text`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        sql`select count(*) as n from units u join units p on p.id = u.parent_id
      where u.path <> p.path || u.id::text or u.depth <> p.depth + 1`,
      ),
    ).toBe(0);
    // A unit without children is a cell, and a cell has none.
    expect(
      await count(
        db,
        sql`select count(*) as n from units u
      where (u.kind = 'cell') = exists (select 1 from units c where c.parent_id = u.id)
        or (u.kind = 'committee') <> exists (select 1 from units c where c.parent_id = u.id)`,
      ),
    ).toBe(0);
  });

  it('fills every cell with 3 to 60 members, one open secretary each, one open membership per person', async () => {
    const { db } = a;
    const { rows } = await sql<{ id: number; member_count: number; open: number; secretaries: number }>`
      select u.id, u.member_count,
        (select count(*)::int from memberships m where m.cell_id = u.id and m.to_date is null) as open,
        (select count(*)::int from memberships m where m.cell_id = u.id and m.to_date is null and m.role = 'secretary') as secretaries
      from units u where u.kind = 'cell'`.execute(db);
    for (const r of rows) {
      expect(r.open).toBe(r.member_count);
      expect(r.open).toBeGreaterThanOrEqual(3);
      expect(r.open).toBeLessThanOrEqual(60);
      expect(r.secretaries).toBe(1);
    }
    expect(rows.reduce((s, r) => s + r.open, 0)).toBe(MEMBERS);
    expect(
      await count(
        db,
        sql`select count(*) as n from people p
      where (select count(*) from memberships m where m.person_id = p.id and m.to_date is null) <> 1`,
      ),
    ).toBe(0);
  });

  it('records every held meeting with exactly the roll of that day', async () => {
    const { db } = a;
    expect(await count(db, sql`select count(*) as n from meetings where status = 'held'`)).toBeGreaterThan(CELLS * MONTHS);
    // Roll members missing from the attendance, or attendance rows for people not on the roll.
    expect(
      await count(
        db,
        sql`select count(*) as n from meetings m join memberships ms on ms.cell_id = m.cell_id
        and ms.from_date <= m.meets_on and (ms.to_date is null or ms.to_date > m.meets_on)
      where m.status = 'held' and not exists (select 1 from attendance a where a.cell_id = m.cell_id and a.meeting_id = m.id and a.person_id = ms.person_id)`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        sql`select count(*) as n from attendance a join meetings m on m.cell_id = a.cell_id and m.id = a.meeting_id
      where m.status <> 'held' or not exists (select 1 from memberships ms where ms.cell_id = a.cell_id and ms.person_id = a.person_id
        and ms.from_date <= m.meets_on and (ms.to_date is null or ms.to_date > m.meets_on))`,
      ),
    ).toBe(0);
    expect(await count(db, sql`select count(*) as n from attendance where (status = 'excused') <> (reason is not null)`)).toBe(0);
    // Every row carries its meeting's day, and the rows were loaded month by month (physical order).
    expect(
      await count(
        db,
        sql`select count(*) as n from attendance a join meetings m on m.cell_id = a.cell_id and m.id = a.meeting_id
      where a.meets_on <> m.meets_on`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        sql`select count(*) as n from (select date_trunc('month', meets_on) as month,
        lag(date_trunc('month', meets_on)) over (order by ctid) as before from attendance) t where month < before`,
      ),
    ).toBe(0);
  });

  it('holds no meeting in the future and dates meetings by their UTC day', async () => {
    const { db } = a;
    expect(await count(db, sql`select count(*) as n from meetings where status <> 'scheduled' and starts_at > ${TODAY}::date + 1`)).toBe(0);
    expect(await count(db, sql`select count(*) as n from meetings where meets_on <> (starts_at at time zone 'UTC')::date`)).toBe(0);
    expect(await count(db, sql`select count(*) as n from meetings where status = 'not_held' and not_held_reason is null`)).toBe(0);
    expect(
      await count(
        db,
        sql`select count(*) as n from decision_actions where closed_on > ${TODAY}::date
      or (status = 'open') <> (closed_on is null)`,
      ),
    ).toBe(0);
    expect(
      await count(db, sql`select count(*) as n from follow_ups where created_on > ${TODAY}::date or resolved_on > ${TODAY}::date`),
    ).toBe(0);
  });

  it('materializes roll-ups that equal a recount of the rows', async () => {
    const { db } = a;
    const periods = (await db.selectFrom('metric_periods').select('period').orderBy('period').execute()).map((r) => r.period);
    expect(periods).toHaveLength(MONTHS);
    expect(periods.at(-1)).toBe('2026-06-01');
    for (const period of periods) {
      const root = await db
        .selectFrom('unit_rollups as r')
        .innerJoin('units as u', 'u.id', 'r.unit_id')
        .select(['r.cells_total', 'r.cells_meeting'])
        .where('u.parent_id', 'is', null)
        .where('r.period', '=', period)
        .where('r.standard_code', '=', '*')
        .where('r.sector', '=', '*')
        .executeTakeFirstOrThrow();
      expect(root.cells_total).toBe(CELLS);
      // Per level-2 committee: cells with a held general meeting in the month, straight from the meetings.
      const { rows } = await sql<{ id: number; recount: number; rollup: number }>`
        select c.id,
          (select count(distinct m.cell_id)::int from units cell join meetings m on m.cell_id = cell.id
            where cell.path <@ c.path and m.kind = 'general' and m.status = 'held'
              and m.meets_on >= ${period}::date and m.meets_on < (${period}::date + interval '1 month')) as recount,
          (select r.cells_meeting from unit_rollups r where r.unit_id = c.id and r.period = ${period}::date and r.standard_code = 'general-meeting-monthly' and r.sector = '*') as rollup
        from units c where c.depth = 2 and c.kind = 'committee'`.execute(db);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.rollup).toBe(r.recount);
    }
  });
});
