/**
 * BENCH_EXPLAIN=1: EXPLAIN (ANALYZE) of the queries behind the dashboard and the monthly recompute, on
 * the bench data, printed after the figures. Read-only: INSERT ... SELECT statements are explained
 * through their SELECT, and everything runs in a transaction that is rolled back.
 */
import { sql, type RawBuilder } from 'kysely';
import { evaluateCompliance } from '../../src/server/modules/compliance/evaluate.ts';
import { dataEnd, nextPeriod } from '../../src/server/modules/compliance/periods.ts';
import { meetingMetricSources } from '../../src/server/modules/meetings/metrics.ts';
import type { BenchDatabase } from './database.ts';

const TIMEOUT_MS = Number(process.env.BENCH_EXPLAIN_TIMEOUT_MS ?? 120_000);

async function explain(bench: BenchDatabase, title: string, query: { sql: string; parameters: readonly unknown[] }, settings: string[] = []): Promise<void> {
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

export async function explainDashboard(bench: BenchDatabase, committeeId: number, period: string): Promise<void> {
  const { rows: [root] } = await bench.pool.query<{ id: number; path: string }>('select id::int as id, path::text as path from units where depth = 0');
  const { rows: [committee] } = await bench.pool.query<{ path: string }>('select path::text as path from units where id = $1', [committeeId]);
  await explain(bench, 'roll-up read (getCompliance)', compiled(bench, sql`select standard_code, cells_total, cells_meeting from unit_figures
    where unit_id = ${root?.id} and period = ${period}::date`));
  for (const [name, path] of [['root', root?.path], ['level-2 committee', committee?.path]] as const) {
    await explain(bench, `drill-down first page, ${name} (listComplianceCells)`, compiled(bench, sql`
      select cc.cell_id, u.name, u.code, cc.standard_code, cc.meets, cc.detail
      from cell_compliance cc join units u on u.id = cc.cell_id
      where cc.period = ${period}::date and cc.standard_code = 'general-meeting-monthly' and u.path <@ ${path}::ltree
      order by u.name, u.id limit 51`));
  }
}

export async function explainRecompute(bench: BenchDatabase, period: string, today: string): Promise<void> {
  const w = { period, end: dataEnd(period, today), cellIds: null };
  for (const source of meetingMetricSources(['review'])) await explain(bench, `metric source ${source.name}`, compiled(bench, source.rows(w)));
  const evaluate = compiled(bench, evaluateCompliance(period, nextPeriod(period), null));
  await explain(bench, 'evaluateCompliance (all cells)', evaluate);
  await explain(bench, 'evaluateCompliance (all cells)', evaluate, ['enable_nestloop = off']);
  await explain(bench, 'roll-ups per parent and sector, then up the tree (materializePeriod)', compiled(bench, sql`
    with by_parent as (
      select u.parent_id, coalesce(u.sector, '') as sector, cc.standard_code, count(*) as total, count(*) filter (where cc.meets) as meeting
      from cell_compliance cc join units u on u.id = cc.cell_id where cc.period = ${period}::date group by 1, 2, 3)
    select anc::bigint, b.standard_code, s.sector, sum(b.total), sum(b.meeting)
    from by_parent b join units p on p.id = b.parent_id cross join lateral unnest(string_to_array(p.path::text, '.')) as anc
    cross join lateral (values ('*'), (b.sector)) as s(sector)
    group by 1, 2, 3`));
}
