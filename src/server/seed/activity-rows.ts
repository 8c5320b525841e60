/**
 * A cell's activity as COPY lines: its meetings, the decisions and actions of its general meetings, and
 * (lazily, as the attendance stream pulls them) each held meeting's whole roll and the follow-ups of
 * members who missed three general meetings in a row.
 */
import { CopyWriter, encode } from './copy-writer.ts';
import {
  ACTION_WORDS,
  DECISION_WORDS,
  EXCUSED_REASONS,
  FOLLOW_UP_NOTE_WORDS,
  NOT_HELD_REASONS,
  STUDY_TITLE_WORDS,
  TECHNICAL_TITLE_WORDS,
  type Words,
} from './activity-vocabulary.ts';
import {
  drawHabit,
  GENERAL,
  HELD,
  isDrifting,
  KINDS,
  NOT_HELD,
  presence,
  STUDY,
  TECHNICAL,
  type Clock,
  type Habit,
  type Member,
  type PlannedMeeting,
} from './activity-plan.ts';
import { mixSeed, Rng } from './random.ts';

export const MEETING_COLUMNS = 'meetings (cell_id, id, kind, title, starts_at, meets_on, status, not_held_reason, version)';
export const ATTENDANCE_COLUMNS = 'attendance (cell_id, meeting_id, meets_on, person_id, status, reason)';
export const DECISION_COLUMNS = 'decisions (cell_id, id, meeting_id, text)';
export const ACTION_COLUMNS = 'decision_actions (cell_id, id, decision_id, title, owner_person_id, due_on, status, closed_on)';
export const FOLLOW_UP_COLUMNS = 'follow_ups (cell_id, id, person_id, reason, created_on, resolved_on, note)';

const NULL = encode('\\N');
const STATUS = ['held', 'not_held', 'scheduled'];

/** Lines of one table, gathered into chunks for a later COPY. */
export class Sink {
  readonly out = new CopyWriter();
  chunks: Buffer[] = [];
  rows = 0;

  /** Call after each line. */
  end(): void {
    this.out.newline();
    this.rows++;
    if (this.out.full) this.chunks.push(this.out.take());
  }

  drain(): Buffer[] {
    if (!this.out.empty) this.chunks.push(this.out.take());
    const c = this.chunks;
    this.chunks = [];
    return c;
  }
}

/** A cell as the attendance pass needs it. */
export type CellActivity = { cellId: number; korean: boolean; members: Member[]; meetings: PlannedMeeting[] };

export type Ids = { meeting: number; decision: number; action: number; followUp: number };

const pick = (w: Words, korean: boolean) => (korean ? w[0] : w[1]);

/** Members on the roll on a day (from <= day < to). */
export function rollOn(members: Member[], day: number): Member[] {
  return members.filter((m) => m.from <= day && day < m.to);
}

export function monthIndex(clock: Clock, day: number): number {
  let i = 0;
  while (i + 2 < clock.monthStarts.length && day >= (clock.monthStarts[i + 1] as number)) i++;
  return i;
}

/** The cell's meetings, each into the sink of its day's month, like writeAttendance. */
export function writeMeetings(byMonth: { sink(day: number): Sink }, cell: CellActivity): void {
  for (const m of cell.meetings) {
    const sink = byMonth.sink(m.day);
    const o = sink.out;
    o.uint(cell.cellId);
    o.tab();
    o.uint(m.id);
    o.tab();
    o.ascii(KINDS[m.kind] as string);
    o.tab();
    const titles = m.kind === STUDY ? STUDY_TITLE_WORDS : m.kind === TECHNICAL ? TECHNICAL_TITLE_WORDS : null;
    o.bytes(titles && m.text >= 0 ? pick(titles[m.text] as Words, cell.korean) : NULL);
    o.tab();
    o.date(m.day);
    o.ascii(' ');
    o.padded(Math.floor(m.minute / 60), 2);
    o.ascii(':');
    o.padded(m.minute % 60, 2);
    o.ascii(':00+00');
    o.tab();
    o.date(m.day);
    o.tab();
    o.ascii(STATUS[m.status] as string);
    o.tab();
    o.bytes(m.status === NOT_HELD ? pick(NOT_HELD_REASONS[m.text] as Words, cell.korean) : NULL);
    o.tab();
    o.uint(m.status === HELD || m.status === NOT_HELD ? 2 : 1); // recorded once
    sink.end();
  }
}

/** Decisions at some held general meetings, each with 0-3 actions owned by members on that day's roll. */
export function writeDecisions(decisions: Sink, actions: Sink, cell: CellActivity, seed: number, clock: Clock, ids: Ids): void {
  const rng = new Rng(mixSeed(seed, cell.cellId, 0xdec1));
  for (const m of cell.meetings) {
    if (m.kind !== GENERAL || m.status !== HELD || !rng.chance(0.45)) continue;
    const roll = rollOn(cell.members, m.day);
    const count = rng.chance(0.25) ? 2 : 1;
    for (let k = 0; k < count; k++) {
      const decisionId = ids.decision++;
      const d = decisions.out;
      d.uint(cell.cellId);
      d.tab();
      d.uint(decisionId);
      d.tab();
      d.uint(m.id);
      d.tab();
      d.bytes(pick(DECISION_WORDS[rng.int(DECISION_WORDS.length)] as Words, cell.korean));
      decisions.end();
      const r = rng.next();
      const n = r < 0.15 ? 0 : r < 0.5 ? 1 : r < 0.8 ? 2 : 3;
      for (let j = 0; j < n && roll.length > 0; j++) writeAction(actions, cell, rng, clock, decisionId, m.day, roll, ids);
    }
  }
}

