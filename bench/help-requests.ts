/**
 * help-requests: the committees' counts of requests for help (GET /api/v1/units/{id}/help-requests/summary:
 * open, answered, median days, and the same per child) of the centre, a region (level 1) and a district
 * (level 2), with 2 % of the members having a request, next to the API floor of the same run (GET
 * /api/v1/people/{id}), interleaved, as the administrator through fastify's inject. Target (issue 13):
 * p95 of each at most 3 x the floor's p95. The month's summed roll-ups are rebuilt once after the
 * requests are generated (untimed), as the nightly rebuild would.
 */
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { periodOf, todayIso } from '../src/server/modules/compliance/periods.ts';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { openBenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { ensureHelpRequests } from './lib/help-requests.ts';
import { LEVELS, measureCommitteeReads, pickUnitsAndPeople, reportCommitteeReads } from './lib/committee-reads.ts';
import { peakRssMb, round2 } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';
import type { HelpSummary } from '../src/shared/schemas/help-requests.ts';

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  try {
    console.log(`help-requests bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    const generated = await ensureHelpRequests(bench.pool);
    console.log(`help requests: ${generated.rows} (${round2(generated.seconds)} s)`);
    app = await startBenchApp(bench);
    const db = app.ctx.db;
    const period = periodOf(todayIso());
    const rebuild = performance.now();
    await materializePeriod(db, period);
    console.log(`month ${period.slice(0, 7)} rebuilt in ${round2((performance.now() - rebuild) / 1000)} s`);
    const picked = await pickUnitsAndPeople(db);
    const { samples, last } = await measureCommitteeReads<HelpSummary>(
      app,
      picked,
      (id) => `/api/v1/units/${id}/help-requests/summary?period=${period.slice(0, 7)}`,
      26,
    );
    for (const k of LEVELS)
      console.log(
        `${k} (unit ${picked.units[k]}): open ${last[k].open}, answered ${last[k].answered}, median ${last[k].medianDaysToAnswer} days, ${last[k].children.length} children`,
      );
    console.log(`peak RSS ${peakRssMb()} MB`);
    reportCommitteeReads('help-requests', scale, 'summary', samples);
  } finally {
    await app?.close();
    await bench.close();
  }
}
