/**
 * BENCH_EXPLAIN=1: EXPLAIN (ANALYZE) of the queries behind the dashboard and the monthly recompute, on
 * the bench data, printed after the figures. Read-only: INSERT ... SELECT statements are explained
 * through their SELECT, and everything runs in a transaction that is rolled back.
 */
import { Kysely, PostgresDialect, sql, type RawBuilder } from 'kysely';
import { systemActor } from '../../src/server/access/actor.ts';
import type { DB } from '../../src/server/db/types.ts';
import { getCompliance, getTrend, listComplianceCells } from '../../src/server/modules/compliance/service.ts';
import { getGrid, getSectorBreakdown, getWorstCells } from '../../src/server/modules/compliance/views.ts';
import { evaluateCompliance } from '../../src/server/modules/compliance/evaluate.ts';
import { dataEnd } from '../../src/server/modules/compliance/periods.ts';
import { SOURCES } from '../../src/server/modules/rulebook-registry.ts';
import type { BenchDatabase } from './database.ts';

const TIMEOUT_MS = Number(process.env.BENCH_EXPLAIN_TIMEOUT_MS ?? 120_000);

async function explain(
  bench: BenchDatabase,
  title: string,
  query: { sql: string; parameters: readonly unknown[] },
  settings: string[] = [],
): Promise<void> {
  const client = await bench.pool.connect();
  try {
    await client.query('begin');
    await client.query(`set local statement_timeout = ${TIMEOUT_MS}`);
    for (const s of settings) await client.query(`set local ${s}`);
    const started = performance.now();
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${query.sql}`, query.parameters as unknown[]);
    console.log(`\n--- ${title}${settings.length ? ` [${settings.join(', ')}]` : ''}: ${Math.round(performance.now() - started)} ms`);
    console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
  } catch (err) {
    console.log(`\n--- ${title}${settings.length ? ` [${settings.join(', ')}]` : ''}: not finished (${String(err)})`);
  } finally {
    await client.query('rollback').catch(() => undefined);
    client.release();
  }
}

const compiled = (bench: BenchDatabase, q: RawBuilder<unknown>) => q.compile(bench.db);

/**
 * The dashboard reads for the root and one level-2 committee, explained as the app runs them: each read
 * goes through its service function on a Kysely instance that records the statements it sends, and
 * every recorded statement is then explained.
 */
export async function explainDashboard(bench: BenchDatabase, committeeId: number, period: string): Promise<void> {
  const {
    rows: [root],
  } = await bench.pool.query<{ id: number }>('select id::int as id from units where depth = 0');
  const sent: Array<{ sql: string; parameters: readonly unknown[] }> = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: bench.pool }),
    log: (e) => {
      if (e.level === 'query') sent.push(e.query);
    },
  });
  const actor = systemActor();
  const reads: Array<[string, (unitId: number) => Promise<unknown>]> = [
    ['figures (getCompliance)', (id) => getCompliance(db, actor, id, period)],
    ['12-month trend (getTrend)', (id) => getTrend(db, actor, id, period, 12)],
    ['heat grid (getGrid)', (id) => getGrid(db, actor, id, period)],
    ['worst cells (getWorstCells)', (id) => getWorstCells(db, actor, id, period, 10)],
    ['by sector (getSectorBreakdown)', (id) => getSectorBreakdown(db, actor, id, period)],
    [
      'drill-down first page (listComplianceCells)',
      (id) => listComplianceCells(db, actor, id, { period, standard: 'general-meeting-monthly', limit: 50 }),
    ],
  ];
  for (const [unit, id] of [
    ['root', root!.id],
    ['level-2 committee', committeeId],
  ] as const) {
    for (const [name, read] of reads) {
      sent.length = 0;
      await read(id);
      for (const [i, query] of [...sent].entries()) await explain(bench, `${name}, ${unit}, statement ${i + 1} of ${sent.length}`, query);
    }
  }
}

export async function explainRecompute(bench: BenchDatabase, period: string, today: string): Promise<void> {
  const w = { period, end: dataEnd(period, today), cellIds: null };
  for (const source of SOURCES)
    await explain(
      bench,
      `metric source ${source.name}`,
      compiled(
        bench,
        source.rows(
          w,
          source.owns.map((prefix) => `${prefix}review`),
        ),
      ),
    );
  const evaluate = compiled(bench, evaluateCompliance(period, null));
  await explain(bench, 'evaluateCompliance (all cells)', evaluate);
  await explain(bench, 'evaluateCompliance (all cells)', evaluate, ['enable_nestloop = off']);
  await explain(
    bench,
    'roll-ups per parent and sector, then up the tree (materializePeriod)',
    compiled(
      bench,
      sql`
    with by_parent as (
      select u.parent_id, coalesce(u.sector, '') as sector, cc.standard_code, count(*) as total, count(*) filter (where cc.meets) as meeting
      from cell_compliance cc join units u on u.id = cc.cell_id where cc.period = ${period}::date group by 1, 2, 3)
    select anc::bigint, b.standard_code, s.sector, sum(b.total), sum(b.meeting)
    from by_parent b join units p on p.id = b.parent_id cross join lateral unnest(string_to_array(p.path::text, '.')) as anc
    cross join lateral (values ('*'), (b.sector)) as s(sector)
    group by 1, 2, 3`,
    ),
  );
}
