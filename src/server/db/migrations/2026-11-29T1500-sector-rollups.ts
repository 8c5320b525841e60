import { sql, type Kysely } from 'kysely';

/**
 * Roll-ups by sector: every committee's figures also split by its cells' sector, so the central
 * dashboard's "by sector" is a read of a few rows, not an aggregation of the whole month. `sector` is
 * '*' for all sectors (the figures every other view reads) and '' for cells with no sector.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
drop view unit_figures;
alter table unit_rollups add column sector text not null default '*';
alter table unit_rollups alter column sector drop default;
alter table unit_rollups drop constraint unit_rollups_pkey;
alter table unit_rollups add primary key (unit_id, period, standard_code, sector);
insert into unit_rollups (unit_id, period, standard_code, sector, cells_total, cells_meeting)
  select anc::bigint, cc.period, cc.standard_code, coalesce(u.sector, ''), count(*), count(*) filter (where cc.meets)
  from cell_compliance cc join units u on u.id = cc.cell_id join units p on p.id = u.parent_id
  cross join lateral unnest(string_to_array(p.path::text, '.')) as anc
  group by 1, 2, 3, 4;
create view unit_figures as
  select unit_id, period, standard_code, cells_total, cells_meeting from unit_rollups where sector = '*'
  union all
  select cell_id, period, standard_code, 1, meets::int from cell_compliance;
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
drop view unit_figures;
delete from unit_rollups where sector <> '*';
alter table unit_rollups drop constraint unit_rollups_pkey;
alter table unit_rollups add primary key (unit_id, period, standard_code);
alter table unit_rollups drop column sector;
create view unit_figures as
  select unit_id, period, standard_code, cells_total, cells_meeting from unit_rollups
  union all
  select cell_id, period, standard_code, 1, meets::int from cell_compliance;
`.execute(db);
}
