import { sql, type Kysely } from 'kysely';

/**
 * Campaign counts for committees too (issue 15, decision 0033 amended again): the counts kept on write
 * become per participant unit, a committee's being its cells' verdicts judged and met (its roll-ups,
 * all sectors) over the campaign's months, so a campaign over 1,000 committees reads 1,000 rows per
 * standard instead of their monthly roll-ups. The cells' rows stay as they are; the committees' are
 * filled from their roll-ups, which hold exactly what the folder has added (it adds to both at once).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table campaign_cell_counts rename to campaign_counts;
alter table campaign_counts rename column cell_id to unit_id;
alter index campaign_cell_counts_pkey rename to campaign_counts_pkey;

insert into campaign_counts (campaign_id, unit_id, standard_code, judged, met)
select c.id, cu.unit_id, r.standard_code, sum(r.cells_total), sum(r.cells_meeting)
from campaigns c join campaign_units cu on cu.campaign_id = c.id join units u on u.id = cu.unit_id and u.kind <> 'cell'
cross join lateral jsonb_array_elements(c.components) x
join unit_rollups r on r.unit_id = cu.unit_id and r.sector = '*' and r.standard_code = x->>'code'
  and r.period between c.from_period and c.to_period
where c.cancelled_at is null and x->>'kind' = 'standard'
group by 1, 2, 3;
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
delete from campaign_counts k using units u where u.id = k.unit_id and u.kind <> 'cell';
alter index campaign_counts_pkey rename to campaign_cell_counts_pkey;
alter table campaign_counts rename column unit_id to cell_id;
alter table campaign_counts rename to campaign_cell_counts;
`.execute(db);
}
