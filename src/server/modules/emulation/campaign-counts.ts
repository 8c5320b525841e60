/**
 * Running campaigns' counts (decision 0033, kept as decision 0022 keeps the committees' roll-ups): per
 * campaign, participant unit and component standard, the verdicts judged and met over the campaign's
 * months (campaign_counts): a cell's own verdicts, a committee's cells' (its roll-ups, all sectors).
 * So a campaign's standings read one row per participant and standard instead of every month's
 * verdicts or roll-ups.
 *
 * The engine keeps them through the follower declared here (compliance/plugin.ts#VerdictFollower), each
 * writer holding the months it touches so that no verdict difference is counted twice or lost: the
 * folder adds the differences it takes to the participant cell and to participant committees above it
 * (its months held shared); a month's rebuild takes the month's part out before dropping its queue and
 * puts the rebuilt one in after the swap (the month held exclusively); a unit's move shifts its totals
 * from the campaigns of its old committees to its new ones; a campaign's start or change recounts it
 * (its months held exclusively, in order, as writers take them shared).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { VerdictFollower } from '../compliance/plugin.ts';

/** Running campaigns with the standard among their components and the period among their months, as `c`. */
const running = (period: RawBuilder<unknown>, code: RawBuilder<unknown>) => sql`
  join campaigns c on c.id = cu.campaign_id and c.cancelled_at is null and ${period} between c.from_period and c.to_period
    and c.components @> jsonb_build_array(jsonb_build_object('kind', 'standard', 'code', ${code}))`;

/** Adds the rows of `select` (campaign_id, unit_id, code, judged, met), summed per key and sorted. */
const addCounts = (rows: RawBuilder<unknown>) => sql`
  insert into campaign_counts (campaign_id, unit_id, standard_code, judged, met)
  select campaign_id, unit_id, code, sum(dt), sum(dm) from (${rows}) v group by 1, 2, 3 order by 1, 2, 3
  on conflict (campaign_id, unit_id, standard_code) do update set
    judged = campaign_counts.judged + excluded.judged, met = campaign_counts.met + excluded.met`;

/**
 * The fold's part: its CTE `taken` into every running campaign with the cell, or a committee above it,
 * as a participant.
 */
const foldIntoCampaigns = addCounts(sql`
  select c.id as campaign_id, cu.unit_id, t.standard_code as code, t.dt, t.dm
  from taken t
  cross join lateral unnest(string_to_array(t.parent_path, '.')::bigint[] || t.cell_id) as u(id)
  join campaign_units cu on cu.unit_id = u.id
  ${running(sql`t.period`, sql`t.standard_code`)}`);

/** Running campaigns' participants and standards: of one campaign, or of those whose months include a period. */
const parts = (which: RawBuilder<unknown>) => sql`
  select c.id as campaign_id, cu.unit_id, u.kind = 'cell' as is_cell, x->>'code' as code
  from campaigns c join campaign_units cu on cu.campaign_id = c.id join units u on u.id = cu.unit_id
  cross join lateral jsonb_array_elements(c.components) x
  where c.cancelled_at is null and x->>'kind' = 'standard' and ${which}`;

/**
 * The totals of `p`'s participants in the months from..to as the folder has added them: a cell's
 * verdicts less its differences still queued, a committee's roll-ups (which the folder adds to in the
 * same statement as to the counts).
 */
const folded = (from: RawBuilder<unknown>, to: RawBuilder<unknown>, sign: number) => sql`
  select p.campaign_id, p.unit_id, p.code, ${sign}::int as dt, ${sign}::int * cc.meets::int as dm from p
  join cell_compliance cc on p.is_cell and cc.cell_id = p.unit_id and cc.standard_code = p.code and cc.period between ${from} and ${to}
  union all
  select p.campaign_id, p.unit_id, p.code, -${sign}::int * d.dt, -${sign}::int * d.dm from p
  join rollup_deltas d on p.is_cell and d.cell_id = p.unit_id and d.standard_code = p.code and d.period between ${from} and ${to}
  union all
  select p.campaign_id, p.unit_id, p.code, ${sign}::int * r.cells_total, ${sign}::int * r.cells_meeting from p
  join unit_rollups r on not p.is_cell and r.unit_id = p.unit_id and r.sector = '*' and r.standard_code = p.code
    and r.period between ${from} and ${to}`;

/**
 * A month's rebuild, under its exclusive lock: `sign` -1 before the queue is dropped takes out what the
 * month has added so far; +1 after the swap puts in the rebuilt verdicts and roll-ups (nothing queued).
 */
async function shiftCampaignMonth(db: Db, period: string, sign: 1 | -1): Promise<void> {
  const p = sql`${period}::date`;
  await sql`with p as materialized (${parts(sql`${p} between c.from_period and c.to_period`)})
    ${addCounts(folded(p, p, sign))}`.execute(db);
}

/**
 * Recounts one campaign in the caller's transaction (its start or change): holds its months
 * exclusively (no write or fold of them meanwhile), then counts what the folder has added; it adds the
 * differences still queued later. A cancelled campaign keeps no counts.
 */
export async function recountCampaign(db: Db, campaignId: number): Promise<void> {
  const { rows } = await sql<{ from: string; to: string }>`select min(m)::date::text as from, max(m)::date::text as to
    from (select m from campaigns c, generate_series(c.from_period, c.to_period, interval '1 month') m
      where c.id = ${campaignId} and pg_advisory_xact_lock(hashtext('rollup:' || to_char(m, 'YYYY-MM-DD'))) is not null
      order by m offset 0) x`.execute(db);
  await sql`delete from campaign_counts where campaign_id = ${campaignId}`.execute(db);
  const { from, to } = rows[0]!;
  if (from === null) return;
  // The months as parameters, so the reads prune to their partitions.
  await sql`with p as materialized (${parts(sql`c.id = ${campaignId}`)})
    ${addCounts(folded(sql`${from}::date`, sql`${to}::date`, 1))}`.execute(db);
}

/** A unit's totals, every month, leave the campaigns of the participants `from` and join those of `to`. */
async function moveCampaignTotals(db: Db, unitId: number, from: readonly number[], to: readonly number[]): Promise<void> {
  if (from.length === 0 && to.length === 0) return;
  await sql`
    with own as (
      select period, standard_code, cells_total as dt, cells_meeting as dm from unit_rollups where unit_id = ${unitId} and sector = '*'
      union all
      select period, standard_code, 1, meets::int from cell_compliance where cell_id = ${unitId}),
    shift as (select * from unnest(${[...from, ...to]}::bigint[], ${[...from.map(() => -1), ...to.map(() => 1)]}::int[]) as s(unit_id, sign))
    ${addCounts(sql`
      select c.id as campaign_id, cu.unit_id, o.standard_code as code, s.sign * o.dt as dt, s.sign * o.dm as dm
      from own o cross join shift s join campaign_units cu on cu.unit_id = s.unit_id
      ${running(sql`o.period`, sql`o.standard_code`)}`)}`.execute(db);
}

export const campaignCounts: VerdictFollower = {
  name: 'campaign counts',
  fold: foldIntoCampaigns,
  shiftMonth: shiftCampaignMonth,
  moveTotals: moveCampaignTotals,
};
