import { sql, type Kysely } from 'kysely';

/**
 * A nomination can be withdrawn while it is open (issue 13): the nominee changed their mind, moved
 * away, or the cell thought again. It ends the nomination on that day, keeps its timeline, and the
 * pipeline counts it as withdrawn in that month and open no more from then on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table nominations drop constraint nominations_status_check;
alter table nominations add constraint nominations_status_check
  check (status in ('nominated', 'in_training', 'voted', 'not_passed', 'approved', 'rejected', 'withdrawn'));
alter table nominations add column withdrawn_on date;
alter table nominations add column withdrawal_reason text check (length(withdrawal_reason) <= 2000);
alter table nominations add constraint nominations_withdrawn_check check ((status = 'withdrawn') = (withdrawn_on is not null));
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table nominations drop constraint nominations_withdrawn_check;
alter table nominations drop column withdrawal_reason;
alter table nominations drop column withdrawn_on;
alter table nominations drop constraint nominations_status_check;
alter table nominations add constraint nominations_status_check
  check (status in ('nominated', 'in_training', 'voted', 'not_passed', 'approved', 'rejected'));
`.execute(db);
}
