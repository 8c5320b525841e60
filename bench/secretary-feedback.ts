/**
 * secretary-feedback: the committees' view of members' feedback on their secretaries (GET
 * /api/v1/units/{id}/secretary-feedback: averages per trait over the subtree's cells past the threshold,
 * raters and cells, and the same per child) of the centre, a region (level 1) and a district (level 2),
 * with feedback in 30 % of the cells (bench/lib/secretary-feedback.ts), next to the API floor of the same
 * run (GET /api/v1/people/{id}), interleaved, as the administrator through fastify's inject. Target
 * (issue 14): p95 of each at most 3 x the floor's p95. The read is the per-unit totals kept on each
 * write (decision 0027): two indexed lookups for the unit and its children, whatever the subtree's size.
 */
import { sql } from 'kysely';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { openBenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { printResult, printTable } from './lib/report.ts';
import { ensureSecretaryFeedback } from './lib/secretary-feedback.ts';
import { benchRepeat, peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const ROUNDS = 400;
const WARMUP = 40;
const TARGET = 3;

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  try {
    console.log(`secretary-feedback bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    const generated = await ensureSecretaryFeedback(bench.pool);
    console.log(`secretary ratings in ${generated.quarter}: ${generated.ratings} (${round2(generated.seconds)} s)`);
    app = await startBenchApp(bench);
    const db = app.ctx.db;
    const pickUnit = async (depth: number) =>
      Number(
        (
          await sql<{ id: string }>`select u.id from units u where u.kind = 'committee' and u.depth = ${depth}
            order by (select count(*) from units c where c.parent_id = u.id) desc, u.id limit 1`.execute(db)
        ).rows[0]!.id,
      );
    const units = { centre: await pickUnit(0), region: await pickUnit(1), district: await pickUnit(2) };
    const people = (
      await sql<{
        id: string;
      }>`select person_id as id from memberships where to_date is null order by md5(person_id::text) limit 200`.execute(db)
    ).rows.map((r) => Number(r.id));
    const p = picker(27);
    const kinds = ['centre', 'region', 'district', 'floor'] as const;
    const samples = Object.fromEntries(kinds.map((k) => [k, new Samples()])) as Record<(typeof kinds)[number], Samples>;
    const seen: Record<string, { raters: number; cells: number; first: number | null; children: number }> = {};
    for (let i = -WARMUP; i < ROUNDS * benchRepeat(); i++) {
      for (const kind of p.shuffle([...kinds])) {
        const url =
          kind === 'floor'
            ? `/api/v1/people/${p.pick(people)}`
            : `/api/v1/units/${units[kind]}/secretary-feedback?quarter=${generated.quarter}`;
        const { ms, body } = await app.request('GET', url);
        if (i < 0) continue;
        samples[kind].add(ms);
        if (kind !== 'floor')
          seen[kind] = { raters: body.raters, cells: body.cells, first: body.traits[0]?.average ?? null, children: body.children.length };
      }
    }
    for (const [k, v] of Object.entries(seen))
      console.log(
        `${k} (unit ${units[k as keyof typeof units]}): ${v.raters} raters in ${v.cells} cells, first trait ${v.first}, ${v.children} children`,
      );
    console.log(`peak RSS ${peakRssMb()} MB`);
    const floor = samples.floor.p95;
    printTable(
      [{ header: 'request', align: 'left' }, { header: 'p50 ms' }, { header: 'p95 ms' }, { header: 'p95 / floor p95' }],
      [
        ...(['centre', 'region', 'district'] as const).map((k) => [
          `secretary feedback of the ${k}`,
          round2(samples[k].p50),
          round2(samples[k].p95),
          round2(samples[k].p95 / floor),
        ]),
        ['floor: GET /api/v1/people/{id}', round2(samples.floor.p50), round2(floor), 1],
      ],
    );
    const worst = Math.max(samples.centre.p95, samples.region.p95, samples.district.p95);
    printResult({
      bench: 'secretary-feedback',
      scale,
      value: round2(worst),
      unit: 'ms p95',
      limit: round2(TARGET * floor),
      ratio: round2(worst / (TARGET * floor)),
    });
  } finally {
    await app?.close();
    await bench.close();
  }
}
