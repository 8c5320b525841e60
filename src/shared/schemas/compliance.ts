/** Compliance: the rulebook's standards, the figures of cells meeting them and the committee dashboards. */
import { z } from 'zod';
import { SECTORS } from '../enums.ts';
import { UnitRefSchema } from './base.ts';

/** A standard judged for one cell and month: met or not, and its figures (`detail` names its kind). */
export const StandardVerdictSchema = z.object({
  code: z.string(),
  title: z.string(),
  titleKo: z.string(),
  meets: z.boolean(),
  detail: z.unknown(),
});
export type StandardVerdict = z.infer<typeof StandardVerdictSchema>;

export const ComplianceQuerySchema = z.object({ period: z.string().max(7) }).strict();
export const ComplianceStandardSchema = z.object({
  code: z.string(),
  title: z.string(),
  titleKo: z.string(),
  cellsMeeting: z.number(),
  cellsTotal: z.number(),
  rowsUrl: z.string(),
});
export const ComplianceSchema = z.object({
  unitId: z.number(),
  period: z.string(),
  cells: z.number(),
  cellsMeetingAll: z.number(),
  allRowsUrl: z.string(),
  standards: z.array(ComplianceStandardSchema),
  /** The month is still in progress: its figures are judged on the days so far. */
  partial: z.boolean(),
  /**
   * The rulebook registry's summed roll-ups over the cells judged in the month (a cell: its own), by
   * metric key, e.g. `attendance_present:general`.
   */
  sums: z.record(z.string(), z.number()),
});
export type Compliance = z.infer<typeof ComplianceSchema>;

export const ComplianceRowsQuerySchema = z
  .object({
    period: z.string().max(7),
    standard: z.string().max(64).default('*'),
    meets: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export const ComplianceRowSchema = z.object({
  cellId: z.number(),
  cellName: z.string(),
  cellCode: z.string(),
  standardCode: z.string(),
  meets: z.boolean(),
  detail: z.unknown(),
});
export type ComplianceRow = z.infer<typeof ComplianceRowSchema>;

export const RollupFigureSchema = z.object({ cellsMeeting: z.number(), cellsTotal: z.number() });
export type RollupFigure = z.infer<typeof RollupFigureSchema>;

/** Month by month, how many cells under a unit meet each standard (null: no figures that month). */
export const TrendQuerySchema = z
  .object({ period: z.string().max(7).optional(), months: z.coerce.number().int().min(1).max(36).default(12) })
  .strict();
export const TrendSchema = z.object({
  unitId: z.number(),
  periods: z.array(z.string()),
  partial: z.array(z.boolean()).describe('per period: still in progress'),
  series: z.array(z.object({ standardCode: z.string(), points: z.array(RollupFigureSchema.nullable()) })),
});
export type Trend = z.infer<typeof TrendSchema>;

/** The heat grid: each child unit of a committee against each standard. */
export const ComplianceGridSchema = z.object({
  unitId: z.number(),
  period: z.string(),
  standards: z.array(z.object({ code: z.string(), title: z.string(), titleKo: z.string() })),
  rows: z.array(
    z.object({
      unit: UnitRefSchema,
      all: RollupFigureSchema,
      /** Keyed by standard code. */
      figures: z.record(z.string(), RollupFigureSchema),
    }),
  ),
});
export type ComplianceGrid = z.infer<typeof ComplianceGridSchema>;

/** Cells failing the most standards, with what each lacks. */
export const WorstCellsSchema = z.object({
  period: z.string(),
  items: z.array(
    z.object({
      cell: UnitRefSchema,
      /** The cell's committee, when it lies in the reader's scope; null otherwise. */
      parent: UnitRefSchema.nullable(),
      failing: z.array(z.object({ code: z.string(), detail: z.unknown() })),
    }),
  ),
});
export type WorstCells = z.infer<typeof WorstCellsSchema>;

export const SectorBreakdownSchema = z.object({
  period: z.string(),
  rows: z.array(z.object({ sector: z.string().nullable(), all: RollupFigureSchema, figures: z.record(z.string(), RollupFigureSchema) })),
});
export type SectorBreakdown = z.infer<typeof SectorBreakdownSchema>;

/** The limits of a standard's numeric parameters, [min, max]; the web form checks the same. */
export const STANDARD_LIMITS = {
  meetingsPerMonth: [1, 31],
  reviewWeeks: [1, 52],
  consecutiveAbsences: [2, 12],
  graceDays: [0, 90],
  meetingsPerQuarter: [1, 90],
} as const satisfies Record<string, readonly [number, number]>;
const common = {
  code: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and dashes')
    .max(64),
  titleEn: z.string().trim().min(1).max(200),
  titleKo: z.string().trim().min(1).max(200),
  scopeUnitId: z.number().int().positive().nullish(),
  scopeSector: z.enum(SECTORS).nullish(),
  validFrom: z.iso.date().refine((d) => d.endsWith('-01'), 'a change applies from the first day of a month'),
  retire: z.boolean().default(false),
};

/**
 * A standard's new version. `kind` names a kind of the rulebook registry and `params` are checked
 * against that kind's schema (src/shared/schemas/standard-params.ts) when saved.
 */
export const SaveStandardSchema = z
  .object({
    ...common,
    kind: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, 'a standard kind code such as meetings_per_month')
      .max(64),
    params: z.record(z.string(), z.unknown()),
  })
  .strict();
export type SaveStandard = z.infer<typeof SaveStandardSchema>;

/** A version of a standard in the rulebook (`validTo` null: still in force). */
export const StandardSchema = z.object({
  id: z.number(),
  code: z.string(),
  kind: z.string(),
  params: z.record(z.string(), z.unknown()),
  titleEn: z.string(),
  titleKo: z.string(),
  scopeUnitId: z.number().nullable().optional(),
  scopeSector: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type Standard = z.infer<typeof StandardSchema>;
export const StandardListSchema = z.object({ items: z.array(StandardSchema) });
export const SavedStandardSchema = z.object({ id: z.number().nullable() });
