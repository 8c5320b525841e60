import { sql, type Kysely } from 'kysely';

/**
 * A campaign's standings kept on write (issue 15; decisions 0022, 0033): for each running campaign, its
 * participant cells' verdicts judged and met per component standard over the campaign's months. The
 * roll-up folder adds the queued verdict differences to it as it adds them to the committees; a
 * month's rebuild and a change of the campaign recount it. Filled here from the verdicts less the
 * differences still queued (the folder adds those later).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table campaign_cell_counts (
  campaign_id bigint not null references campaigns(id) on delete cascade,
  cell_id bigint not null,
  standard_code text not null,
  judged integer not null,
  met integer not null,
  primary key (campaign_id, cell_id, standard_code)
);

with parts as (
  select c.id as campaign_id, cu.unit_id as cell_id, x->>'code' as code, c.from_period, c.to_period
  from campaigns c join campaign_units cu on cu.campaign_id = c.id join units u on u.id = cu.unit_id and u.kind = 'cell'
  cross join lateral jsonb_array_elements(c.components) x
  where c.cancelled_at is null and x->>'kind' = 'standard'),
v as (
  select p.campaign_id, p.cell_id, p.code, 1 as dt, cc.meets::int as dm
  from parts p join cell_compliance cc on cc.cell_id = p.cell_id and cc.standard_code = p.code
    and cc.period between p.from_period and p.to_period
  union all
  select p.campaign_id, p.cell_id, p.code, -d.dt, -d.dm
  from parts p join rollup_deltas d on d.cell_id = p.cell_id and d.standard_code = p.code
    and d.period between p.from_period and p.to_period)
insert into campaign_cell_counts (campaign_id, cell_id, standard_code, judged, met)
select campaign_id, cell_id, code, sum(dt), sum(dm) from v group by 1, 2, 3;
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table campaign_cell_counts`.execute(db);
}
