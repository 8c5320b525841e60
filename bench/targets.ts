/**
 * targets: the committee's targets page of issue 15 (GET /api/v1/units/{id}/targets?year=) for the
 * district with the most children, and the page of its target with the most reports (GET
 * /api/v1/targets/{id}: per-unit breakdown and chart), next to the API floor of the same run (GET
 * /api/v1/people/{id}), all interleaved, as the administrator through fastify's inject, on the
 * scenario "a target per sector per district, progress reported by every cell monthly"
 * (bench/lib/targets.ts). Target (issue 15): the committee's targets page p95 at most 3 x the floor's.
 */
import { sql } from 'kysely';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { openBenchDatabase } from './lib/database.ts';
import { pickUnitsAndPeople } from './lib/committee-reads.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { printResult, printTable } from './lib/report.ts';
import { benchRepeat, peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import { ensureTargets } from './lib/targets.ts';
import type { BenchOptions } from './run.ts';

const ROUNDS = 400;
const WARMUP = 40;
const TARGET = 3;

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  try {
    console.log(`targets bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    app = await startBenchApp(bench);
    const generated = await ensureTargets(bench.pool);
    console.log(`targets: ${generated.targets}, progress reports: ${generated.reports} (${round2(generated.seconds)} s)`);
    const db = app.ctx.db;
    const { units, people } = await pickUnitsAndPeople(db);
    const district = units.district;
    const year = new Date().getUTCFullYear();
    const busiest = await sql<{ id: string; n: string }>`
      select t.id, (select count(*) from target_latest l where l.root_id = t.root_id) as n
      from targets t where t.unit_id = ${district} and t.year = ${year} order by 2 desc, 1 limit 1`.execute(db);
    const targetId = Number(busiest.rows[0]!.id);
    console.log(`district ${district}; its busiest target ${targetId} has ${busiest.rows[0]!.n} units reporting`);
    const reads: Record<string, string> = {
      "the district's targets page": `/api/v1/units/${district}/targets?year=${year}`,
      "the district's busiest target page": `/api/v1/targets/${targetId}`,
    };
    const p = picker(31);
    const kinds = [...Object.keys(reads), 'floor'];
    const samples = Object.fromEntries(kinds.map((k) => [k, new Samples()]));
    const seen: Record<string, string> = {};
    for (let i = -WARMUP; i < ROUNDS * benchRepeat(); i++) {
      for (const kind of p.shuffle([...kinds])) {
        const url = reads[kind] ?? `/api/v1/people/${p.pick(people)}`;
        const { ms, body } = await app.request('GET', url);
        if (i < 0) continue;
        samples[kind]!.add(ms);
        const b = body as any;
        if (kind in reads)
          seen[kind] = b.items
            ? `${b.items.length} targets, achieved ${b.items.reduce((s: number, x: any) => s + x.achieved, 0)}, ${b.items.filter((x: any) => x.status === 'behind').length} behind`
            : `achieved ${b.achieved} of ${b.figure}, ${b.parts.length} units, ${b.chart.length} chart points`;
      }
    }
    for (const [k, v] of Object.entries(seen)) console.log(`${k}: ${v}`);
    console.log(`peak RSS ${peakRssMb()} MB`);
    const floor = samples.floor!.p95;
    const measured = kinds.filter((k) => k !== 'floor');
    printTable(
      [{ header: 'request', align: 'left' }, { header: 'p50 ms' }, { header: 'p95 ms' }, { header: 'p95 / floor p95' }],
      [
        ...measured.map((k) => [k, round2(samples[k]!.p50), round2(samples[k]!.p95), round2(samples[k]!.p95 / floor)]),
        ['floor: GET /api/v1/people/{id}', round2(samples.floor!.p50), round2(floor), 1],
      ],
    );
    const page = samples["the district's targets page"]!.p95;
    printResult({
      bench: 'targets',
      scale,
      value: round2(page),
      unit: 'ms p95',
      limit: round2(TARGET * floor),
      ratio: round2(page / (TARGET * floor)),
    });
  } finally {
    await app?.close();
    await bench.close();
  }
}
