/**
 * The rulebook applied to metrics: for each cell open in a period and each standard in force then and
 * applicable to it (whole organization, its subtree, or its sector), whether the cell meets it and
 * the figures that say why. '*' is "meets every standard".
 */
import { sql, type RawBuilder } from 'kysely';

export type ComplianceRow = { cell_id: number; standard_code: string; meets: boolean; detail: unknown };

/**
 * `metrics` is where the cells' metric rows (cell_id, key, value) come from: by default the stored
 * `cell_metrics` of the period; an incremental refresh passes the rows it is about to store, so that
 * metrics and compliance are computed in one statement.
 */
export function evaluateCompliance(period: string, nextPeriod: string, cellIds: number[] | null, metrics?: RawBuilder<unknown>): RawBuilder<ComplianceRow> {
  const filter = (column: string) => (cellIds === null ? sql`true` : sql`${sql.ref(column)} = any(${cellIds}::bigint[])`);
  const source = metrics ?? sql`select cell_id, key, value from cell_metrics where period = ${period}::date and ${filter('cell_id')}`;
  return sql<ComplianceRow>`
    with mv as (select cell_id, jsonb_object_agg(key, value) as v from (${source}) src group by cell_id),
    -- Each cell joined to its metrics once, up front: left to itself the planner may estimate one
    -- cell x standard pair and re-aggregate the metrics for every pair (quadratic at scale).
    cells as materialized (
      select u.id, u.path, u.sector, coalesce(mv.v, '{}'::jsonb) as v from units u left join mv on mv.cell_id = u.id
      where u.kind = 'cell' and u.opened_on < ${nextPeriod}::date and (u.closed_on is null or u.closed_on > ${period}::date) and ${filter('u.id')}
    ),
    std as materialized (
      select s.code, s.kind, s.params, su.path as scope_path, s.scope_sector from standards s left join units su on su.id = s.scope_unit_id
      where s.valid_from <= ${period}::date and (s.valid_to is null or s.valid_to > ${period}::date)
    ),
    pairs as (
      select c.id as cell_id, s.code, s.kind, s.params, c.v
      from cells c join std s on (s.scope_path is null or c.path <@ s.scope_path) and (s.scope_sector is null or c.sector = s.scope_sector)
    ),
    figures as (
      select cell_id, code, kind, case kind
        when 'meetings_per_month' then jsonb_build_object('held', coalesce((v->>('meetings_held:' || (params->>'kind')))::float8, 0), 'required', (params->>'min')::float8)
        when 'review_interval' then jsonb_build_object('maxGapDays', coalesce((v->>('max_gap_days:' || (params->>'kind')))::float8, 0), 'limitDays', (params->>'weeks')::float8 * 7)
        when 'attendance_rate' then jsonb_build_object('present', coalesce((v->>('attendance_present:' || (params->>'kind')))::float8, 0),
          'expected', coalesce((v->>('attendance_expected:' || (params->>'kind')))::float8, 0), 'min', (params->>'min')::float8)
        when 'absence_follow_up' then jsonb_build_object('oldestOpenDays', coalesce((v->>'followup_oldest_open_days')::float8, 0), 'graceDays', (params->>'graceDays')::float8)
        when 'actions_on_time' then jsonb_build_object('due', coalesce((v->>'actions_due')::float8, 0), 'onTime', coalesce((v->>'actions_on_time')::float8, 0), 'min', (params->>'min')::float8)
      end as d
      from pairs
    ),
    judged as (
      select cell_id, code as standard_code, case kind
        when 'meetings_per_month' then (d->>'held')::float8 >= (d->>'required')::float8
        when 'review_interval' then (d->>'maxGapDays')::float8 <= (d->>'limitDays')::float8
        when 'attendance_rate' then (d->>'expected')::float8 > 0 and (d->>'present')::float8 / (d->>'expected')::float8 >= (d->>'min')::float8
        when 'absence_follow_up' then (d->>'oldestOpenDays')::float8 <= (d->>'graceDays')::float8
        when 'actions_on_time' then (d->>'due')::float8 = 0 or (d->>'onTime')::float8 / (d->>'due')::float8 >= (d->>'min')::float8
      end as meets, d as detail
      from figures
    )
    select cell_id, standard_code, meets, detail from judged
    union all
    select c.id, '*', coalesce(bool_and(j.meets), true), null from cells c left join judged j on j.cell_id = c.id group by c.id`;
}
