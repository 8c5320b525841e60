/**
 * Unit targets (issue 15, task 5; decision 0030): a committee's targets per sector for a year or a
 * quarter, split among its child units, the progress units report against them, and the figures rolled
 * up the tree against the time elapsed.
 */
import { z } from 'zod';
import { SECTORS } from '../enums.ts';
import { DateSchema, IdSchema, pageOf, text } from './base.ts';

export const TARGET_LIMITS = {
  indicator: 200,
  measure: 50,
  note: 2000,
  evidenceUrl: 2000,
  split: 500,
  /** The largest figure or value taken: beyond it a number is a typing slip, not a plan. */
  figureMax: 1e15,
  /** Decimal places kept (numeric(20, 4)). */
  decimals: 4,
} as const;

/** ahead / on track / behind the straight line from nothing at the period's start to the figure at its end; met once reached; overdue when the period ended short. */
export const TARGET_STATUSES = ['not_started', 'ahead', 'on_track', 'behind', 'met', 'overdue'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** A figure as JSON sends it; the service says what is wrong with one (zero, negative, too large, too precise). */
const FigureSchema = z.number();

export const SplitPartSchema = z.object({ unitId: IdSchema, figure: FigureSchema }).strict();

export const CreateTargetSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** Left out: the target is for the whole year. */
    quarter: z.number().int().min(1).max(4).optional(),
    sector: z.enum(SECTORS),
    /** A name from the catalogue (GET /target-indicators) or a free one. */
    indicator: text(TARGET_LIMITS.indicator),
    /** The unit of measure: tonnes, MWh, patients… */
    measure: text(TARGET_LIMITS.measure),
    figure: FigureSchema,
    /** Parts for child units; they need not be even, and their sum is shown against the figure. */
    split: z.array(SplitPartSchema).max(TARGET_LIMITS.split).optional(),
  })
  .strict();
export type CreateTarget = z.infer<typeof CreateTargetSchema>;

export const CreatedTargetSchema = z.object({
  id: z.number(),
  /** The parts' sum and its difference from the figure (negative: part of the figure is not assigned). */
  splitSum: z.number(),
  splitDifference: z.number(),
  partIds: z.array(z.number()),
});

/**
 * Changes to a target while its period runs (its setter): the figure, the unit of measure (of the whole
 * family), the split (the parts as they should now be: a part left out is withdrawn, a new unit gets a
 * new part). At least one field.
 */
export const EditTargetSchema = z
  .object({
    figure: FigureSchema.optional(),
    measure: text(TARGET_LIMITS.measure).optional(),
    split: z.array(SplitPartSchema).max(TARGET_LIMITS.split).optional(),
  })
  .strict()
  .refine(
    (x) => x.figure !== undefined || x.measure !== undefined || x.split !== undefined,
    'change at least one of figure, measure, split',
  );
export type EditTarget = z.infer<typeof EditTargetSchema>;

export const EditedTargetSchema = z.object({ id: z.number(), splitSum: z.number(), splitDifference: z.number() });

/** Withdrawing a target (and the parts split from it): out of lists and sums, kept with its reports. */
export const WithdrawTargetSchema = z.object({ reason: text(TARGET_LIMITS.note).optional() }).strict();
export type WithdrawTarget = z.infer<typeof WithdrawTargetSchema>;

export const ReportProgressSchema = z
  .object({
    /** The unit whose progress this is: the target's unit or one under it. */
    unitId: IdSchema,
    asOf: DateSchema,
    /** The unit's own figure to date (cumulative over the period), not an increment. */
    value: z.number(),
    note: text(TARGET_LIMITS.note).optional(),
    /** A link to evidence (https only); a file is uploaded to the report once filed (POST /target-reports/{id}/evidence). */
    evidenceUrl: z.string().trim().max(TARGET_LIMITS.evidenceUrl).optional(),
  })
  .strict();
export type ReportProgress = z.infer<typeof ReportProgressSchema>;

export const TargetListQuerySchema = z.object({ year: z.string().regex(/^\d{4}$/, 'a year is four digits, e.g. 2026') }).strict();

