/** The `cellwork` command on a real database: seeding, importing and creating an administrator. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, createPool, type ConnectionOptions, type Database } from '../src/server/db/database.ts';
import { createTestDatabase } from './helpers/database.ts';

const root = path.resolve(import.meta.dirname, '..');

/** A DATABASE_URL for the test database, whether it is reached over TCP or a Unix socket. */
function urlOf(c: ConnectionOptions): string {
  if (c.connectionString) return c.connectionString;
  return `postgresql://${c.user}@localhost:${c.port}/${c.database}?host=${encodeURIComponent(String(c.host))}`;
}

function cellwork(args: string[], url: string) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/cellwork.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: url, CELLWORK_LOG_LEVEL: 'warn' },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the cellwork command', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Database;
  let url: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDatabase(createPool(database.connection, 2));
    url = urlOf(database.connection);
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('prints help for every command', () => {
    for (const cmd of ['serve', 'migrate', 'seed', 'import', 'create-admin']) {
      const r = cellwork([cmd, '--help'], url);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Usage: cellwork/);
    }
  });

  it('seeds a deterministic synthetic organization and refuses to seed twice', async () => {
    const r = cellwork(['seed', '--cells', '60', '--members', '900', '--seed', '7'], url);
    expect(r.status, r.stderr).toBe(0);
    const counts = await sql<{ cells: number; people: number; open: number; secretaries: number; bad_sizes: number; members: number }>`
      select (select count(*)::int from units where kind = 'cell') as cells,
             (select count(*)::int from people) as people,
             (select count(*)::int from memberships where to_date is null) as open,
             (select count(*)::int from memberships where to_date is null and role = 'secretary') as secretaries,
             (select count(*)::int from units where kind = 'cell' and closed_on is null and (member_count < 3 or member_count > 60)) as bad_sizes,
             (select coalesce(sum(member_count), 0)::int from units where kind = 'cell') as members`.execute(db);
    expect(counts.rows[0]).toMatchObject({ cells: 60, people: 900, open: 900, secretaries: 60, bad_sizes: 0, members: 900 });
    const paths = await sql<{ bad: number }>`select count(*)::int as bad from units c join units p on p.id = c.parent_id
      where c.path <> p.path || c.id::text::ltree or c.depth <> p.depth + 1 or p.kind <> 'committee'`.execute(db);
    expect(paths.rows[0]!.bad).toBe(0);
    const again = cellwork(['seed', '--cells', '10', '--members', '100'], url);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/not empty/);
  });

  it('imports members from a CSV file and reports bad lines by number', async () => {
    const cell = await db
      .selectFrom('units')
      .select(['id', 'code', 'member_count'])
      .where('kind', '=', 'cell')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellwork-cli-'));
    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(good, 'full_name,member_no,birth_year\n홍길동,CLI-1,1990\nJane Roe,CLI-2,1985\n');
    const r = cellwork(['import', 'members', good, '--unit', cell.code], url);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 created/);
    const after = await db.selectFrom('units').select('member_count').where('id', '=', cell.id).executeTakeFirstOrThrow();
    expect(after.member_count).toBe(cell.member_count + 2);
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'full_name,birth_year\nOk Person,1990\nBad Year,abc\n');
    const r2 = cellwork(['import', 'members', bad, '--unit', cell.code], url);
    expect(r2.status).not.toBe(0);
    expect(r2.stderr).toMatch(/line 3: birth_year/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates an administrator who can sign in', async () => {
    const r = cellwork(['create-admin', '--login', 'Chief@Example.org', '--password', 'long-secret'], url);
    expect(r.status, r.stderr).toBe(0);
    const account = await db.selectFrom('accounts').select('id').where('login', '=', 'chief@example.org').executeTakeFirstOrThrow();
    const grant = await db.selectFrom('grants').select(['role', 'unit_id']).where('account_id', '=', account.id).executeTakeFirstOrThrow();
    expect(grant).toEqual({ role: 'admin', unit_id: null });
  });

  it('creates no administrator with a password the policy refuses', async () => {
    const r = cellwork(['create-admin', '--login', 'weak@example.org', '--password', 'password1'], url);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/most common/);
    expect(await db.selectFrom('accounts').select('id').where('login', '=', 'weak@example.org').executeTakeFirst()).toBeUndefined();
  });
});
