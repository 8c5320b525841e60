/**
 * What requests for help contribute to the per-cell, per-month metrics (docs/modules.md), owned under
 * `help:` and all summed up the tree (decision 0026):
 * - `help:open`: requests waiting for an answer at the data end (their last step before it is `open`:
 *   asked, or reopened, and not answered since);
 * - `help:answered`: requests given their first answer in the month;
 * - `help:answer_days:<n>` (n = 0 … 29) and `help:answer_days:30+`: those same requests by their whole
 *   days from asking to the first answer, a histogram from which a committee's exact median is read.
 * It reads the status history, so any month rebuilds to the same figures; it carries forward (a
 * request asked in May and still open counts in June).
 */
import { sql } from 'kysely';
import type { MetricSource } from '../compliance/plugin.ts';
import { cellFilter } from '../meetings/metrics.ts';

export const HELP_PREFIX = 'help:';
export const DAYS_BUCKETS = 30;

export const helpMetrics: MetricSource = {
  name: 'help_requests',
  reads: ['help_requests'],
  owns: [HELP_PREFIX],
  carriesForward: true,
  rows: (w) => sql`
    with r as (
      select r.cell_id, r.asked_on, r.first_answered_on,
        (select s.status from help_request_steps s
          where s.cell_id = r.cell_id and s.request_id = r.id and s.on_day < ${w.end}::date
          order by s.id desc limit 1) as status_at_end
      from help_requests r
      where r.asked_on < ${w.end}::date and ${cellFilter('r.cell_id', w.cellIds)}
        and (r.status = 'open' or r.first_answered_on is null or r.first_answered_on >= ${w.period}::date
          or exists (select 1 from help_request_steps s where s.cell_id = r.cell_id and s.request_id = r.id
            and s.on_day >= ${w.period}::date))),
    answered as (
      select cell_id, first_answered_on - asked_on as days from r
      where first_answered_on >= ${w.period}::date and first_answered_on < ${w.end}::date)
    select cell_id, key, count(*)::float8 as value from (
      select cell_id, 'help:open' as key from r where status_at_end = 'open'
      union all
      select cell_id, 'help:answered' from answered
      union all
      select cell_id, case when days >= ${DAYS_BUCKETS} then 'help:answer_days:30+' else 'help:answer_days:' || days end from answered) x
    group by cell_id, key`,
};
