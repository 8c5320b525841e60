/**
 * Cells' work plans (issue 15; decision 0031): a plan per quarter ('2027-Q1'), its goals drafted by the
 * secretary, adopted at a held general meeting, reviewed at the quarter's end goal by goal; a
 * committee's view of its cells' plans for a quarter.
 */
import { z } from 'zod';
import { ASSIGNMENT_STATUSES } from './assignments.ts';
import { DateSchema, IdSchema, text } from './base.ts';

export const WORK_PLAN_LIMITS = { goals: 50, title: 300, note: 2000, firstYear: 2000, lastYear: 2100 } as const;
export const GOAL_KINDS = ['target', 'study', 'innovation', 'assignment'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];
export const WORK_PLAN_STATUSES = ['draft', 'adopted', 'reviewed'] as const;
/** A cell's plan for a quarter as a committee sees it: `missing` when none was drafted. */
export const PLAN_STATES = [...WORK_PLAN_STATUSES, 'missing'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

/** A quarter, 'YYYY-Qn' (2000 to 2100). */
export const QuarterSchema = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, 'a period is a quarter written YYYY-Qn, e.g. 2027-Q1')
  .refine((p) => {
    const y = Number(p.slice(0, 4));
    return y >= WORK_PLAN_LIMITS.firstYear && y <= WORK_PLAN_LIMITS.lastYear;
  }, 'the year is from 2000 to 2100');

export const PlanParamsSchema = z.object({ id: IdSchema, period: QuarterSchema }).strict();

export const GoalInputSchema = z
  .object({
    title: text(WORK_PLAN_LIMITS.title),
    kind: z.enum(GOAL_KINDS),
    /** A unit target the goal serves (kind `target` only). */
    targetId: IdSchema.optional(),
    /** One of the cell's assignments the goal plans (kind `assignment` only). */
    assignmentId: IdSchema.optional(),
  })
  .strict();
export const SavePlanSchema = z.object({ goals: z.array(GoalInputSchema).min(1).max(WORK_PLAN_LIMITS.goals) }).strict();
export type SavePlan = z.infer<typeof SavePlanSchema>;

export const AdoptPlanSchema = z.object({ meetingId: IdSchema }).strict();
export type AdoptPlan = z.infer<typeof AdoptPlanSchema>;

export const ReviewPlanSchema = z
  .object({
    goals: z
      .array(z.object({ id: IdSchema, met: z.boolean(), note: text(WORK_PLAN_LIMITS.note).optional() }).strict())
      .min(1)
      .max(WORK_PLAN_LIMITS.goals),
  })
  .strict();
export type ReviewPlan = z.infer<typeof ReviewPlanSchema>;

export const GoalSchema = z.object({
  id: z.number(),
  kind: z.enum(GOAL_KINDS),
  title: z.string(),
  targetId: z.number().nullable(),
  /** The cell's assignment an assignment goal names, as it stands now. */
  assignment: z
    .object({ id: z.number(), title: z.string(), status: z.enum(ASSIGNMENT_STATUSES), dueOn: z.string(), percent: z.number() })
    .nullable(),
  met: z.boolean().nullable(),
  note: z.string().nullable(),
});
export type Goal = z.infer<typeof GoalSchema>;

export const WorkPlanSchema = z.object({
  cellId: z.number(),
  cellName: z.string(),
  period: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(PLAN_STATES),
  goals: z.array(GoalSchema),
  adoptedAt: z.object({ meetingId: z.number(), on: z.string(), title: z.string().nullable() }).nullable(),
  reviewedOn: z.string().nullable(),
  /** The reader may draft, adopt and review it (the cell's secretary, officials managing it). */
  canEdit: z.boolean(),
  /** The first day a review may be filed (the quarter's last month). */
  reviewFrom: DateSchema,
});
export type WorkPlan = z.infer<typeof WorkPlanSchema>;

export const PlanSummarySchema = z.object({
  period: z.string(),
  status: z.enum(WORK_PLAN_STATUSES),
  goals: z.number(),
  met: z.number(),
  adoptedOn: z.string().nullable(),
});
export const PlanListSchema = z.object({ items: z.array(PlanSummarySchema) });

export const CommitteePlansQuerySchema = z
  .object({
    period: QuarterSchema.optional(),
    status: z.enum([...PLAN_STATES, 'all']).default('all'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type CommitteePlansQuery = z.infer<typeof CommitteePlansQuerySchema>;

export const CommitteePlansSchema = z.object({
  period: z.string(),
  counts: z.object({ cells: z.number(), draft: z.number(), adopted: z.number(), reviewed: z.number(), missing: z.number() }),
  items: z.array(
    z.object({
      cellId: z.number(),
      cellName: z.string(),
      status: z.enum(PLAN_STATES),
      goals: z.number(),
      met: z.number(),
      adoptedOn: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export type CommitteePlans = z.infer<typeof CommitteePlansSchema>;

/** The quarter a day falls in. */
export const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
/** The first day of a quarter, its exclusive end, and the first day of its last month. */
export function quarterDays(period: string): { startsOn: string; endsOn: string; lastMonth: string } {
  const y = Number(period.slice(0, 4));
  const q = Number(period.slice(6));
  const month = (m: number) => `${String(y + Math.floor((m - 1) / 12)).padStart(4, '0')}-${String(((m - 1) % 12) + 1).padStart(2, '0')}-01`;
  return { startsOn: month(q * 3 - 2), endsOn: month(q * 3 + 1), lastMonth: month(q * 3) };
}
