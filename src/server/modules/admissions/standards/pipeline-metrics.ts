/**
 * The admissions pipeline as per-cell, per-month metrics (docs/modules.md), owned under `admissions:`
 * and summed up the tree (rulebook.ts), so a committee reads its subtree's figures from one row per key:
 * - steps taken in the month: `nominated`, `training_started`, `voted` (passed), `vote_failed`,
 *   `approved`, `rejected`, `withdrawn`;
 * - what is open at the data end (not withdrawn by then): `open_nominated`, `open_training`, `open_awaiting`;
 * - days spent in the steps completed in the month (their means are sums over counts):
 *   `days_to_vote` (nomination to vote, over voted + vote_failed), `days_in_training` (first task to
 *   vote, over `trained_voted`), `days_to_decision` (vote to decision, over approved + rejected).
 * It carries forward: a nomination made in May is still open in June.
 */
import { sql } from 'kysely';
import type { MetricSource, MetricWindow } from '../../compliance/plugin.ts';
import { cellFilter } from '../../meetings/metrics.ts';

export const PREFIX = 'admissions:';

const inMonth = (col: string, w: MetricWindow) => sql`(${sql.ref(col)} >= ${w.period}::date and ${sql.ref(col)} < ${w.end}::date)`;
const before = (col: string, w: MetricWindow) => sql`(${sql.ref(col)} < ${w.end}::date)`;
const notBefore = (col: string, w: MetricWindow) => sql`(${sql.ref(col)} is null or ${sql.ref(col)} >= ${w.end}::date)`;

export const admissionsPipeline: MetricSource = {
  name: 'admissions',
  reads: ['nominations'],
  owns: [PREFIX],
  carriesForward: true,
  rows: (w) => sql`
    select n.cell_id, v.key, sum(v.value)::float8 as value
    from nominations n
    cross join lateral (select
      ${inMonth('n.voted_on', w)} and n.status <> 'not_passed' as passed_in_month,
      ${inMonth('n.voted_on', w)} and n.status = 'not_passed' as failed_in_month,
      ${inMonth('n.decided_on', w)} as decided_in_month,
      ${notBefore('n.withdrawn_on', w)} as open) s
    cross join lateral (values
      ('admissions:nominated', case when ${inMonth('n.nominated_on', w)} then 1 else 0 end),
      ('admissions:training_started', case when ${inMonth('n.training_from', w)} then 1 else 0 end),
      ('admissions:voted', case when s.passed_in_month then 1 else 0 end),
      ('admissions:vote_failed', case when s.failed_in_month then 1 else 0 end),
      ('admissions:approved', case when s.decided_in_month and n.status = 'approved' then 1 else 0 end),
      ('admissions:rejected', case when s.decided_in_month and n.status = 'rejected' then 1 else 0 end),
      ('admissions:withdrawn', case when ${inMonth('n.withdrawn_on', w)} then 1 else 0 end),
      ('admissions:open_nominated', case when s.open and ${notBefore('n.training_from', w)} and ${notBefore('n.voted_on', w)} then 1 else 0 end),
      ('admissions:open_training', case when s.open and ${before('n.training_from', w)} and ${notBefore('n.voted_on', w)} then 1 else 0 end),
      ('admissions:open_awaiting', case when s.open and ${before('n.voted_on', w)} and n.status <> 'not_passed' and ${notBefore('n.decided_on', w)} then 1 else 0 end),
      ('admissions:days_to_vote', case when s.passed_in_month or s.failed_in_month then n.voted_on - n.nominated_on else 0 end),
      ('admissions:trained_voted', case when (s.passed_in_month or s.failed_in_month) and n.training_from is not null then 1 else 0 end),
      ('admissions:days_in_training', case when (s.passed_in_month or s.failed_in_month) and n.training_from is not null
        then greatest(n.voted_on - n.training_from, 0) else 0 end),
      ('admissions:days_to_decision', case when s.decided_in_month then n.decided_on - n.voted_on else 0 end)) v(key, value)
    where n.nominated_on < ${w.end}::date
      -- Closed before the month began (decided, a vote that failed, withdrawn): nothing of it in this month.
      and coalesce(n.decided_on, case when n.status = 'not_passed' then n.voted_on end, n.withdrawn_on, ${w.end}::date) >= ${w.period}::date
      and ${cellFilter('n.cell_id', w.cellIds)}
    group by n.cell_id, v.key
    having sum(v.value) <> 0`,
};
