import { sql, type Kysely } from 'kysely';

/** The committee depths that get an index of the audit rows under each of their committees (audit/queries.ts). */
const DEPTHS = [1, 2, 3, 4];

/**
 * Each audit row names the unit its change belongs to and that unit's path at the time of the change,
 * so an official reads the rows of their subtree (GET /api/v1/audit). The path is kept as it was: after
 * a move, the committee that had the unit then still sees what happened under it then.
 *
 * Indexes, for a table that grows by tens of millions of rows a year and is always read newest first
 * by (at, id) (keyset pagination):
 * - (at, id): the administrator's whole-tree reads, and an official of the top committee (nearly every
 *   row is under it, so walking time order backwards fills a page at once). Replaces the (at) index,
 *   which cannot settle ties within one timestamp.
 * - for each committee depth d of 1 to 4, the rows under each committee of that depth in time order: an
 *   index on the ancestor at depth d (the first d + 1 labels of the path), then (at, id). A district
 *   holding 0.1% of the rows gets its first page as one short index range, where walking the time
 *   index would pass a thousand foreign rows for each of its own.
 * - (unit_path, at, id): a cell's rows (and those under a committee deeper than 4), a short range.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log add column unit_id bigint, add column unit_path ltree`.execute(db);
  // Rows written before this migration: the unit is derived from the entity as it stands now, the
  // nearest to the time of the change that can still be known. Global entities (meeting kinds, the
  // rulebook, API tokens) have no unit: administrators only.
  await sql`
update audit_log l set unit_id = case l.entity
    when 'unit' then (select u.id from units u where u.id = l.entity_id::bigint)
    when 'person' then (select m.cell_id from memberships m where m.person_id = l.entity_id::bigint
      order by m.to_date is not null, m.from_date desc, m.id desc limit 1)
    when 'meeting' then (select m.cell_id from meetings m where m.id = l.entity_id::bigint)
    when 'action' then (select a.cell_id from decision_actions a where a.id = l.entity_id::bigint)
    when 'follow_up' then (select f.cell_id from follow_ups f where f.id = l.entity_id::bigint)
    when 'grant' then (select g.unit_id from grants g where g.id = l.entity_id::bigint)
    when 'account' then (select m.cell_id from accounts a join memberships m on m.person_id = a.person_id
      where a.id = l.entity_id::bigint order by m.to_date is not null, m.from_date desc, m.id desc limit 1)
  end
where l.entity in ('unit', 'person', 'meeting', 'action', 'follow_up', 'grant', 'account') and l.entity_id ~ '^[0-9]{1,18}$'`.execute(db);
  await sql`update audit_log l set unit_path = u.path from units u where u.id = l.unit_id`.execute(db);

  await sql`drop index audit_log_at_idx`.execute(db);
  await sql`create index audit_log_time_idx on audit_log (at, id)`.execute(db);
  await sql`create index audit_log_unit_path_idx on audit_log (unit_path, at, id) where unit_path is not null`.execute(db);
  for (const d of DEPTHS) {
    await sql
      .raw(`create index audit_log_under_depth${d}_idx on audit_log ((subpath(unit_path, 0, ${d + 1})), at, id)
      where nlevel(unit_path) > ${d}`)
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const d of DEPTHS) await sql.raw(`drop index audit_log_under_depth${d}_idx`).execute(db);
  await sql`drop index audit_log_unit_path_idx`.execute(db);
  await sql`drop index audit_log_time_idx`.execute(db);
  await sql`create index audit_log_at_idx on audit_log (at)`.execute(db);
  await sql`alter table audit_log drop column unit_path, drop column unit_id`.execute(db);
}
