/**
 * Requests for help (issue 13, task 4): a member brings a problem to their cell. Only the subject, the
 * text and who may see it are asked; committees get counts only (decision 0026).
 */
import { z } from 'zod';
import { text } from './base.ts';

export const HELP_LIMITS = { subject: 200, text: 4000 } as const;

export const HELP_VISIBILITIES = ['secretary', 'cell'] as const;
export type HelpVisibility = (typeof HELP_VISIBILITIES)[number];
export const HELP_STATUSES = ['open', 'answered', 'resolved', 'withdrawn'] as const;
export type HelpStatus = (typeof HELP_STATUSES)[number];

export const AskForHelpSchema = z
  .object({
    subject: text(HELP_LIMITS.subject),
    text: text(HELP_LIMITS.text),
    visibility: z.enum(HELP_VISIBILITIES),
  })
  .strict();
export type AskForHelp = z.infer<typeof AskForHelpSchema>;

export const EditHelpRequestSchema = z
  .object({
    subject: text(HELP_LIMITS.subject).optional(),
    text: text(HELP_LIMITS.text).optional(),
    visibility: z.enum(HELP_VISIBILITIES).optional(),
  })
  .strict();
export type EditHelpRequest = z.infer<typeof EditHelpRequestSchema>;

export const AnswerHelpRequestSchema = z
  .object({
    text: text(HELP_LIMITS.text),
    /** `resolved`: the secretary closes it (the member may still reopen it). Cell-mates only answer. */
    status: z.enum(['answered', 'resolved']).default('answered'),
  })
  .strict();
export type AnswerHelpRequest = z.infer<typeof AnswerHelpRequestSchema>;

export const HelpAnswerSchema = z.object({
  id: z.number(),
  text: z.string().nullable(),
  answeredAt: z.string(),
  bySecretary: z.boolean(),
  /** Who answered, by name (null once erased or for an account without a person). */
  byName: z.string().nullable(),
});
export type HelpAnswer = z.infer<typeof HelpAnswerSchema>;

export const HelpRequestSchema = z.object({
  id: z.number(),
  cellId: z.number(),
  cellName: z.string(),
  subject: z.string().nullable(),
  text: z.string().nullable(),
  visibility: z.enum(HELP_VISIBILITIES),
  status: z.enum(HELP_STATUSES),
  askedOn: z.string(),
  firstAnsweredOn: z.string().nullable(),
  /** The asker's name: shown to the secretary and, on shared requests, to the cell. */
  askedBy: z.object({ id: z.number(), name: z.string() }),
  mine: z.boolean(),
  /** The latest answer's text, if any. */
  answer: z.string().nullable().optional(),
  answers: z.array(HelpAnswerSchema),
});
export type HelpRequest = z.infer<typeof HelpRequestSchema>;

export const HelpRequestListSchema = z.object({ items: z.array(HelpRequestSchema) });
export type HelpRequestList = z.infer<typeof HelpRequestListSchema>;

export const CellHelpRequestsResponseSchema = HelpRequestListSchema.extend({
  /** The reader answers as the cell's secretary (sees every request, may resolve). */
  asSecretary: z.boolean(),
});
export type CellHelpRequests = z.infer<typeof CellHelpRequestsResponseSchema>;

export const HelpFiguresSchema = z.object({
  /** Waiting for an answer at the data's end (asked or reopened, not answered since). */
  open: z.number(),
  /** Requests given their first answer in the month. */
  answered: z.number(),
  /** The median of their days from asking to the first answer (the lower middle); null with none. */
  medianDaysToAnswer: z.number().nullable(),
  /** The median lies in the "30 days or more" bucket: it reads "30 or more". */
  medianAtLeast30: z.boolean(),
});
export type HelpFigures = z.infer<typeof HelpFiguresSchema>;

export const HelpSummarySchema = HelpFiguresSchema.extend({
  unitId: z.number(),
  period: z.string(),
  partial: z.boolean(),
  children: z.array(HelpFiguresSchema.extend({ unitId: z.number(), name: z.string(), kind: z.string() })),
});
export type HelpSummary = z.infer<typeof HelpSummarySchema>;

export const HelpSummaryQuerySchema = z.object({ period: z.string().max(7).optional() }).strict();
