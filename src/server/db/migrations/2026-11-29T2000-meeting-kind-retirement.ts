import { sql, type Kysely } from 'kysely';

/**
 * A kind of meeting is retired, never deleted: meetings and standards refer to it by code and history
 * must stay readable, but new meetings can no longer use it. Administrators also order the kinds, so
 * positions become unique (renumbered 1..n first, in case two kinds added at once took the same one);
 * the constraint is deferrable so that one statement can swap two positions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table meeting_kinds add column retired_at timestamptz`.execute(db);
  await sql`update meeting_kinds k set position = r.n
    from (select code, row_number() over (order by position, code)::int as n from meeting_kinds) r
    where r.code = k.code and k.position <> r.n`.execute(db);
  await sql`alter table meeting_kinds add constraint meeting_kinds_position_key unique (position) deferrable initially immediate`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table meeting_kinds drop constraint meeting_kinds_position_key`.execute(db);
  await sql`alter table meeting_kinds drop column retired_at`.execute(db);
}
