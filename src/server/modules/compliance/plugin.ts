/**
 * The plug-in surface of the rulebook engine (decision 0005): what a module declares so that its facts
 * become metrics, its metrics verdicts, and its figures roll up the tree. Modules are listed in
 * `modules/rulebook-registry.ts`; the engine builds its SQL from those declarations and knows no
 * module by name. How to add one: docs/modules.md.
 */
import type { RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import type { BaseLabel } from '../reports/labels.ts';

/**
 * The rows a write can change, by table. A write names the facts it changed; the engine re-runs only
 * the metric sources that read them.
 */
export type Fact =
  | 'meetings'
  | 'attendance'
  | 'decision_actions'
  | 'follow_ups'
  | 'directive_deliveries'
  | 'meeting_themes'
  | 'learning_plans'
  | 'assignments'
  | 'memberships'
  | 'help_requests'
  | 'mentorships'
  | 'youth_groups'
  | 'nominations'
  | 'visits'
  | 'ideas'
  | 'work_plans';

export type MetricWindow = {
  period: string;
  /** Exclusive end of the data: the month's end, or tomorrow for the current month. */
  end: string;
  /** Restrict to these cells; null = every cell. */
  cellIds: number[] | null;
};

export type MetricRows = RawBuilder<{ cell_id: number; key: string; value: number }>;

/**
 * One set-based query producing metrics (cell_id, key, value) for a window: the same SQL serves an
 * incremental refresh of a few cells and the rebuild of a whole month.
 */
export interface MetricSource {
  name: string;
  /** The facts its SQL reads: a write that changed none of them does not re-run it. */
  reads: readonly Fact[];
  /**
   * The key prefixes of the metrics it writes (a whole key is its own prefix). A refresh of this source
   * replaces exactly the cell's keys starting with these; no two sources may own overlapping prefixes.
   */
  owns: readonly string[];
  /**
   * A fact dated in one month also moves this source's metrics in later months (the time since the last
   * review, meetings in the last three months): a write re-runs it in every later materialized month.
   */
  carriesForward: boolean;
  /**
   * A parameterised source computes only the keys the standards in force ask for (keys starting with
   * its one owned prefix, e.g. `max_gap_days:review`), passed as `wanted`; it is skipped when none is.
   */
  parameterised?: boolean;
  rows(w: MetricWindow, wanted: readonly string[]): MetricRows;
}

/** The two figures of a verdict and the standard's limit. */
export type Figures = { x: number | null; y: number | null; lim: number | null };

/** A label of the printed report (reports/labels.ts) with its parameters (`count` picks the plural). */
export type ReportWords = { key: BaseLabel; params?: Record<string, string | number> };

/** A verdict as a printed report shows it: figure and limit in numbers (CSV) and in words (PDF). */
export type ReportFigures = {
  /** What the cell did, in `unit`; null when there was nothing to measure. */
  figure: number | null;
  /** What the standard asks, in the same unit. */
  limit: number | null;
  unit: 'meetings' | 'days' | 'percent' | null;
  figureText: ReportWords;
  limitText: ReportWords;
};

/** The raw rows of one cell, for the brute-force oracle of the property test (test/helpers/brute-force.ts). */
export type OracleFacts = {
  cell: { id: number; opened_on: string };
  /** The month judged (first day) and the exclusive end of its data. */
  period: string;
  end: string;
  /** The cell's held meetings, all time. */
  held: Array<{ id: number; kind: string; meets_on: string }>;
  /** Attendance rows of the cell's held meetings. */
  attendance: Array<{ meeting_id: number; status: string }>;
  followUps: Array<{ created_on: string; resolved_on: string | null }>;
  actions: Array<{ due_on: string; status: string; closed_on: string | null }>;
  /** The cell's directive deliveries, with their round's opening (the directives module). */
  deliveries: Array<{ opened_at: Date; opened_on: string; acknowledged_at: Date | null; briefed_on: string | null }>;
  /** The cell's held meetings on at least one programme theme (the education module). */
  themedMeetingIds: number[];
  /** The cell's members on the data's last day, and every saving of their learning plans (education). */
  members: number[];
  planHistory: Array<{ person_id: number; id: number; set_at: Date; themes: number }>;
  /** The cell's memberships, all time (the assignments module reads the roll at the data end). */
  memberships: Array<{ person_id: number; role: string; from_date: string; to_date: string | null }>;
  /** The cell's assignments (the assignments module). */
  assignments: Array<{
    person_id: number;
    given_on: string;
    closed_on: string | null;
    due_on: string;
    status: string;
    score: number | null;
  }>;
  /** The cell's mentorships (the mentorships module). */
  mentorships: Array<{ mentee_id: number; started_on: string; ended_on: string | null }>;
  /** The cell's youth groups, with whether a member is assigned now. */
  youthGroups: Array<{ created_on: string; closed_on: string | null; assigned: boolean }>;
  /** The cell's held visits by officials (the visits module). */
  visits: Array<{ held_on: string }>;
  /** The cell's ideas, with the day each was submitted (the ideas module). */
  ideas: Array<{ submitted_on: string }>;
  /** The cell's work plans: the quarter, the day adopted (null: a draft) and its goals counted (issue 15). */
  workPlans: Array<{ period: string; adopted_on: string | null; goals: number }>;
};

/**
 * A kind of standard. Its SQL pieces are spliced into the judging statement: `keys` and `limit` over
 * the standard's `params` (jsonb), `passes` over the cell's two figures and the limit.
 */
export interface StandardKind<P = Record<string, unknown>> {
  code: string;
  /** The parameters, shared with the web (src/shared/schemas/standard-params.ts). */
  params: z.ZodType<P>;
  /** The metric keys of its two figures (the second may be null), as SQL over `p`, the params. */
  keys(p: RawBuilder<unknown>): [RawBuilder<string>, RawBuilder<string> | null];
  /** The limit the first figure is held to, as SQL over `p`. */
  limit(p: RawBuilder<unknown>): RawBuilder<number>;
  /** The pass rule over the figures `x`, `y` (0 when the cell has no such metric) and `lim`. */
  passes(x: RawBuilder<number>, y: RawBuilder<number>, lim: RawBuilder<number>): RawBuilder<boolean>;
  /** The figures as the API shows them (the web words them from web/routes/rulebook/kinds/<code>). */
  detail(f: Figures): Record<string, number | null>;
  /**
   * How the cell's monthly report (PDF and CSV) shows the figures of `detail` (as `detail` gave them);
   * `openFollowUps` is the cell's count that month.
   */
  report(detail: Record<string, unknown>, ctx: { openFollowUps: number }): ReportFigures;
  /** The i18n key of the rule's sentence in the web (en.json and ko.json). */
  i18n: { rule: string };
  /** The same verdict computed plainly from the raw rows, for the property test. */
  oracle(facts: OracleFacts, params: P): boolean;
  /** Write-time checks beyond the schema (a referenced row exists, …), inside the saving transaction. */
  validate?(trx: Db, params: P): Promise<void>;
}

/**
 * A metric summed up the tree: for every committee, period and sector, the sum over the cells under it
 * judged that month of the metrics whose key starts with `prefix`, kept beside the cells-meeting counts.
 */
export interface SummedRollup {
  prefix: string;
}

/**
 * A module that keeps counts of its own over the cells' verdicts (emulation's campaign counts). The
 * engine calls it wherever verdict differences reach the committees' roll-ups, in the same transaction
 * and under the same month locks, so its counts are exactly as current as the roll-ups: a difference
 * is either still queued or added to both, never one of them.
 */
export interface VerdictFollower {
  name: string;
  /**
   * A statement (written as a CTE body) over `taken` (cell_id, period, parent_path, standard_code, dt,
   * dm): the differences the folder is adding up the tree (`dt` +1/-1 a cell judged or no longer judged
   * that month, `dm` the change in its verdicts met; `parent_path` the committees above it). Runs in the
   * folder's statement; sum and sort by key, since concurrent folds must lock rows in one order.
   */
  fold: RawBuilder<unknown>;
  /**
   * A month's rebuild, holding the month exclusively: `-1` before the month's queue is dropped (take out
   * what the month has added so far), `+1` after the rebuilt verdicts and roll-ups are swapped in.
   */
  shiftMonth(db: Db, period: string, sign: 1 | -1): Promise<void>;
  /**
   * A unit's totals (a cell's verdicts, a committee's roll-ups, every month) leave the committees `from`
   * and join `to` (a move: common ancestors net to zero; a cell withdrawn to be judged again: `to` is
   * empty and `from` holds the cell itself too). Called with the queue folded, every month held.
   */
  moveTotals(db: Db, unitId: number, from: readonly number[], to: readonly number[]): Promise<void>;
}

export interface ModuleDeclaration {
  module: string;
  sources: readonly MetricSource[];
  kinds: readonly StandardKind<any>[];
  sums: readonly SummedRollup[];
  /** Counts the module keeps over the verdicts, kept by the engine with its roll-ups. */
  followers?: readonly VerdictFollower[];
}
