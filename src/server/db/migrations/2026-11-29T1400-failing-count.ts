import { sql, type Kysely } from 'kysely';

/**
 * A cell's "meets every standard" verdict (standard '*') also says how many standards it fails, so
 * "the worst cells" under a committee is an index read of the month, not an aggregation of every
 * failing verdict under it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table cell_compliance add column failing smallint;
update cell_compliance s set failing = (select count(*) from cell_compliance f
  where f.cell_id = s.cell_id and f.period = s.period and f.standard_code <> '*' and not f.meets)
where s.standard_code = '*';
create index cell_compliance_failing_idx on cell_compliance (period, failing desc) where standard_code = '*';
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index cell_compliance_failing_idx; alter table cell_compliance drop column failing`.execute(db);
}
