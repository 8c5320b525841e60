import { sql, type Kysely } from 'kysely';

/**
 * Ideas withdrawn by their authors before evaluation (issue 15; decision 0032): a status `withdrawn`
 * with its day, and the timeline's steps `edited` and `withdrawn`. The checks of the first migration
 * had no names: they are found by their text. A withdrawn idea has not been evaluated either.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table ideas add column withdrawn_on date;
do $$
declare c record;
begin
  for c in select conname from pg_constraint where conrelid = 'ideas'::regclass and contype = 'c'
      and (pg_get_constraintdef(oid) like '%status = ANY%' or pg_get_constraintdef(oid) like '%(evaluated_on IS NULL) = %') loop
    execute format('alter table ideas drop constraint %I', c.conname);
  end loop;
  for c in select conname from pg_constraint where conrelid = 'idea_events'::regclass and contype = 'c'
      and pg_get_constraintdef(oid) like '%step%' loop
    execute format('alter table idea_events drop constraint %I', c.conname);
  end loop;
end $$;
alter table ideas add constraint ideas_status_check
  check (status in ('submitted', 'accepted', 'rejected', 'in_trial', 'introduced', 'confirmed', 'withdrawn'));
alter table ideas add constraint ideas_evaluated_check check ((evaluated_on is null) = (status in ('submitted', 'withdrawn')));
alter table ideas add constraint ideas_withdrawn_check check ((withdrawn_on is null) = (status <> 'withdrawn'));
alter table idea_events add constraint idea_events_step_check
  check (step in ('submitted', 'edited', 'withdrawn', 'accepted', 'rejected', 'trial', 'introduced', 'confirmed'));
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
delete from idea_events where step in ('edited', 'withdrawn');
delete from ideas where status = 'withdrawn';
alter table idea_events drop constraint idea_events_step_check;
alter table idea_events add constraint idea_events_step_check
  check (step in ('submitted', 'accepted', 'rejected', 'trial', 'introduced', 'confirmed'));
alter table ideas drop constraint ideas_withdrawn_check, drop constraint ideas_evaluated_check, drop constraint ideas_status_check;
alter table ideas add constraint ideas_status_check
  check (status in ('submitted', 'accepted', 'rejected', 'in_trial', 'introduced', 'confirmed'));
alter table ideas add constraint ideas_evaluated_check check ((evaluated_on is null) = (status = 'submitted'));
alter table ideas drop column withdrawn_on;
`.execute(db);
}
