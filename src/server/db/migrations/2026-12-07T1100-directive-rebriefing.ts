import { sql, type Kysely } from 'kysely';

/**
 * A directive's re-briefing schedule (issue 11): again every `rebrief_every_months` months,
 * `rebrief_times` more times after the first round; both null when it is conveyed once. Each re-briefing
 * is a new round in directive_rounds (decision 0016), opened by the `directive-rebriefings` job.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table directives
  add column rebrief_every_months int check (rebrief_every_months between 1 and 24),
  add column rebrief_times int check (rebrief_times between 1 and 24),
  add constraint directives_rebrief_both check ((rebrief_every_months is null) = (rebrief_times is null));
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table directives drop constraint directives_rebrief_both, drop column rebrief_every_months, drop column rebrief_times`.execute(
    db,
  );
}
