import { sql, type Kysely } from 'kysely';

/**
 * The derived tables get lighter, for a monthly rebuild at scale L (decision 0006):
 * - no foreign keys on cell_metrics, cell_compliance and unit_rollups: they are computed from rows
 *   whose keys are already checked, units are never deleted, and a per-row check on millions of
 *   rebuilt rows cost a quarter of the rebuild;
 * - unit_rollups holds committees only: a cell's figures are its own compliance rows, and storing
 *   them again as roll-ups doubled the rows written. `unit_figures` reads both the same way.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table cell_metrics drop constraint if exists cell_metrics_cell_id_fkey;
alter table cell_compliance drop constraint if exists cell_compliance_cell_id_fkey;
alter table unit_rollups drop constraint if exists unit_rollups_unit_id_fkey;
delete from unit_rollups r using units u where u.id = r.unit_id and u.kind = 'cell';

-- Any unit's figures for a period and standard: a committee's roll-up, or a cell's own verdict.
create view unit_figures as
  select unit_id, period, standard_code, cells_total, cells_meeting from unit_rollups
  union all
  select cell_id, period, standard_code, 1, meets::int from cell_compliance;
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
drop view unit_figures;
insert into unit_rollups (unit_id, period, standard_code, cells_total, cells_meeting)
  select cell_id, period, standard_code, 1, meets::int from cell_compliance;
alter table cell_metrics add foreign key (cell_id) references units(id);
alter table cell_compliance add foreign key (cell_id) references units(id);
alter table unit_rollups add foreign key (unit_id) references units(id);
`.execute(db);
}
