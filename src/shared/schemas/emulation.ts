/**
 * Emulation campaigns and yearly distinctions (issue 15; decision 0033): a committee's campaign among
 * units it chooses, scored on standards with weights (data), its standings and each score's figures;
 * the centre's distinction rules, each year's eligible cells and the committee's conferrals.
 */
import { z } from 'zod';
import { LIMITS } from '../enums.ts';
import { IdSchema, pageOf, text, UnitRefSchema } from './base.ts';

export const CAMPAIGN_LIMITS = { title: 200, units: 2000, standards: 20, targets: 20, months: 36, weightMax: 100 } as const;

/** A month as 'YYYY-MM' or any day of it 'YYYY-MM-DD'; a campaign runs over whole months. */
const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, 'a month as YYYY-MM (or a day YYYY-MM-DD)')
  .refine(
    (s) => s.length === 7 || (!Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)),
    'not a real day',
  );

/** A target indicator scored in a campaign: each participant's own targets of it, achieved of figure (capped). */
export const CampaignTargetSchema = z
  .object({
    indicator: z.string().trim().min(1).max(200),
    weight: z.number().positive().max(CAMPAIGN_LIMITS.weightMax).optional(),
  })
  .strict();

const campaignFields = {
  title: text(CAMPAIGN_LIMITS.title),
  unitIds: z.array(IdSchema).min(2).max(CAMPAIGN_LIMITS.units),
  from: MonthSchema,
  to: MonthSchema,
  /** Rulebook standard codes; '*' is "met every standard" (the overall verdict). */
  standardCodes: z.array(z.string().trim().min(1).max(100)).min(1).max(CAMPAIGN_LIMITS.standards),
  /** Weight per standard code (1 when left out). */
  weights: z.record(z.string(), z.number().positive().max(CAMPAIGN_LIMITS.weightMax)).optional(),
  /** Target indicators scored besides the standards (weight 1 when left out). */
  targets: z.array(CampaignTargetSchema).max(CAMPAIGN_LIMITS.targets).optional(),
};
export const CreateCampaignSchema = z.object(campaignFields).strict();
export type CreateCampaign = z.infer<typeof CreateCampaignSchema>;
/** A change by the campaign's committee: any of the fields; the ones left out stay as they are. */
export const UpdateCampaignSchema = z
  .object(campaignFields)
  .partial()
  .strict()
  .refine((x) => Object.keys(x).length > 0, 'nothing to change');
export type UpdateCampaign = z.infer<typeof UpdateCampaignSchema>;

/** One part of a score: a standard's verdicts, or a target indicator's progress. */
export const ComponentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('standard'), code: z.string(), weight: z.number(), titleEn: z.string(), titleKo: z.string() }),
  z.object({ kind: z.literal('target'), indicator: z.string(), weight: z.number() }),
]);

export const CampaignSchema = z.object({
  id: z.number(),
  title: z.string(),
  unit: UnitRefSchema,
  from: z.string(),
  to: z.string(),
  components: z.array(ComponentSchema),
  units: z.array(UnitRefSchema),
  createdAt: z.string(),
  /** When the campaign's committee cancelled it (it is then out of the lists and can no longer be changed). */
  cancelledAt: z.string().nullable(),
  canManage: z.boolean(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const CampaignSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  unit: UnitRefSchema,
  from: z.string(),
  to: z.string(),
  unitCount: z.number(),
});
export const CampaignPageSchema = pageOf(CampaignSummarySchema);
export const CampaignListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).default(LIMITS.pageDefault),
    cursor: z.string().max(200).optional(),
  })
  .strict();

/** The unit ranked just above (the lowest score higher than this one) and the points between. */
export const OvertakeSchema = z.object({ unitId: z.number(), name: z.string(), gap: z.number() });
export const StandingSchema = z.object({
  unitId: z.number(),
  name: z.string(),
  kind: z.string(),
  score: z.number(),
  rank: z.number(),
  toOvertake: OvertakeSchema.nullable(),
});
export type Standing = z.infer<typeof StandingSchema>;
export const StandingsSchema = z.object({
  items: z.array(StandingSchema),
  /** The participants the reader belongs to or serves (their rows again, for the "to overtake" line). */
  mine: z.array(z.number()),
});

export const UnitScoreSchema = z.object({
  standing: StandingSchema,
  /**
   * Per standard: the weight and the months' figures (cells meeting of cells judged; a cell is one of
   * one). Per target indicator: the unit's own targets of it with their figure and achieved sum.
   */
  components: z.array(
    z.object({
      kind: z.enum(['standard', 'target']),
      targets: z
        .array(
          z.object({
            id: z.number(),
            year: z.number(),
            quarter: z.number().nullable(),
            figure: z.number(),
            achieved: z.number(),
            measure: z.string(),
          }),
        )
        .optional(),
      code: z.string(),
      titleEn: z.string(),
      titleKo: z.string(),
      weight: z.number(),
      meeting: z.number(),
      total: z.number(),
      rate: z.number(),
      months: z.array(z.object({ period: z.string(), meeting: z.number(), total: z.number() })),
    }),
  ),
});
export const CampaignUnitParamsSchema = z.object({ id: IdSchema, unitId: IdSchema }).strict();

export const DistinctionConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('overall-months'), min: z.number().int().min(1).max(12) }).strict(),
  /** No target of the cell's own for the year whose period ended short of its figure. */
  z.object({ kind: z.literal('no-overdue-target') }).strict(),
]);
export const DistinctionRuleSchema = z.object({
  code: z.string(),
  titleEn: z.string(),
  titleKo: z.string(),
  conditions: z.array(DistinctionConditionSchema),
  active: z.boolean(),
});
export const DistinctionRuleListSchema = z.object({ items: z.array(DistinctionRuleSchema) });
export const UpdateDistinctionRuleSchema = z
  .object({
    titleEn: text(200).optional(),
    titleKo: text(200).optional(),
    conditions: z.array(DistinctionConditionSchema).min(1).max(10).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export const RuleParamsSchema = z.object({ code: z.string().regex(/^[a-z0-9-]{1,40}$/) }).strict();
export const UnitRuleParamsSchema = z.object({ id: IdSchema, code: z.string().regex(/^[a-z0-9-]{1,40}$/) }).strict();

export const DISTINCTION_STATUSES = ['eligible', 'conferred'] as const;
export const DistinctionQuerySchema = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    distinction: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/)
      .optional(),
    status: z.enum(DISTINCTION_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).default(LIMITS.pageDefault),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type DistinctionQuery = z.infer<typeof DistinctionQuerySchema>;
export const DistinctionItemSchema = z.object({
  unitId: z.number(),
  name: z.string(),
  distinction: z.string(),
  titleEn: z.string(),
  titleKo: z.string(),
  status: z.enum(DISTINCTION_STATUSES),
  monthsMet: z.number(),
  conferredOn: z.string().nullable(),
});
export type DistinctionItem = z.infer<typeof DistinctionItemSchema>;
export const DistinctionPageSchema = pageOf(DistinctionItemSchema);
export const ConferSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** The cells to confer on; all eligible cells under the unit not yet conferred when left out. */
    cellIds: z.array(IdSchema).min(1).max(5000).optional(),
  })
  .strict();
export const RevokeSchema = z.object({ year: z.number().int().min(2000).max(2100), cellIds: z.array(IdSchema).min(1).max(5000) }).strict();
export const ConferredSchema = z.object({ cellIds: z.array(z.number()) });
