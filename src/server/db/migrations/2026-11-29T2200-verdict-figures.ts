import { sql, type Kysely } from 'kysely';

/**
 * A verdict keeps the two figures it was judged on as numbers (`x`, `y`) instead of a `detail` JSON
 * object: building that JSON for every (cell, standard) pair cost about 5 s of a monthly rebuild at
 * scale L, and the limit in it is the standard's, known when read. Readers build the same object
 * (evaluate.ts, `verdictDetail`). The first figure is the one each kind's detail named first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table cell_compliance add column x float8, add column y float8`.execute(db);
  await sql`update cell_compliance set
      x = coalesce(detail->>'held', detail->>'maxGapDays', detail->>'present', detail->>'oldestOpenDays', detail->>'onTime')::float8,
      y = coalesce(detail->>'expected', detail->>'due')::float8
    where detail is not null`.execute(db);
  await sql`alter table cell_compliance drop column detail`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table cell_compliance add column detail jsonb`.execute(db);
  await sql`update cell_compliance c set detail = case s.kind
      when 'meetings_per_month' then jsonb_build_object('held', c.x, 'required', (s.params->>'min')::float8)
      when 'review_interval' then jsonb_build_object('maxGapDays', c.x, 'limitDays', (s.params->>'weeks')::float8 * 7)
      when 'attendance_rate' then jsonb_build_object('present', c.x, 'expected', c.y, 'min', (s.params->>'min')::float8)
      when 'absence_follow_up' then jsonb_build_object('oldestOpenDays', c.x, 'graceDays', (s.params->>'graceDays')::float8)
      when 'actions_on_time' then jsonb_build_object('due', c.y, 'onTime', c.x, 'min', (s.params->>'min')::float8) end
    from standards s where s.code = c.standard_code and s.valid_from <= c.period and (s.valid_to is null or s.valid_to > c.period)`.execute(
    db,
  );
  await sql`alter table cell_compliance drop column x, drop column y`.execute(db);
}
