/**
 * Officials' planned visits to cells (issue 14; decision 0028): the plan, the report with the problems
 * raised, each problem tracked to a solution, and coverage per committee and period.
 */
import { z } from 'zod';
import { LIMITS } from '../enums.ts';
import { DateSchema, IdSchema, pageOf, text } from './base.ts';

export const VISIT_LIMITS = { purpose: 1000, findings: 4000, title: 200, detail: 4000, resolution: 4000, problems: 50 } as const;

export const VISIT_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const PROBLEM_STATUSES = ['open', 'in_progress', 'solved', 'dropped'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
/** The windows coverage is read over: the month alone, or the N months ending with it. */
export const COVERAGE_MONTHS = [1, 3, 6, 12] as const;

export const PlanVisitSchema = z
  .object({
    unitId: IdSchema,
    plannedOn: DateSchema,
    purpose: text(VISIT_LIMITS.purpose).optional(),
  })
  .strict();
export type PlanVisit = z.infer<typeof PlanVisitSchema>;

export const RescheduleVisitSchema = z
  .object({
    plannedOn: DateSchema.optional(),
    purpose: text(VISIT_LIMITS.purpose).nullable().optional(),
  })
  .strict();
export type RescheduleVisit = z.infer<typeof RescheduleVisitSchema>;

export const RaiseProblemSchema = z
  .object({
    title: text(VISIT_LIMITS.title),
    detail: text(VISIT_LIMITS.detail).optional(),
    /** Who sees it through: the cell's secretary when left out; or a person of the cell, or the reporting official. */
    ownerPersonId: IdSchema.optional(),
    /** When left out: 30 days after the visit. */
    dueOn: DateSchema.optional(),
  })
  .strict();
export type RaiseProblem = z.infer<typeof RaiseProblemSchema>;

export const FileReportSchema = z
  .object({
    heldOn: DateSchema,
    /** How many members of the cell the official met (a count; at most the cell's roll). */
    membersMet: z.number().int().min(0).max(100_000),
    /** What was found. */
    findings: text(VISIT_LIMITS.findings).optional(),
    problems: z.array(RaiseProblemSchema).max(VISIT_LIMITS.problems).default([]),
  })
  .strict();
export type FileReport = z.infer<typeof FileReportSchema>;

/** Days after filing during which the official (or one above) may correct a report; later it stands as filed. */
export const REPORT_CORRECTION_DAYS = 30;

/** A correction of a filed report: any of its figures, and problems forgotten at filing (raised on the visit's day). */
export const CorrectReportSchema = z
  .object({
    heldOn: DateSchema.optional(),
    membersMet: z.number().int().min(0).max(100_000).optional(),
    findings: text(VISIT_LIMITS.findings).nullable().optional(),
    addProblems: z.array(RaiseProblemSchema).max(VISIT_LIMITS.problems).optional(),
  })
  .strict();
export type CorrectReport = z.infer<typeof CorrectReportSchema>;

export const UpdateProblemSchema = z
  .object({
    status: z.enum(PROBLEM_STATUSES).optional(),
    /** Required to mark a problem solved or dropped: how it was solved, or why it was dropped. */
    resolution: text(VISIT_LIMITS.resolution).optional(),
    /** Officials only: */
    ownerPersonId: IdSchema.nullable().optional(),
    dueOn: DateSchema.optional(),
  })
  .strict();
export type UpdateProblem = z.infer<typeof UpdateProblemSchema>;

export const ProblemSchema = z.object({
  id: z.number(),
  visitId: z.number(),
  cellId: z.number(),
  cellName: z.string(),
  title: z.string().nullable(),
  detail: z.string().nullable(),
  owner: z.object({ id: z.number(), fullName: z.string() }).nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
  status: z.enum(PROBLEM_STATUSES),
  resolution: z.string().nullable(),
  raisedOn: z.string(),
  closedOn: z.string().nullable(),
  /** Whether the reader may change its status and resolution, and its owner and due day. */
  canUpdate: z.boolean(),
  canReassign: z.boolean(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const VisitSummarySchema = z.object({
  id: z.number(),
  cellId: z.number(),
  cellName: z.string(),
  status: z.enum(VISIT_STATUSES),
  plannedOn: z.string(),
  heldOn: z.string().nullable(),
  purpose: z.string().nullable(),
  officialName: z.string().nullable(),
  openProblems: z.number(),
});
export type VisitSummary = z.infer<typeof VisitSummarySchema>;

export const VisitSchema = VisitSummarySchema.extend({
  cancelledOn: z.string().nullable(),
  report: z
    .object({
      heldOn: z.string(),
      membersMet: z.number(),
      findings: z.string().nullable(),
      reportedAt: z.string().nullable(),
      /** The last day the report may still be corrected (REPORT_CORRECTION_DAYS after filing). */
      correctableUntil: z.string(),
    })
    .nullable(),
  problems: z.array(ProblemSchema),
  /** The reader planned it or is an official above the planner: may reschedule, cancel and report. */
  canAct: z.boolean(),
  /** The cell's roll today: the most members a report may say were met. */
  rollSize: z.number(),
});
export type Visit = z.infer<typeof VisitSchema>;

export const VisitListQuerySchema = z
  .object({
    status: z.enum(VISIT_STATUSES).optional(),
    /** The visits whose day (held, else planned) falls in this month. */
    period: z.string().max(7).optional(),
    limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).default(LIMITS.pageDefault),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type VisitListQuery = z.infer<typeof VisitListQuerySchema>;
export const VisitPageSchema = pageOf(VisitSummarySchema);
export type VisitPage = z.infer<typeof VisitPageSchema>;

export const ProblemListQuerySchema = z
  .object({
    /** open: open or in progress; overdue: those past their due day; all: every problem. */
    filter: z.enum(['open', 'overdue', 'all']).default('open'),
    limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).default(LIMITS.pageDefault),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export const ProblemPageSchema = pageOf(ProblemSchema);
export type ProblemPage = z.infer<typeof ProblemPageSchema>;

export const CoverageQuerySchema = z
  .object({
    period: z.string().max(7).optional(),
    /** The window: the month alone (1) or the 3, 6 or 12 months ending with it. */
    months: z.enum(['1', '3', '6', '12']).default('1'),
  })
  .strict();

export const CoverageFiguresSchema = z.object({
  /** Cells judged in the month (open for the whole of it). */
  cells: z.number(),
  /** Of them, cells with a held visit in the window. */
  visited: z.number(),
  /** visited / cells, 0 to 1; null without cells. */
  share: z.number().nullable(),
});

export const UnvisitedCellSchema = z.object({
  cellId: z.number(),
  name: z.string(),
  code: z.string(),
  lastVisitedOn: z.string().nullable(),
});
export const UnvisitedPageSchema = pageOf(UnvisitedCellSchema);
export type UnvisitedPage = z.infer<typeof UnvisitedPageSchema>;

export const CoverageSchema = CoverageFiguresSchema.extend({
  unitId: z.number(),
  period: z.string(),
  months: z.number(),
  partial: z.boolean(),
  /** Held visits in the month, and problems open at its end (or today), under the unit. */
  heldVisits: z.number(),
  openProblems: z.number(),
  children: z.array(CoverageFiguresSchema.extend({ unitId: z.number(), name: z.string(), kind: z.enum(['committee', 'cell']) })),
  /** Open cells under the unit not visited for longest (today), never visited first: the first page. */
  longestUnvisited: UnvisitedPageSchema,
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const UnvisitedQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).default(LIMITS.pageDefault),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const CreatedSchema = z.object({ id: z.number() });
