/**
 * The secretary (issue 14; decision 0027): the centre's traits, members' quarterly feedback on their
 * secretary (about conduct in the role only: a score per trait and an optional comment), the averages
 * shown from three raters on, and training and succession.
 */
import { z } from 'zod';
import { IdSchema, text } from './base.ts';

export const SECRETARY_LIMITS = { title: 100, description: 500, comment: 1000, minRaters: 3, scoreMin: 1, scoreMax: 5 } as const;

/** `YYYY-Qn`. */
export const QuarterSchema = z.string().regex(/^[0-9]{4}-Q[1-4]$/, 'a quarter is written YYYY-Qn, e.g. 2026-Q4');
export const QuarterQuerySchema = z.object({ quarter: QuarterSchema.optional() }).strict();

export const TraitCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'a code is lower-case letters, digits and _');

export const SecretaryTraitSchema = z.object({
  id: z.number(),
  code: z.string(),
  /** In the request's language (Accept-Language: ko gives Korean, else English). */
  title: z.string(),
  description: z.string(),
  titleEn: z.string(),
  titleKo: z.string(),
  descriptionEn: z.string(),
  descriptionKo: z.string(),
  position: z.number(),
  retired: z.boolean(),
});
export type SecretaryTrait = z.infer<typeof SecretaryTraitSchema>;
export const SecretaryTraitListSchema = z.object({ items: z.array(SecretaryTraitSchema) });
export const TraitListQuerySchema = z.object({ retired: z.enum(['include', 'exclude']).optional() }).strict();

export const CreateTraitSchema = z
  .object({
    code: TraitCodeSchema,
    titleEn: text(SECRETARY_LIMITS.title),
    titleKo: text(SECRETARY_LIMITS.title),
    descriptionEn: text(SECRETARY_LIMITS.description),
    descriptionKo: text(SECRETARY_LIMITS.description),
  })
  .strict();
export type CreateTrait = z.infer<typeof CreateTraitSchema>;
export const EditTraitSchema = z
  .object({
    titleEn: text(SECRETARY_LIMITS.title).optional(),
    titleKo: text(SECRETARY_LIMITS.title).optional(),
    descriptionEn: text(SECRETARY_LIMITS.description).optional(),
    descriptionKo: text(SECRETARY_LIMITS.description).optional(),
    retired: z.boolean().optional(),
  })
  .strict();
export type EditTrait = z.infer<typeof EditTraitSchema>;
/** The live traits' ids in their new order (every live trait, once). */
export const ReorderTraitsSchema = z.object({ ids: z.array(IdSchema).min(1).max(200) }).strict();

export const RateSecretarySchema = z
  .object({
    ratings: z
      .array(
        z
          .object({ trait: TraitCodeSchema, score: z.number().int().min(SECRETARY_LIMITS.scoreMin).max(SECRETARY_LIMITS.scoreMax) })
          .strict(),
      )
      .min(1)
      .max(200),
    comment: text(SECRETARY_LIMITS.comment).optional(),
  })
  .strict();
export type RateSecretary = z.infer<typeof RateSecretarySchema>;

export const TraitAverageSchema = z.object({ code: z.string(), title: z.string(), average: z.number().nullable() });
export const CellFeedbackSchema = z.object({
  cellId: z.number(),
  quarter: z.string(),
  /** The person the figures are about: the cell's secretary today (null when it has none). */
  secretary: z.object({ id: z.number(), fullName: z.string() }).nullable(),
  /** Distinct raters, null below three. */
  raters: z.number().int().nullable(),
  minRaters: z.number(),
  traits: z.array(TraitAverageSchema),
  /** Comments from three raters on (else null); sorted by their text, never by when they were written. */
  comments: z.array(z.string()).nullable(),
});
export type CellFeedback = z.infer<typeof CellFeedbackSchema>;

export const MyFeedbackSchema = z.object({
  cellId: z.number(),
  quarter: z.string(),
  secretary: z.object({ id: z.number(), fullName: z.string() }).nullable(),
  /** The actor may rate (on the roll, not the secretary, the cell has one). */
  canRate: z.boolean(),
  rated: z.boolean(),
  ratings: z.array(z.object({ trait: z.string(), score: z.number() })),
  comment: z.string().nullable(),
});
export type MyFeedback = z.infer<typeof MyFeedbackSchema>;

export const FeedbackFiguresSchema = z.object({
  raters: z.number().int(),
  cells: z.number().int(),
  traits: z.array(TraitAverageSchema),
});
export const UnitFeedbackSchema = FeedbackFiguresSchema.extend({
  unitId: z.number(),
  quarter: z.string(),
  minRaters: z.number(),
  children: z.array(FeedbackFiguresSchema.extend({ unitId: z.number(), name: z.string(), kind: z.enum(['committee', 'cell']) })),
});
export type UnitFeedback = z.infer<typeof UnitFeedbackSchema>;

export const OfficerTrainingSchema = z.object({
  personId: z.number(),
  fullName: z.string(),
  trained: z.boolean(),
  /** Completed courses from the enrolment register. */
  courses: z.array(z.object({ course: z.string(), institution: z.string(), endedOn: z.string().nullable() })),
  /** Secretary-training programmes with the themes completed of their live themes. */
  programmes: z.array(z.object({ id: z.number(), title: z.string(), titleKo: z.string().nullable(), done: z.number(), of: z.number() })),
});
export const SuccessionSchema = z.object({
  cellId: z.number(),
  secretary: OfficerTrainingSchema.nullable(),
  /** The deputies: the successors. */
  deputies: z.array(OfficerTrainingSchema),
});
export type Succession = z.infer<typeof SuccessionSchema>;

export const GapsQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(200).optional() })
  .strict();
export const TrainingGapSchema = z.object({
  cellId: z.number(),
  cellName: z.string(),
  secretary: z.string().nullable(),
  secretaryTrained: z.boolean(),
  deputy: z.string().nullable(),
  deputyTrained: z.boolean(),
});
export const TrainingGapsSchema = z.object({
  unitId: z.number(),
  items: z.array(TrainingGapSchema),
  nextCursor: z.string().nullable(),
  /** The unit's child committees, to drill down. */
  children: z.array(z.object({ unitId: z.number(), name: z.string() })),
});
export type TrainingGaps = z.infer<typeof TrainingGapsSchema>;

export const TrainingProgrammeSchema = z.object({
  id: z.number(),
  title: z.string(),
  titleKo: z.string().nullable(),
  secretaryTraining: z.boolean(),
});
export const TrainingProgrammeListSchema = z.object({ items: z.array(TrainingProgrammeSchema) });
export const SetTrainingSchema = z.object({ secretaryTraining: z.boolean() }).strict();
