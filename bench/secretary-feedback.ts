/**
 * secretary-feedback: the committees' view of members' feedback on their secretaries (GET
 * /api/v1/units/{id}/secretary-feedback: averages per trait over the subtree's cells past the threshold,
 * raters and cells, and the same per child) of the centre, a region (level 1) and a district (level 2),
 * with feedback in 30 % of the cells (bench/lib/secretary-feedback.ts), next to the API floor of the same
 * run (GET /api/v1/people/{id}), interleaved, as the administrator through fastify's inject. Target
 * (issue 14): p95 of each at most 3 x the floor's p95. The read is the per-unit totals kept on each
 * write (decision 0027): one indexed statement for the unit and its children, whatever the subtree's size.
 */
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { LEVELS, measureCommitteeReads, pickUnitsAndPeople, reportCommitteeReads } from './lib/committee-reads.ts';
import { openBenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { ensureSecretaryFeedback } from './lib/secretary-feedback.ts';
import { peakRssMb, round2 } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';
import type { UnitFeedback } from '../src/shared/schemas/secretary.ts';

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
    const picked = await pickUnitsAndPeople(app.ctx.db);
    const { samples, last } = await measureCommitteeReads<UnitFeedback>(
      app,
      picked,
      (id) => `/api/v1/units/${id}/secretary-feedback?quarter=${generated.quarter}`,
      27,
    );
    for (const k of LEVELS)
      console.log(
        `${k} (unit ${picked.units[k]}): ${last[k].raters} raters in ${last[k].cells} cells, first trait ${last[k].traits[0]?.average ?? null}, ${last[k].children.length} children`,
      );
    console.log(`peak RSS ${peakRssMb()} MB`);
    reportCommitteeReads('secretary-feedback', scale, 'secretary feedback', samples);
  } finally {
    await app?.close();
    await bench.close();
  }
}
