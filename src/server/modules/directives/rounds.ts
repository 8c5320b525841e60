/**
 * Re-briefing (issue 11): a directive may be conveyed again, a new round every `everyMonths` months,
 * `times` more times after the first. A periodic job opens the next round when it is due (the last
 * round opened that many months ago and its fan-out finished): the round gets its own deadline (the
 * directive's days to acknowledge, counted from today) and its own fan-out to the members on the rolls
 * now; deliveries, reach, reminders and the "reached you" notification are all per round (decision
 * 0016), so each round is reported separately (`reach?round=N`). Opening is idempotent: the directive's
 * row is locked and the round's number is the primary key.
 */
import { sql } from 'kysely';
import type PgBoss from 'pg-boss';
import { z } from 'zod';
import { inTransaction, type Database } from '../../db/database.ts';
import { define } from '../../jobs/definitions.ts';
import { enqueueFanOut } from './fanout.ts';

export type Rebrief = { everyMonths: number; times: number };

/** The columns a draft stores for its schedule (null: conveyed once). */
export const rebriefColumns = (r: Rebrief | null | undefined) => ({
  rebrief_every_months: r ? r.everyMonths : null,
  rebrief_times: r ? r.times : null,
});

export const rebriefOf = (d: { rebrief_every_months?: number | null; rebrief_times?: number | null }): Rebrief | null =>
  d.rebrief_every_months && d.rebrief_times ? { everyMonths: d.rebrief_every_months, times: d.rebrief_times } : null;

export const REBRIEF_JOB = 'directive-rebriefings';

/**
 * Opens every round that is due; answers the rounds opened. `timeZone` places the deadline's last day,
 * as publication does.
 */
export async function openDueRounds(db: Database, boss: PgBoss, timeZone: string): Promise<Array<{ directiveId: number; round: number }>> {
  const { rows: due } = await sql<{ id: number }>`select d.id from directives d
    join lateral (select round, opened_at, fanout_state from directive_rounds where directive_id = d.id order by round desc limit 1) r on true
    where d.status = 'published' and d.rebrief_every_months is not null
      and r.round <= d.rebrief_times and r.fanout_state = 'done'
      and r.opened_at + make_interval(months => d.rebrief_every_months) <= now()
    order by d.id`.execute(db);
  const opened: Array<{ directiveId: number; round: number }> = [];
  for (const { id } of due) {
    const directiveId = Number(id);
    const round = await inTransaction(db, async (trx) => {
      // Again under the directive's lock: a withdrawal, or another run that opened it already, is seen.
      const { rows } = await sql<{ next: number; within: number | null }>`select r.round + 1 as next, d.acknowledge_within_days as within
        from directives d
        join lateral (select round, opened_at, fanout_state from directive_rounds where directive_id = d.id order by round desc limit 1) r on true
        where d.id = ${directiveId} and d.status = 'published' and d.rebrief_every_months is not null
          and r.round <= d.rebrief_times and r.fanout_state = 'done'
          and r.opened_at + make_interval(months => d.rebrief_every_months) <= now()
        for update of d`.execute(trx);
      const next = rows[0];
      if (!next) return null;
      await sql`insert into directive_rounds (directive_id, round, opened_at, deadline_on, deadline)
        select ${directiveId}::bigint, ${next.next}::int, now(), day, ((day + 1)::timestamp at time zone ${timeZone})
        from (select case when ${next.within}::int is null then null else (now() at time zone ${timeZone})::date + ${next.within}::int end as day) x`.execute(
        trx,
      );
      await enqueueFanOut(boss, trx, directiveId, next.next);
      return next.next;
    });
    if (round !== null) opened.push({ directiveId, round });
  }
  return opened;
}

/** Hourly: a round falls due within the hour of its date. */
export const directiveRebriefings = define({
  name: REBRIEF_JOB,
  payload: z.object({}),
  cron: '23 * * * *',
  queue: { policy: 'short' },
  async handle(_payload, { db, log, boss, config }) {
    if (!boss || !config) return;
    const opened = await openDueRounds(db, boss, config.timeZone);
    if (opened.length) log.info({ opened }, 'directive re-briefing rounds opened');
  },
});
