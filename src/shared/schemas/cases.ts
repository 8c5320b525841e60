/**
 * Integrity cases (issue 14, task 10): conduct in a role only, never private life or beliefs. Who sees
 * what is decided in src/server/modules/cases/access.ts (decision 0029).
 */
import { z } from 'zod';
import { text, UnitRefSchema } from './base.ts';

export const CASE_LIMITS = { summary: 8000, text: 8000, measure: 2000 } as const;

/** Conduct in a role: the form says private life and beliefs are out of scope. */
export const CASE_CATEGORIES = ['abuse_of_power', 'bureaucratism', 'corruption', 'misuse_of_role'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
export const CASE_STATUSES = ['received', 'out_of_scope', 'open', 'decided', 'appealed', 'appeal_decided'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** What an open case waits on: the handlers' triage, notifying the subject, the subject's response, the handlers' decision, the appeal period, the appeal's decision. */
export const CASE_WAITING_ON = ['triage', 'notify', 'response', 'decision', 'appealPeriod', 'appealDecision'] as const;
export type CaseWaitingOn = (typeof CASE_WAITING_ON)[number];
export const CASE_OUTCOMES = ['dismissed', 'upheld'] as const;
export const SUBJECT_ROLES = ['secretary', 'deputy_secretary', 'official'] as const;
/** How the reader stands to a case: a first-instance handler, an appeal handler, or its subject. */
export const CASE_VIEWER_ROLES = ['handler', 'appeal_handler', 'subject'] as const;
export type CaseViewerRole = (typeof CASE_VIEWER_ROLES)[number];
export const CASE_READ_PARTS = ['list', 'summary', 'timeline', 'evidence', 'reads'] as const;

export const ReportCaseSchema = z
  .object({
    subjectPersonId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    category: z.enum(CASE_CATEGORIES),
    summary: text(CASE_LIMITS.summary),
    anonymousToSubject: z.boolean().default(false),
  })
  .strict();
export type ReportCase = z.infer<typeof ReportCaseSchema>;

export const TriageCaseSchema = z
  .object({
    /** `open`: within scope, the case goes on; `out_of_scope`: dismissed at triage, with reasons. */
    action: z.enum(['open', 'out_of_scope']),
    reasons: text(CASE_LIMITS.text).optional(),
  })
  .strict()
  .refine((v) => v.action === 'open' || v.reasons !== undefined, { message: 'reasons are required', path: ['reasons'] });

export const CaseTextSchema = z.object({ text: text(CASE_LIMITS.text) }).strict();

export const DecideCaseSchema = z
  .object({
    outcome: z.enum(CASE_OUTCOMES),
    reasons: text(CASE_LIMITS.text),
    /** The measure taken when upheld (required then; none when dismissed). */
    measure: text(CASE_LIMITS.measure).optional(),
  })
  .strict();
export type DecideCase = z.infer<typeof DecideCaseSchema>;

export const CaseRulesSchema = z
  .object({
    /** Days the subject has to respond after being notified; after them the subject counts as heard. */
    responseDays: z.number().int().min(1).max(365),
    /** Days after a decision within which the subject may appeal. */
    appealDays: z.number().int().min(1).max(365),
    /** Years after a case closes before it is purged. */
    retentionYears: z.number().int().min(1).max(100),
  })
  .strict();
export type CaseRules = z.infer<typeof CaseRulesSchema>;

export const CreatedIdSchema = z.object({ id: z.number() });

export const CaseSubjectSchema = z.object({
  id: z.number(),
  fullName: z.string(),
  role: z.enum(SUBJECT_ROLES),
  unit: UnitRefSchema,
});
export const CaseSubjectListSchema = z.object({ items: z.array(CaseSubjectSchema) });

export const CaseEvidenceSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  addedBy: z.enum(['reporter', 'subject']),
  addedAt: z.string(),
});
export type CaseEvidence = z.infer<typeof CaseEvidenceSchema>;

export const CaseStepSchema = z.object({
  id: z.number(),
  kind: z.string(),
  actorRole: z.string(),
  at: z.string(),
  text: z.string().nullable(),
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  measure: z.string().nullable(),
});
export type CaseStep = z.infer<typeof CaseStepSchema>;

export const CaseSchema = z.object({
  id: z.number(),
  category: z.enum(CASE_CATEGORIES),
  summary: z.string(),
  status: z.enum(CASE_STATUSES),
  subject: z.object({ id: z.number(), fullName: z.string(), role: z.enum(SUBJECT_ROLES), unit: UnitRefSchema }),
  /** The reporter: for handlers only; always null for the subject. */
  reporter: z.object({ id: z.number(), fullName: z.string() }).nullable(),
  anonymousToSubject: z.boolean(),
  handlingUnit: UnitRefSchema,
  appealUnit: UnitRefSchema.nullable(),
  receivedAt: z.string(),
  notifiedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  appealOutcome: z.enum(CASE_OUTCOMES).nullable(),
  /** Until when the subject may respond before counting as heard (notified + response days). */
  respondBy: z.string().nullable(),
  /** Until when the subject may appeal (decided + appeal days). */
  appealBy: z.string().nullable(),
  heard: z.boolean(),
  viewerRole: z.enum(CASE_VIEWER_ROLES),
  evidence: z.array(CaseEvidenceSchema),
  /** What the reader may do next. */
  can: z.object({
    triage: z.boolean(),
    notify: z.boolean(),
    decide: z.boolean(),
    respond: z.boolean(),
    appeal: z.boolean(),
    addEvidence: z.boolean(),
  }),
});
export type Case = z.infer<typeof CaseSchema>;

export const CaseTimelineSchema = z.object({ items: z.array(CaseStepSchema) });

export const CaseListItemSchema = z.object({
  id: z.number(),
  category: z.enum(CASE_CATEGORIES),
  status: z.enum(CASE_STATUSES),
  subjectName: z.string(),
  handlingUnit: UnitRefSchema,
  receivedAt: z.string(),
  viewerRole: z.enum(CASE_VIEWER_ROLES),
  /** The next step the case waits on (null once closed), and its deadline where the rules set one. */
  waitingOn: z.enum(CASE_WAITING_ON).nullable(),
  dueAt: z.string().nullable(),
});
export const CaseListSchema = z.object({ items: z.array(CaseListItemSchema) });

export const MyReportSchema = z.object({
  id: z.number(),
  category: z.enum(CASE_CATEGORIES),
  summary: z.string(),
  subjectName: z.string(),
  status: z.enum(CASE_STATUSES),
  receivedAt: z.string(),
  anonymousToSubject: z.boolean(),
});
export const MyReportListSchema = z.object({ items: z.array(MyReportSchema) });

export const CaseReadSchema = z.object({
  id: z.number(),
  accountId: z.number(),
  login: z.string(),
  at: z.string(),
  part: z.enum(CASE_READ_PARTS),
  evidenceId: z.number().nullable(),
});
export const CaseReadListSchema = z.object({ items: z.array(CaseReadSchema) });

export const CaseStatsQuerySchema = z
  .object({ period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'a year (YYYY) or a month (YYYY-MM)') })
  .strict();
/** Anonymous counts for a committee's subtree; every figure is null below 3 cases received. */
export const CaseStatsSchema = z.object({
  period: z.string(),
  fewerThanMinimum: z.boolean(),
  minimum: z.number(),
  received: z.number().nullable(),
  open: z.number().nullable(),
  outOfScope: z.number().nullable(),
  decided: z.number().nullable(),
  medianDaysToDecision: z.number().nullable(),
});
export type CaseStats = z.infer<typeof CaseStatsSchema>;
