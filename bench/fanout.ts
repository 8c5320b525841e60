/**
 * fanout: publishing one directive to everyone, from the publish request to the last delivery written
 * (the pg-boss job in this process writing batches of cells, each with its reach counters and cursor),
 * next to the limit: a bare `INSERT … SELECT` of the same rows (one per current member) into the same
 * table in one statement, same run. Target ratio <= 1.5. The server runs in this process: its peak RSS
 * is printed before and after, and should stay flat (the fan-out streams in batches, loads nothing).
 */
import { sql } from 'kysely';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { dropDirectives } from './lib/directives.ts';
import { openBenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { printResult, printTable } from './lib/report.ts';
import { peakRssMb, round2 } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const TARGET = 1.5;

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  const made: number[] = [];
  try {
    console.log(`fanout bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    app = await startBenchApp(bench, { jobs: true });
    const db = app.ctx.db;
    const root = await db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const members = Number(
      (await sql<{ n: string }>`select count(*) as n from memberships where to_date is null`.execute(db)).rows[0]?.n ?? 0,
    );
    const draft = async (title: string) => {
      const { body } = await app!.request(
        'POST',
        '/api/v1/directives',
        { title, body: '<p>Bench</p>', target: { unitIds: [Number(root.id)] } },
        201,
      );
      made.push(body.id);
      return body.id as number;
    };
    await sql`checkpoint`.execute(db);
    const rssBefore = peakRssMb();

    // The app: publish (202), then wait for the job to write the last batch.
    const id = await draft('Fan-out bench');
    const started = performance.now();
    await app.request('POST', `/api/v1/directives/${id}/publish`, {}, 202);
    const published = performance.now();
    let state = '';
    while (state !== 'done') {
      await new Promise((r) => setTimeout(r, 50));
      state =
        (await sql<{ s: string }>`select fanout_state as s from directive_rounds where directive_id = ${id}`.execute(db)).rows[0]?.s ?? '';
    }
    const appMs = performance.now() - started;
    const written = Number(
      (await sql<{ n: string }>`select count(*) as n from directive_deliveries where directive_id = ${id}`.execute(db)).rows[0]?.n,
    );
    const rssAfter = peakRssMb();
    // The job's own span (pg-boss's clock): publish -> pickup is the queue's polling, the rest is the fan-out.
    const job = (
      await sql<{ wait_ms: number; work_ms: number }>`select extract(epoch from started_on - created_on) * 1000 as wait_ms,
        extract(epoch from completed_on - started_on) * 1000 as work_ms
      from pgboss.job where name = 'directive-fan-out' and (data->>'directiveId')::bigint = ${id}`.execute(db)
    ).rows[0];
    await sql`checkpoint`.execute(db);

    // The limit: the same rows, one statement, same table (another directive id), no counters, no batches.
    const bareId = await draft('Bare insert bench');
    const bareStarted = performance.now();
    const bare = await sql`insert into directive_deliveries (cell_id, directive_id, round, person_id)
      select m.cell_id, ${bareId}::bigint, 1, m.person_id from memberships m where m.to_date is null`.execute(db);
    const bareMs = performance.now() - bareStarted;

    // Diagnosis: the same bare statement with the fan-out's ON CONFLICT DO NOTHING (the unique key's price).
    const conflictId = await draft('Bare insert on conflict bench');
    const conflictStarted = performance.now();
    await sql`insert into directive_deliveries (cell_id, directive_id, round, person_id)
      select m.cell_id, ${conflictId}::bigint, 1, m.person_id from memberships m where m.to_date is null on conflict do nothing`.execute(
      db,
    );
    const conflictMs = performance.now() - conflictStarted;

    const reach = await db
      .selectFrom('directive_reach')
      .select('members')
      .where('directive_id', '=', id)
      .where('unit_id', '=', Number(root.id))
      .executeTakeFirst();
    console.log(
      `members on the rolls: ${members}; deliveries written: app ${written}, bare ${Number(bare.numAffectedRows)}; reach at the root: ${reach?.members}`,
    );
    console.log(
      `publish request answered in ${round2(published - started)} ms; batches of ${app.ctx.config.fanOutBatchCells} cells; job polling included`,
    );
    if (job)
      console.log(
        `the job: waited ${round2(Number(job.wait_ms))} ms for pickup, worked ${round2(Number(job.work_ms))} ms (ratio of the work alone: ${round2(Number(job.work_ms) / bareMs)})`,
      );
    console.log(`peak RSS of this process (server in-process): ${rssBefore} MB before publishing, ${rssAfter} MB after the fan-out`);
    console.log('');
    printTable(
      [{ header: 'phase', align: 'left' }, { header: 'rows' }, { header: 'ms' }, { header: 'rows/s' }],
      [
        ['app: publish -> last delivery (job, counters, cursor)', written, round2(appMs), Math.round(written / (appMs / 1000))],
        [
          'limit: bare INSERT … SELECT, same table',
          Number(bare.numAffectedRows),
          round2(bareMs),
          Math.round(Number(bare.numAffectedRows) / (bareMs / 1000)),
        ],
        ['(diagnosis) the same with ON CONFLICT DO NOTHING', written, round2(conflictMs), Math.round(written / (conflictMs / 1000))],
      ],
    );
    console.log(`ratio ${round2(appMs / bareMs)} (target <= ${TARGET})`);
    printResult({ bench: 'fanout', scale, value: round2(appMs), unit: 'ms', limit: round2(bareMs), ratio: round2(appMs / bareMs) });
  } finally {
    // The kept dataset stays as it was.
    if (app && made.length) {
      const db = app.ctx.db;
      await dropDirectives(db, made);
    }
    await app?.close();
    await bench.close();
  }
}
