/**
 * Organizational life for an already seeded organization: `months` months of meetings (ending with the
 * current month), whole-roll attendance, decisions with follow-up actions and absence follow-ups, with
 * the gaps real cells show (skipped months, members drifting away). Then the months are materialized
 * (metrics, compliance, roll-ups) so the dashboards have figures.
 *
 * Written with COPY in one transaction, a batch of cells at a time (foreign keys and secondary indexes
 * set aside meanwhile and put back before commit, see bulk-load.ts): memory holds one batch's rolls and
 * schedules, never the organization's rows. Deterministic for a seed, a database and a `today`.
 */
import type pg from 'pg';
import { createDatabase } from '../db/database.ts';
import { materializePeriod } from '../modules/compliance/engine.ts';
import { vacuumPeriod } from '../modules/compliance/partitions.ts';
import { dateText } from './dates.ts';
import { copyChunks, ProgressThrottle, type SeedProgress } from './copy.ts';
import { earliestDay, makeClock, planMeetings, type Clock, type Member } from './activity-plan.ts';
import {
  ACTION_COLUMNS,
  ATTENDANCE_COLUMNS,
  DECISION_COLUMNS,
  FOLLOW_UP_COLUMNS,
  MEETING_COLUMNS,
  Sink,
  writeAttendance,
  writeDecisions,
  writeMeetings,
  type CellActivity,
  type Ids,
} from './activity-rows.ts';
import { restoreChecks, setAsideChecks } from './bulk-load.ts';
import { MonthSpool } from './month-spool.ts';
import { mixSeed, Rng } from './random.ts';

export type ActivityOptions = {
  /** Months of history, the last one being the current month. */
  months: number;
  /** PRNG seed; the same seed on the same organization gives the same rows. Default 1. */
  seed?: number;
  /** 'YYYY-MM-DD': the last day with data (default: the real today). Meetings after now stay scheduled. */
  today?: string;
  /** Phases 'activity' (done/total = cells), 'load by month' (meetings, then attendance), 'checks', 'analyze', 'materialize' (months), then 'done'. */
  onProgress?: (p: SeedProgress) => void;
};

export type ActivityResult = {
  meetings: number;
  attendance: number;
  decisions: number;
  actions: number;
  followUps: number;
  rows: number;
  /** Writing the rows (COPY, commit, ANALYZE). */
  ms: number;
  /** materializePeriod for every month, oldest first. */
  materializeMs: number;
};

const ACTIVITY_TABLES = ['meetings', 'attendance', 'decisions', 'decision_actions', 'follow_ups'] as const;
const BATCH_CELLS = 500;

