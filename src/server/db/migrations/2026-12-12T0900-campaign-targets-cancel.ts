import { sql, type Kysely } from 'kysely';

/**
 * Issue 15, decision 0033's extension points: a campaign can be cancelled (kept, out of the lists,
 * audited) and edited (`updated_at`); the default model-cell rule gains "no overdue target" as data.
 * Target components of a campaign need no migration (`components` is jsonb).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table campaigns add column updated_at timestamptz;
alter table campaigns add column cancelled_at timestamptz;
alter table campaigns add column cancelled_by bigint references accounts(id);
update distinction_rules set conditions = conditions || '[{"kind": "no-overdue-target"}]'::jsonb, updated_at = now()
  where code = 'model-cell' and not conditions @> '[{"kind": "no-overdue-target"}]'::jsonb;
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
update distinction_rules set conditions = (select coalesce(jsonb_agg(x), '[]'::jsonb) from jsonb_array_elements(conditions) x
  where x->>'kind' <> 'no-overdue-target') where code = 'model-cell';
alter table campaigns drop column cancelled_by, drop column cancelled_at, drop column updated_at;
`.execute(db);
}
