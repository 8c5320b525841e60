import { sql, type Kysely } from 'kysely';

/**
 * Attendance rows carry their meeting's day, so a month's attendance is a range of a tiny BRIN index:
 * rows arrive as meetings happen, so a month's rows sit together on disk, and rebuilding a month reads
 * that stretch of the table instead of probing the primary key once per meeting across the whole
 * history. The day is kept equal to the meeting's by the foreign key itself (ON UPDATE CASCADE).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table attendance add column meets_on date;
update attendance a set meets_on = m.meets_on from meetings m where m.cell_id = a.cell_id and m.id = a.meeting_id;
alter table attendance alter column meets_on set not null;
alter table meetings add constraint meetings_day_key unique (cell_id, id, meets_on);
alter table attendance drop constraint attendance_cell_id_meeting_id_fkey;
alter table attendance add constraint attendance_meeting_fkey foreign key (cell_id, meeting_id, meets_on)
  references meetings (cell_id, id, meets_on) on delete cascade on update cascade;
create index attendance_day_brin on attendance using brin (meets_on);
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
drop index attendance_day_brin;
alter table attendance drop constraint attendance_meeting_fkey;
alter table attendance add constraint attendance_cell_id_meeting_id_fkey foreign key (cell_id, meeting_id) references meetings (cell_id, id) on delete cascade;
alter table meetings drop constraint meetings_day_key;
alter table attendance drop column meets_on;
`.execute(db);
}
