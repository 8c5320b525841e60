/**
 * The benches' two campaigns over the dataset's months: one over up to 1,000 cells, one over up to
 * 1,000 committees of the depth with the most of them; three standards and the overall verdict.
 */
import { sql } from 'kysely';
import { systemActor } from '../../src/server/access/actor.ts';
import type { Db } from '../../src/server/db/database.ts';
import { createCampaign } from '../../src/server/modules/emulation/campaigns.ts';

export const CAMPAIGN_UNITS = 1000;
export const CAMPAIGN_CODES = ['general-meeting-monthly', 'general-attendance-rate', 'actions-on-time', '*'];

export type BenchCampaigns = {
  span: { from: string; to: string; year: number };
  cells: number[];
  committees: number[];
  depth: number;
  cellCampaign: number;
  committeeCampaign: number | null;
};

export async function createBenchCampaigns(db: Db): Promise<BenchCampaigns> {
  const span = (
    await sql<{ from: string; to: string; year: number }>`select min(period)::text as from, max(period)::text as to,
      (select extract(year from period)::int from cell_compliance where standard_code = '*' group by 1 order by count(*) desc limit 1) as year
      from cell_compliance where standard_code = '*'`.execute(db)
  ).rows[0]!;
  const cells = (
    await sql<{ id: number }>`select id from units where kind = 'cell' and closed_on is null order by id limit ${CAMPAIGN_UNITS}`.execute(
      db,
    )
  ).rows.map((r) => Number(r.id));
  const depth = (
    await sql<{ depth: number }>`select depth from units where kind = 'committee' group by depth order by count(*) desc limit 1`.execute(db)
  ).rows[0]!.depth;
  const committees = (
    await sql<{
      id: number;
    }>`select id from units where kind = 'committee' and depth = ${depth} order by id limit ${CAMPAIGN_UNITS}`.execute(db)
  ).rows.map((r) => Number(r.id));
  const weights = Object.fromEntries(CAMPAIGN_CODES.map((c, i) => [c, i + 1]));
  const make = (title: string, unitIds: number[]) =>
    createCampaign(db, systemActor(), { title, unitIds, from: span.from, to: span.to, standardCodes: CAMPAIGN_CODES, weights });
  const cellCampaign = (await make('Bench: cells', cells)).id;
  const committeeCampaign = committees.length >= 2 ? (await make('Bench: committees', committees)).id : null;
  return { span, cells, committees, depth, cellCampaign, committeeCampaign };
}
