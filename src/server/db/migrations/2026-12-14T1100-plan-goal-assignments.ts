import { sql, type Kysely } from 'kysely';

/**
 * A work plan's assignment goal may name one of the cell's assignments (issue 15: "planned
 * assignments"), so the plan and its review show how that assignment stands. Same cell by the key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table work_plan_goals add column assignment_id bigint;
alter table work_plan_goals add constraint work_plan_goals_assignment_fk
  foreign key (cell_id, assignment_id) references assignments (cell_id, id);
alter table work_plan_goals add constraint work_plan_goals_assignment_kind check (assignment_id is null or kind = 'assignment');
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table work_plan_goals drop column assignment_id`.execute(db);
}