export async function seedActivity(pool: pg.Pool, opts: ActivityOptions): Promise<ActivityResult> {
  const { months } = opts;
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new Error(`seedActivity: months must be 1 to 120, got ${months}`);
  const seed = (opts.seed ?? 1) >>> 0;
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`seedActivity: today must be YYYY-MM-DD, got ${today}`);
  const clock = makeClock(months, today, Date.now());
  const progress = new ProgressThrottle(opts.onProgress);
  const started = performance.now();
  const sinks = { decisions: new Sink(), actions: new Sink(), followUps: new Sink() };
  // Meetings and attendance are loaded month by month, as a live system receives them (month-spool.ts).
  const meetings = new MonthSpool();
  const attendance = new MonthSpool();
  let meetingRows = 0;
  let attendanceRows = 0;

  const client = await pool.connect();
  let failed: unknown;
  try {
    await client.query('begin');
    await client.query('lock table meetings in share row exclusive mode');
    const {
      rows: [state],
    } = await client.query<Record<'meetings' | 'decisions' | 'actions' | 'follow_ups', string>>(
      `select (select count(*) from meetings) as meetings, (select coalesce(max(id), 0) from decisions) as decisions,
        (select coalesce(max(id), 0) from decision_actions) as actions, (select coalesce(max(id), 0) from follow_ups) as follow_ups`,
    );
    if (Number(state?.meetings) > 0) throw new Error('seedActivity refuses to run: the meetings table is not empty');
    const deferred = await setAsideChecks(client, ACTIVITY_TABLES);
    const ids: Ids = {
      meeting: 1,
      decision: Number(state?.decisions) + 1,
      action: Number(state?.actions) + 1,
      followUp: Number(state?.follow_ups) + 1,
    };
    const { rows: cells } = await client.query<{ id: number; opened: number }>(
      `select id::int as id, opened_on - date '1970-01-01' as opened from units where kind = 'cell' and closed_on is null order by id`,
    );
    progress.report('activity', 0, cells.length);
    for (let at = 0; at < cells.length; at += BATCH_CELLS) {
      const batch = await loadBatch(client, cells.slice(at, at + BATCH_CELLS), seed, clock);
      for (const cell of batch) {
        for (const m of cell.meetings) m.id = ids.meeting++;
        writeMeetings(meetings, cell);
        writeDecisions(sinks.decisions, sinks.actions, cell, seed, clock, ids);
      }
      await meetings.flush();
      await copyChunks(client, `copy ${DECISION_COLUMNS} from stdin`, sinks.decisions.drain());
      await copyChunks(client, `copy ${ACTION_COLUMNS} from stdin`, sinks.actions.drain());
      writeAttendance(batch, seed, clock, months, sinks.followUps, ids, attendance);
      await attendance.flush();
      await copyChunks(client, `copy ${FOLLOW_UP_COLUMNS} from stdin`, sinks.followUps.drain());
      progress.report('activity', Math.min(cells.length, at + BATCH_CELLS), cells.length);
    }
    progress.report('load by month', 0, 2, true);
    for (const rows of meetings.months()) meetingRows += await copyChunks(client, `copy ${MEETING_COLUMNS} from stdin`, rows);
    progress.report('load by month', 1, 2, true);
    for (const rows of attendance.months()) attendanceRows += await copyChunks(client, `copy ${ATTENDANCE_COLUMNS} from stdin`, rows);
    progress.report('checks', 0, 1, true);
    await restoreChecks(client, deferred);
    for (const table of ['meetings', 'decisions', 'decision_actions', 'follow_ups']) {
      // Explicit ids were written, so move each identity past them for later inserts.
      await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), (select coalesce(max(id), 0) + 1 from ${table}), false)`);
    }
    await client.query('commit');
  } catch (err) {
    failed = err;
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release(failed instanceof Error ? failed : undefined);
    meetings.remove();
    attendance.remove();
  }
  progress.report('analyze', 0, 1, true);
  await pool.query(`analyze ${ACTIVITY_TABLES.join(', ')}`);
  const ms = Math.round(performance.now() - started);

  const materializeMs = await materializeMonths(pool, clock, today, (done) => progress.report('materialize', done, months, true));
  const counts = {
    meetings: meetingRows,
    attendance: attendanceRows,
    decisions: sinks.decisions.rows,
    actions: sinks.actions.rows,
    followUps: sinks.followUps.rows,
  };
  const rows = counts.meetings + counts.attendance + counts.decisions + counts.actions + counts.followUps;
  progress.report('done', rows, rows, true);
  return { ...counts, rows, ms, materializeMs };
}

/** Every seeded month, oldest first, through the app's own engine. */
async function materializeMonths(pool: pg.Pool, clock: Clock, today: string, onMonth: (done: number) => void): Promise<number> {
  const started = performance.now();
  // A Kysely over the caller's pool; not destroyed, since that would end the caller's pool.
  const db = createDatabase(pool);
  const periods = clock.monthStarts.slice(0, -1).map(dateText);
  onMonth(0);
  for (const [i, period] of periods.entries()) {
    await materializePeriod(db, period, today);
    await vacuumPeriod(db, period);
    onMonth(i + 1);
  }
  return Math.round(performance.now() - started);
}

/** The batch's rolls (memberships overlapping the seeded months) and schedules. */
async function loadBatch(
  client: pg.PoolClient,
  cells: Array<{ id: number; opened: number }>,
  seed: number,
  clock: Clock,
): Promise<CellActivity[]> {
  const { rows } = await client.query<{ c: number; p: number; s: boolean; f: number; t: number }>({
    text: `select cell_id::int as c, person_id::int as p, role = 'secretary' as s, from_date - date '1970-01-01' as f,
        coalesce(to_date - date '1970-01-01', 2147483647) as t
      from memberships where cell_id = any($1::bigint[]) and from_date <= $2::date and (to_date is null or to_date > $3::date)
      order by cell_id, person_id, from_date`,
    values: [cells.map((c) => c.id), dateText(clock.today), dateText(earliestDay(clock))],
  });
  const members = new Map<number, Member[]>();
  for (const r of rows) {
    let list = members.get(r.c);
    if (!list) members.set(r.c, (list = []));
    list.push({ personId: r.p, from: r.f, to: r.t, secretary: r.s });
  }
  return cells.map((c) => ({
    cellId: c.id,
    korean: new Rng(mixSeed(seed, c.id, 0x1a9)).chance(0.7),
    members: members.get(c.id) ?? [],
    meetings: planMeetings(seed, c.id, c.opened, clock),
  }));
}
