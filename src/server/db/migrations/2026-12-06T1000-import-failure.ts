import { sql, type Kysely } from 'kysely';

/**
 * Why a failed import failed, for clients to act on: `interrupted` when the process running it stopped
 * (or lost its database connection) mid-way, so nothing was imported and it can simply be tried again;
 * `error` for any other failure. Imports already marked failed by a restart are named interrupted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table imports add column failure text check (failure in ('interrupted', 'error'))`.execute(db);
  await sql`update imports set failure = case when message like 'interrupted%' then 'interrupted' else 'error' end where status = 'failed'`.execute(
    db,
  );
  await sql`alter table imports add constraint imports_failure_only_when_failed check ((status = 'failed') = (failure is not null))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table imports drop column failure`.execute(db);
}