export const IndicatorSchema = z.object({ id: z.number(), name: z.string(), measure: z.string(), sector: z.string().nullable() });
export type Indicator = z.infer<typeof IndicatorSchema>;
export const CreateIndicatorSchema = z
  .object({ name: text(TARGET_LIMITS.indicator), measure: text(TARGET_LIMITS.measure), sector: z.enum(SECTORS).optional() })
  .strict();
export type CreateIndicator = z.infer<typeof CreateIndicatorSchema>;

/** A target's figures at a day: what is achieved, what the straight line expects by then, the status. */
const FiguresShape = {
  figure: z.number(),
  achieved: z.number(),
  expected: z.number(),
  /** Share of the period elapsed, 0..1. */
  elapsed: z.number(),
  status: z.enum(TARGET_STATUSES),
};

export const PartSchema = z.object({
  unitId: z.number(),
  unitName: z.string(),
  unitKind: z.string(),
  /** The split part's id and figure, when the target was split to this unit. */
  targetId: z.number().nullable(),
  reports: z.number(),
  lastAsOf: z.string().nullable(),
  ...FiguresShape,
  figure: z.number().nullable(),
  status: z.enum(TARGET_STATUSES).nullable(),
});
export type Part = z.infer<typeof PartSchema>;

export const TargetSummarySchema = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  parentId: z.number().nullable(),
  year: z.number(),
  quarter: z.number().nullable(),
  sector: z.string(),
  indicator: z.string(),
  measure: z.string(),
  from: z.string(),
  to: z.string(),
  ...FiguresShape,
  splitSum: z.number().nullable(),
  /** The split parts behind schedule or overdue (the review of implementation). */
  behindUnits: z.array(PartSchema),
});
export type TargetSummary = z.infer<typeof TargetSummarySchema>;

export const TargetListSchema = z.object({ items: z.array(TargetSummarySchema) });

export const ChartPointSchema = z.object({ on: z.string(), achieved: z.number() });
export const TargetDetailSchema = TargetSummarySchema.extend({
  /** Achieved per child unit (and the unit's own reports), split figures beside them. */
  parts: z.array(PartSchema),
  /** Achieved over time: at each report day, the sum of each unit's latest report by then. */
  chart: z.array(ChartPointSchema),
  canReport: z.boolean(),
  /** The reader may edit or withdraw it (an official managing its unit), while it runs and is not withdrawn. */
  canEdit: z.boolean(),
  /** When it was withdrawn (then it is out of lists and sums, kept with its reports), else null. */
  withdrawnAt: z.string().nullable(),
});
export type TargetDetail = z.infer<typeof TargetDetailSchema>;

export const ProgressReportSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  asOf: z.string(),
  value: z.number(),
  note: z.string().nullable(),
  reportedBy: z.string().nullable(),
  latest: z.boolean(),
  evidenceUrl: z.string().nullable(),
  /** The uploaded evidence file (GET /target-reports/{id}/evidence), if any. */
  evidenceFile: z.object({ fileName: z.string(), contentType: z.string(), sizeBytes: z.number() }).nullable(),
});
export const EvidenceFileSchema = z.object({ fileName: z.string(), contentType: z.string(), sizeBytes: z.number() });
export const ReportListQuerySchema = z
  .object({
    /** Only this unit's reports, or those of the units under it. */
    unitId: IdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type ReportListQuery = z.infer<typeof ReportListQuerySchema>;
export const ReportPageSchema = pageOf(ProgressReportSchema);

/** The targets a unit may report progress on: its own and those of the committees above it. */
export const ReportableSchema = z.object({
  /** The reader manages the unit (its secretary, an official over it). */
  canReport: z.boolean(),
  items: z.array(
    z.object({
      id: z.number(),
      unitName: z.string(),
      indicator: z.string(),
      measure: z.string(),
      figure: z.number(),
      from: z.string(),
      to: z.string(),
      /** This unit's latest report, if any. */
      lastValue: z.number().nullable(),
      lastAsOf: z.string().nullable(),
    }),
  ),
});
