import { sql, type Kysely } from 'kysely';

/**
 * The derived tables are partitioned by month (decision 0006): the monthly rebuild fills a fresh,
 * unindexed table, indexes it with one sort and swaps it in, instead of deleting and re-inserting
 * millions of rows through big indexes. A month's partition of each table is `<table>_yYYYYmMM`.
 */
const TABLES = ['cell_metrics', 'cell_compliance', 'unit_rollups'] as const;

const partitionName = (table: string, period: string) => `${table}_y${period.slice(0, 4)}m${period.slice(5, 7)}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop view unit_figures`.execute(db);
  for (const t of TABLES)
    await sql.raw(`alter table ${t} rename to ${t}_unpartitioned; alter index ${t}_pkey rename to ${t}_unpartitioned_pkey`).execute(db);
  await sql`alter index cell_compliance_period_idx rename to cell_compliance_unpartitioned_period_idx`.execute(db);
  await sql`
create table cell_metrics (
  cell_id bigint not null,
  period date not null,
  key text not null,
  value double precision not null,
  primary key (cell_id, period, key)
) partition by range (period);

create table cell_compliance (
  cell_id bigint not null,
  period date not null,
  standard_code text not null,
  meets boolean not null,
  detail jsonb,
  primary key (cell_id, period, standard_code)
) partition by range (period);
create index cell_compliance_period_idx on cell_compliance (period, standard_code, meets);

create table unit_rollups (
  unit_id bigint not null,
  period date not null,
  standard_code text not null,
  cells_total int not null,
  cells_meeting int not null,
  primary key (unit_id, period, standard_code)
) partition by range (period);

create view unit_figures as
  select unit_id, period, standard_code, cells_total, cells_meeting from unit_rollups
  union all
  select cell_id, period, standard_code, 1, meets::int from cell_compliance;
`.execute(db);
  const { rows } = await sql<{ p: string }>`
    select distinct to_char(period, 'YYYY-MM-DD') as p from (
      select period from metric_periods union select period from cell_metrics_unpartitioned
      union select period from cell_compliance_unpartitioned union select period from unit_rollups_unpartitioned) x order by 1`.execute(db);
  for (const { p } of rows) {
    for (const t of TABLES) {
      await sql
        .raw(`create table ${partitionName(t, p)} partition of ${t} for values from ('${p}') to ('${p}'::date + interval '1 month')`)
        .execute(db);
    }
  }
  for (const t of TABLES) await sql.raw(`insert into ${t} select * from ${t}_unpartitioned; drop table ${t}_unpartitioned`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop view unit_figures`.execute(db);
  for (const t of TABLES) {
    await sql
      .raw(`alter table ${t} rename to ${t}_partitioned; create table ${t} (like ${t}_partitioned including all);
      insert into ${t} select * from ${t}_partitioned; drop table ${t}_partitioned cascade`)
      .execute(db);
  }
  await sql`create view unit_figures as
    select unit_id, period, standard_code, cells_total, cells_meeting from unit_rollups
    union all
    select cell_id, period, standard_code, 1, meets::int from cell_compliance`.execute(db);
}
