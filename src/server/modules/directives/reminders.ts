/**
 * Reminders before a directive's deadline (issue 11; decision 0018, "How directives' reminders will call
 * it"). A periodic job finds every published directive whose current round's deadline falls within the
 * next REMINDER_DAYS_BEFORE_DEADLINE days and, per round in one transaction, notifies the members whose
 * delivery is neither acknowledged nor briefed, and the secretaries of the cells that have such members.
 * Each call carries a dedupe key per directive, round and deadline, so the hourly re-runs remind nobody
 * twice while still reaching members who received the directive since (a joiner, a fan-out that was
 * still running). A withdrawn directive never reminds: its status is read under a share lock in the
 * reminder's transaction, so a withdrawal either waits for it or is seen.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { inTransaction, type Database } from '../../db/database.ts';
import { define } from '../../jobs/definitions.ts';
import type { Notifier } from '../notifications/service.ts';
import { jobNotifier } from './notify.ts';
import { directiveRebriefings } from './rounds.ts';

/** Members are reminded once, when fewer than this many days are left before the deadline. */
export const REMINDER_DAYS_BEFORE_DEADLINE = 2;
export const REMINDER_KIND = 'directive.reminder';
export const SECRETARY_REMINDER_KIND = 'directive.reminder.secretary';
export const REMINDER_JOB = 'directive-reminders';

export type ReminderRun = { rounds: number; members: number; secretaries: number };

/** Sends the reminders that are due now; idempotent. */
export async function sendDueReminders(db: Database, notifier: Notifier): Promise<ReminderRun> {
  const { rows: due } = await sql<{ directive_id: number; round: number; deadline_on: string }>`
    select r.directive_id, r.round, r.deadline_on::text as deadline_on
    from directive_rounds r join directives d on d.id = r.directive_id
    where d.status = 'published' and r.deadline is not null and r.deadline > now()
      and r.deadline - make_interval(days => ${REMINDER_DAYS_BEFORE_DEADLINE}) <= now()
      and r.round = (select max(x.round) from directive_rounds x where x.directive_id = r.directive_id)
    order by r.directive_id, r.round`.execute(db);
  const run: ReminderRun = { rounds: 0, members: 0, secretaries: 0 };
  for (const r of due) {
    const directiveId = Number(r.directive_id);
    await inTransaction(db, async (trx) => {
      const d = await sql<{ title: string; status: string }>`select title, status from directives
        where id = ${directiveId} for share`.execute(trx);
      if (d.rows[0]?.status !== 'published') return;
      const params = { title: d.rows[0].title, deadline: r.deadline_on };
      const dedupeKey = `directive:${directiveId}:round:${r.round}:reminder:${r.deadline_on}`;
      const notReached = sql<{ person_id: number; cell_id: number }>`select person_id, cell_id from directive_deliveries
        where directive_id = ${directiveId} and round = ${r.round} and acknowledged_at is null and briefed_on is null`;
      const members = await notifier.notifyWhere(trx, {
        kind: REMINDER_KIND,
        payload: { key: 'notifications.kinds.directiveReminder', params },
        link: '/inbox',
        dedupeKey,
        recipients: notReached,
      });
      const secretaries = await notifier.notifyWhere(trx, {
        kind: SECRETARY_REMINDER_KIND,
        payload: { key: 'notifications.kinds.directiveReminderSecretary', params },
        link: `/directives/${directiveId}`,
        dedupeKey,
        recipients: sql<{ person_id: number }>`select m.person_id from memberships m
          where m.role = 'secretary' and m.to_date is null
            and m.cell_id in (select distinct nr.cell_id from (${notReached}) nr)`,
      });
      run.rounds += 1;
      run.members += members.notified;
      run.secretaries += secretaries.notified;
    });
  }
  return run;
}

/** Hourly: a deadline entering the window is reminded within the hour; re-runs add only newcomers. */
export const directiveReminders = define({
  name: REMINDER_JOB,
  payload: z.object({}),
  cron: '7 * * * *',
  queue: { policy: 'short' },
  async handle(_payload, ctx) {
    const run = await sendDueReminders(ctx.db, jobNotifier(ctx));
    if (run.rounds) ctx.log.info(run, 'directive reminders sent');
  },
});

/** The directives module's periodic jobs (registered in jobs/queue.ts). */
export const directiveJobs = [directiveReminders, directiveRebriefings];
