import { sql, type Kysely } from 'kysely';

/**
 * Accounts the demo seed made. Their password is the published `demo`, so on an external database
 * (a real deployment) they may not sign in with it (modules/auth/service.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table accounts add column demo boolean not null default false`.execute(db);
  await sql`update accounts set demo = true where login like '%@demo'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table accounts drop column demo`.execute(db);
}
