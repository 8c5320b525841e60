/**
 * kill -9 in the middle of a directive's fan-out: the process doing it dies with batches committed and
 * one in flight; the next start resumes from the cursor and ends with exactly one delivery per member,
 * and reach counters equal to a recount of the rows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import PgBoss from 'pg-boss';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { FAN_OUT_JOB } from '../src/server/modules/directives/fanout.ts';
import { recountReach } from '../src/server/modules/directives/queries.ts';
import { createDirective, publishDirective } from '../src/server/modules/directives/service.ts';
import { createTestApp } from './helpers/app.ts';
import { buildCell, buildCommittee, buildRoot } from './helpers/factories.ts';

const root = path.resolve(import.meta.dirname, '..');
const CELLS = 40;
const PER_CELL = 5;
const children: ChildProcess[] = [];
let t: Awaited<ReturnType<typeof createTestApp>>;

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/fanout-worker.ts'], {
    cwd: root,
    env: { ...process.env, ...env, CELLWORK_TEST_CONNECTION: JSON.stringify(t.ctx.connection) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('worker ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${code}):\n${out}`));
    });
  });
}

const waitExit = (child: ChildProcess) =>
  new Promise<void>((r) => (child.exitCode !== null || child.signalCode ? r() : child.once('exit', () => r())));

async function waitFor(what: string, check: () => Promise<boolean>) {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const round = async (id: number) =>
  (
    await sql<{ fanout_state: string; fanout_cursor: number }>`select fanout_state, fanout_cursor from directive_rounds
    where directive_id = ${id} and round = 1`.execute(t.ctx.db)
  ).rows[0]!;

async function countersEqualRecount(id: number) {
  const stored = await t.ctx.db
    .selectFrom('directive_reach')
    .select(['unit_id', 'members', 'acknowledged', 'briefed', 'acknowledged_in_time', 'briefed_in_time'])
    .where('directive_id', '=', id)
    .where('members', '>', 0)
    .orderBy('unit_id')
    .execute();
  const recount = (await recountReach(t.ctx.db, id, 1)).rows;
  expect(stored.map((r) => ({ ...r, unit_id: Number(r.unit_id) }))).toEqual(recount.map((r) => ({ ...r, unit_id: Number(r.unit_id) })));
  return stored;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.db;
  const top = await buildRoot(db);
  const regions = [await buildCommittee(db, top), await buildCommittee(db, top)];
  for (let i = 0; i < CELLS; i++) await buildCell(db, regions[i % 2]!.id);
  // The members in one statement: the rolls are the test's data, not what it tests.
  await sql`with p as (
      insert into people (full_name) select 'Crash member ' || g from generate_series(1, ${CELLS * PER_CELL}) g returning id)
    insert into memberships (cell_id, person_id, role, from_date)
    select c.id, p.id, 'member', '2021-01-01'
    from (select id, row_number() over (order by id) - 1 as n from p) p
    join (select id, row_number() over (order by id) - 1 as n from units where kind = 'cell') c on c.n = p.n % ${CELLS}`.execute(db);
}, 120_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && !c.signalCode) c.kill('SIGKILL');
  await t?.close();
});

describe('a fan-out killed with kill -9', () => {
  it('resumes on the next start and counts every member exactly once', async () => {
    const db = t.ctx.db;
    const top = await db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const d = await createDirective(db, systemActor(), { title: 'Crash', body: 'x', target: { unitIds: [Number(top.id)] } });
    // Published here with the job sent in the transaction; this process works no queue.
    // The embedded server's parts, or the machine's server's URL (CI's second pass).
    const { host, port, user, password, database, connectionString } = t.ctx.connection;
    const boss = new PgBoss({
      host,
      port,
      user,
      database,
      connectionString,
      password: typeof password === 'string' ? password : undefined,
      schema: 'pgboss',
      max: 2,
    });
    boss.on('error', () => undefined);
    await boss.start();
    await boss.createQueue(FAN_OUT_JOB);
    await publishDirective(db, boss, systemActor(), d.id, 'UTC');
    await boss.stop({ graceful: false, wait: true });

    // A worker writing one cell per batch, slowly, killed once some batches are in.
    const first = await startWorker({ CELLWORK_FANOUT_BATCH_CELLS: '1', CELLWORK_FANOUT_PAUSE_MS: '100' });
    await waitFor('some batches', async () => (await round(d.id)).fanout_cursor > 0);
    first.kill('SIGKILL');
    await waitExit(first);
    const cut = await round(d.id);
    expect(cut.fanout_state).toBe('running');
    const partial = await countersEqualRecount(d.id);
    const partialMembers = partial.find((r) => Number(r.unit_id) === Number(top.id))!.members;
    expect(partialMembers).toBeGreaterThan(0);
    expect(partialMembers).toBeLessThan(CELLS * PER_CELL);

    // The next start finishes it.
    const second = await startWorker({ CELLWORK_FANOUT_BATCH_CELLS: '7' });
    await waitFor('the fan-out to finish', async () => (await round(d.id)).fanout_state === 'done');
    const { rows } = await sql<{ n: number; people: number }>`select count(*)::int as n, count(distinct person_id)::int as people
      from directive_deliveries where directive_id = ${d.id}`.execute(db);
    expect(rows[0]).toEqual({ n: CELLS * PER_CELL, people: CELLS * PER_CELL });
    const final = await countersEqualRecount(d.id);
    expect(final.find((r) => Number(r.unit_id) === Number(top.id))!.members).toBe(CELLS * PER_CELL);
    second.kill('SIGTERM');
    await waitExit(second);
  }, 240_000);
});

describe('a server without its job queue', () => {
  it('answers 503 to a publication and leaves the draft as it was', async () => {
    const db = t.ctx.db;
    const top = await db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const d = await createDirective(db, systemActor(), { title: 'No queue', body: 'x', target: { unitIds: [Number(top.id)] } });
    await expect(publishDirective(db, undefined, systemActor(), d.id, 'UTC')).rejects.toMatchObject({
      status: 503,
      code: 'service_unavailable',
      messageKey: 'server.noJobQueue',
    });
    const row = await db.selectFrom('directives').select('status').where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('draft');
  });
});