function writeAction(
  sink: Sink,
  cell: CellActivity,
  rng: Rng,
  clock: Clock,
  decisionId: number,
  day: number,
  roll: Member[],
  ids: Ids,
): void {
  const due = day + 7 + rng.int(38);
  const r = rng.next();
  let status = 'open';
  let closed = -1;
  if (r < 0.04) {
    status = 'dropped';
    closed = Math.min(clock.today, day + 1 + rng.int(due - day));
  } else if (due <= clock.today) {
    if (r < 0.78) {
      status = 'done';
      closed = day + 1 + rng.int(due - day);
    } // on time
    else if (r < 0.9) {
      const late = due + 1 + rng.int(20);
      if (late <= clock.today) {
        status = 'done';
        closed = late;
      }
    }
  } else if (r < 0.4 && day + 1 <= clock.today) {
    status = 'done';
    closed = day + 1 + rng.int(clock.today - day);
  }
  const o = sink.out;
  o.uint(cell.cellId);
  o.tab();
  o.uint(ids.action++);
  o.tab();
  o.uint(decisionId);
  o.tab();
  o.bytes(pick(ACTION_WORDS[rng.int(ACTION_WORDS.length)] as Words, cell.korean));
  o.tab();
  o.uint((roll[rng.int(roll.length)] as Member).personId);
  o.tab();
  o.date(due);
  o.tab();
  o.ascii(status);
  o.tab();
  if (closed >= 0) o.date(closed);
  else o.bytes(NULL);
  sink.end();
}

type Streak = { absences: number; openUntil: number };
const PRESENT = encode('present');
const EXCUSED = encode('excused');
const ABSENT = encode('absent');

/**
 * Attendance of every held meeting, chunk by chunk as the COPY pulls them. Follow-ups go to their own
 * sink: a member absent (not excused) from three held general meetings in a row gets one, unless one is
 * still open, as the app does when attendance is saved.
 */
/**
 * The batch's attendance rows, each into the sink of its meeting's month, so that the rows can be
 * loaded month after month as a live system receives them.
 */
export function writeAttendance(
  cells: CellActivity[],
  seed: number,
  clock: Clock,
  months: number,
  followUps: Sink,
  ids: Ids,
  byMonth: { sink(day: number): Sink },
): void {
  for (const cell of cells) {
    const rng = new Rng(mixSeed(seed, cell.cellId, 0xa77e));
    const habits = new Map<number, Habit>();
    const streaks = new Map<number, Streak>();
    for (const mb of cell.members) {
      if (!habits.has(mb.personId)) habits.set(mb.personId, drawHabit(seed, mb.personId, mb.secretary, months));
    }
    for (const m of cell.meetings) {
      if (m.status !== HELD) continue;
      const monthsIn = monthIndex(clock, m.day);
      const att = byMonth.sink(m.day);
      for (const mb of rollOn(cell.members, m.day)) {
        const habit = habits.get(mb.personId) as Habit;
        const present = rng.chance(presence(habit, monthsIn));
        const excused = !present && rng.chance(isDrifting(habit, monthsIn) ? 0.15 : 0.55);
        const o = att.out;
        o.uint(cell.cellId);
        o.tab();
        o.uint(m.id);
        o.tab();
        o.date(m.day);
        o.tab();
        o.uint(mb.personId);
        o.tab();
        o.bytes(present ? PRESENT : excused ? EXCUSED : ABSENT);
        o.tab();
        o.bytes(excused ? pick(EXCUSED_REASONS[rng.int(EXCUSED_REASONS.length)] as Words, cell.korean) : NULL);
        att.end();
        if (m.kind === GENERAL) trackAbsence(streaks, mb.personId, !present && !excused, m.day, cell, rng, clock, followUps, ids);
      }
    }
  }
}

function trackAbsence(
  streaks: Map<number, Streak>,
  personId: number,
  absent: boolean,
  day: number,
  cell: CellActivity,
  rng: Rng,
  clock: Clock,
  followUps: Sink,
  ids: Ids,
): void {
  let s = streaks.get(personId);
  if (!s) streaks.set(personId, (s = { absences: 0, openUntil: -1 }));
  s.absences = absent ? s.absences + 1 : 0;
  if (s.absences < 3 || s.openUntil > day) return;
  const created = Math.min(clock.today, day + (rng.chance(0.75) ? 0 : 1 + rng.int(5)));
  const resolved = rng.chance(0.8) ? created + 1 + rng.int(14) : Infinity;
  s.openUntil = resolved <= clock.today ? resolved : Infinity;
  const o = followUps.out;
  o.uint(cell.cellId);
  o.tab();
  o.uint(ids.followUp++);
  o.tab();
  o.uint(personId);
  o.tab();
  o.ascii('repeated_absence');
  o.tab();
  o.date(created);
  o.tab();
  if (s.openUntil !== Infinity) {
    o.date(resolved);
    o.tab();
    o.bytes(pick(FOLLOW_UP_NOTE_WORDS[rng.int(FOLLOW_UP_NOTE_WORDS.length)] as Words, cell.korean));
  } else {
    o.bytes(NULL);
    o.tab();
    o.bytes(NULL);
  }
  followUps.end();
}
