/**
 * What a cell did over the seeded months, decided from its own PRNG streams so every cell is
 * independent of the others: its habits (how regularly it meets, when, which kinds of meeting) become a
 * schedule of meetings, and each member's habits (steady, drifting away, low) their attendance.
 */
import { dayOf } from './dates.ts';
import { mixSeed, Rng } from './random.ts';

export const KINDS = ['general', 'consultative', 'review', 'study', 'technical'] as const;
export const GENERAL = 0;
export const CONSULTATIVE = 1;
export const REVIEW = 2;
export const STUDY = 3;
export const TECHNICAL = 4;

export const HELD = 0;
export const NOT_HELD = 1;
export const SCHEDULED = 2;

/** A membership overlapping the seeded months; days are day numbers (since 1970-01-01), `to` exclusive. */
export type Member = { personId: number; from: number; to: number; secretary: boolean };

export type PlannedMeeting = {
  id: number;
  kind: number;
  day: number;
  /** Minutes after midnight UTC. */
  minute: number;
  status: number;
  /** Index into the not-held reasons, or the title list of the kind; -1 for none. */
  text: number;
};

export type Clock = {
  /** First day of the first seeded month. */
  firstDay: number;
  /** First day of each seeded month, plus the first day after the last one. */
  monthStarts: number[];
  /** The last day with data. */
  today: number;
  /** Meetings starting at or before this minute (since the epoch) have taken place. */
  cutoffMinute: number;
};

export function makeClock(months: number, today: string, nowMs: number): Clock {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const todayDay = dayOf(y, m, d);
  const monthStarts: number[] = [];
  for (let i = months - 1; i >= -1; i--) {
    const k = y * 12 + (m - 1) - i;
    monthStarts.push(dayOf(Math.floor(k / 12), (k % 12) + 1, 1));
  }
  const endOfToday = (todayDay + 1) * 1440 - 1;
  return {
    firstDay: monthStarts[0] as number,
    monthStarts,
    today: todayDay,
    cutoffMinute: Math.min(endOfToday, Math.floor(nowMs / 60_000)),
  };
}

/** Reviews may start up to this many days before the first month, so its review gap is real rather than "since the cell opened". */
const REVIEW_LEAD_IN = 56;
export const earliestDay = (clock: Clock) => clock.firstDay - REVIEW_LEAD_IN;

/** The cell's meetings in day order (ids are given by the caller). Skip rates: most cells meet every month, some skip, a few chronically. */
export function planMeetings(seed: number, cellId: number, opened: number, clock: Clock): PlannedMeeting[] {
  const rng = new Rng(mixSeed(seed, cellId, 0xac71));
  const habit = rng.next();
  const skip = habit < 0.8 ? 0.03 : habit < 0.95 ? 0.3 : 0.7;
  const habitDay = 1 + rng.int(24);
  const minuteOfDay = rng.chance(0.75) ? 17 * 60 + 30 * rng.int(4) : 7 * 60 + 30 * rng.int(3);
  const studies = rng.chance(0.2);
  const technical = rng.chance(0.08);
  const out: PlannedMeeting[] = [];
  const add = (kind: number, day: number, minute: number, recorded: number, text: number) => {
    if (day < opened || day > clock.monthStarts[clock.monthStarts.length - 1]! - 1) return;
    const past = day * 1440 + minute <= clock.cutoffMinute;
    out.push({ id: 0, kind, day, minute, status: past ? recorded : SCHEDULED, text: past || recorded === HELD ? text : -1 });
  };
  for (let i = 0; i + 1 < clock.monthStarts.length; i++) {
    const start = clock.monthStarts[i] as number;
    const length = (clock.monthStarts[i + 1] as number) - start;
    const dayIn = (d: number) => start + Math.min(length - 1, Math.max(0, d - 1));
    if (!rng.chance(skip)) add(GENERAL, dayIn(habitDay + rng.int(7) - 3), minuteOfDay, HELD, -1);
    else if (rng.chance(0.5)) add(GENERAL, dayIn(habitDay), minuteOfDay, NOT_HELD, rng.int(6));
    if (studies && rng.chance(0.5)) add(STUDY, dayIn(1 + rng.int(28)), minuteOfDay, HELD, rng.int(4));
    if (technical && rng.chance(0.5)) add(TECHNICAL, dayIn(1 + rng.int(28)), minuteOfDay, HELD, rng.int(3));
    if (rng.chance(0.03)) add(CONSULTATIVE, dayIn(1 + rng.int(28)), minuteOfDay, HELD, -1);
  }
  // Reviews: most cells every 4 to 8 weeks, the rest only every 10 to 16 (they fail the 6-week standard).
  const regular = rng.chance(0.72);
  const interval = regular ? 28 + rng.int(29) : 70 + rng.int(43);
  for (
    let day = clock.firstDay - rng.int(Math.min(interval, REVIEW_LEAD_IN));
    day < clock.monthStarts[clock.monthStarts.length - 1]!;
    day += interval + rng.int(7) - 3
  ) {
    if (rng.chance(skip / 2)) continue;
    add(REVIEW, day, minuteOfDay, HELD, -1);
  }
  out.sort((a, b) => a.day - b.day || a.minute - b.minute || a.kind - b.kind);
  return out;
}

/**
 * A member's habit, from their own stream (so a transferred person keeps it in every cell):
 * the chance of being present at a meeting `monthsIn` months into the seeded period.
 */
export type Habit = { base: number; driftFrom: number; driftMonths: number };

export function drawHabit(seed: number, personId: number, secretary: boolean, months: number): Habit {
  const rng = new Rng(mixSeed(seed, personId, 0x4ab1));
  const r = rng.next();
  if (secretary) return { base: 0.97, driftFrom: Infinity, driftMonths: 1 };
  if (r < 0.09) return { base: 0.85 + 0.1 * rng.next(), driftFrom: rng.int(Math.max(1, months - 1)), driftMonths: 2 + 3 * rng.next() };
  if (r < 0.12) return { base: 0.5 + 0.2 * rng.next(), driftFrom: Infinity, driftMonths: 1 };
  return { base: 0.85 + 0.1 * rng.next(), driftFrom: Infinity, driftMonths: 1 };
}

/** The chance of being present, and whether the member is drifting away (then absences are rarely excused). */
export function presence(h: Habit, monthsIn: number): number {
  if (monthsIn < h.driftFrom) return h.base;
  return Math.max(0.04, h.base * Math.exp(-(monthsIn - h.driftFrom + 0.5) / h.driftMonths));
}

export const isDrifting = (h: Habit, monthsIn: number) => monthsIn >= h.driftFrom;
