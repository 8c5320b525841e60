/**
 * Running campaigns' counts (decision 0033, kept as decision 0022 keeps the committees' roll-ups): per
 * campaign, participant cell and component standard, the verdicts judged and met over the campaign's
 * months (campaign_cell_counts), so a campaign's standings read one row per cell and standard instead
 * of every month's verdicts.
 *
 * Three writers, each holding the months it touches so that no verdict difference is counted twice or
 * lost: the folder adds the differences it takes (its months held shared, fold.ts); a month's rebuild
 * takes the month's old verdicts out before dropping its queue and puts the new ones in after the swap
 * (the month held exclusively); a campaign's start or change recounts it from the verdicts less the
 * differences still queued (its months held exclusively, in order, as writers take them shared). A
 * cell whose verdicts are dropped to be judged again (a new sector) drops its counts with them.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * The fold's part: adds its CTE `taken` (cell_id, period, standard_code, dt, dm) into every running campaign
 * with the cell as a participant, the period among its months and the standard among its components.
 * Summed and sorted by key, so concurrent folds lock rows in the same order.
 */
export const foldIntoCampaigns = sql`
  insert into campaign_cell_counts (campaign_id, cell_id, standard_code, judged, met)
  select c.id, t.cell_id, t.standard_code, sum(t.dt), sum(t.dm)
  from taken t
  join campaign_units cu on cu.unit_id = t.cell_id
  join campaigns c on c.id = cu.campaign_id and c.cancelled_at is null and t.period between c.from_period and c.to_period
    and c.components @> jsonb_build_array(jsonb_build_object('kind', 'standard', 'code', t.standard_code))
  group by 1, 2, 3 order by 1, 2, 3
  on conflict (campaign_id, cell_id, standard_code) do update set
    judged = campaign_cell_counts.judged + excluded.judged, met = campaign_cell_counts.met + excluded.met`;

/** Running campaigns' participant cells and standards: of one campaign, or of those whose months include `period`. */
const parts = (which: RawBuilder<unknown>) => sql`
  select c.id as campaign_id, cu.unit_id as cell_id, x->>'code' as code, c.from_period, c.to_period
  from campaigns c join campaign_units cu on cu.campaign_id = c.id join units u on u.id = cu.unit_id and u.kind = 'cell'
  cross join lateral jsonb_array_elements(c.components) x
  where c.cancelled_at is null and x->>'kind' = 'standard' and ${which}`;

/**
 * A month's rebuild, under its exclusive lock: `sign` -1 before the queue is dropped takes out what
 * the month has added so far (its verdicts less its queued differences); +1 after the swap puts in the
 * rebuilt verdicts.
 */
export async function shiftCampaignMonth(db: Db, period: string, sign: 1 | -1): Promise<void> {
  const queued =
    sign < 0
      ? sql`union all select p.campaign_id, p.cell_id, p.code, d.dt, d.dm from p
          join rollup_deltas d on d.cell_id = p.cell_id and d.period = ${period}::date and d.standard_code = p.code`
      : sql``;
  await sql`
    with p as materialized (${parts(sql`${period}::date between c.from_period and c.to_period`)}),
    v as (
      select p.campaign_id, p.cell_id, p.code, ${sign}::int as dt, ${sign}::int * cc.meets::int as dm from p
      join cell_compliance cc on cc.cell_id = p.cell_id and cc.period = ${period}::date and cc.standard_code = p.code
      ${queued})
    insert into campaign_cell_counts (campaign_id, cell_id, standard_code, judged, met)
    select campaign_id, cell_id, code, sum(dt), sum(dm) from v group by 1, 2, 3 order by 1, 2, 3
    on conflict (campaign_id, cell_id, standard_code) do update set
      judged = campaign_cell_counts.judged + excluded.judged, met = campaign_cell_counts.met + excluded.met`.execute(db);
}

/**
 * Recounts one campaign in the caller's transaction (its start or change): holds its months
 * exclusively (no write or fold of them meanwhile), then counts the verdicts less the differences
 * still queued, which the folder adds later. A cancelled campaign keeps no counts.
 */
export async function recountCampaign(db: Db, campaignId: number): Promise<void> {
  const { rows } = await sql<{ from: string; to: string }>`select min(m)::date::text as from, max(m)::date::text as to
    from (select m from campaigns c, generate_series(c.from_period, c.to_period, interval '1 month') m
      where c.id = ${campaignId} and pg_advisory_xact_lock(hashtext('rollup:' || to_char(m, 'YYYY-MM-DD'))) is not null
      order by m offset 0) x`.execute(db);
  await sql`delete from campaign_cell_counts where campaign_id = ${campaignId}`.execute(db);
  const { from, to } = rows[0]!;
  if (from === null) return;
  // The months as parameters, so the verdicts' and the queue's reads prune to them.
  await sql`
    with p as materialized (${parts(sql`c.id = ${campaignId}`)}),
    v as (
      select p.campaign_id, p.cell_id, p.code, 1 as dt, cc.meets::int as dm from p
      join cell_compliance cc on cc.cell_id = p.cell_id and cc.standard_code = p.code and cc.period between ${from}::date and ${to}::date
      union all
      select p.campaign_id, p.cell_id, p.code, -d.dt, -d.dm from p
      join rollup_deltas d on d.cell_id = p.cell_id and d.standard_code = p.code and d.period between ${from}::date and ${to}::date)
    insert into campaign_cell_counts (campaign_id, cell_id, standard_code, judged, met)
    select campaign_id, cell_id, code, sum(dt), sum(dm) from v group by 1, 2, 3`.execute(db);
}

/**
 * A cell's verdicts are about to be dropped and judged again (engine.ts#withdrawCell, its queue folded
 * first): its counts go with them, so that being judged again adds them back once.
 */
export async function withdrawCellCounts(db: Db, cellId: number): Promise<void> {
  await sql`delete from campaign_cell_counts k using campaign_units cu
    where cu.unit_id = ${cellId} and k.campaign_id = cu.campaign_id and k.cell_id = ${cellId}`.execute(db);
}
