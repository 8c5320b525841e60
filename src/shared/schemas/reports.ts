/** Monthly reports: a cell's report of the month, its submission and downloads, a committee's list. */
import { z } from 'zod';
import { UnitRefSchema } from './base.ts';
import { StandardVerdictSchema } from './compliance.ts';

export const MONTHLY_REPORT_STATUSES = ['draft', 'submitted'] as const;
export const MonthlyReportSchema = z.object({
  cell: UnitRefSchema,
  period: z.string(),
  status: z.enum(MONTHLY_REPORT_STATUSES),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  notes: z.string().nullable(),
  /** Generated from the data: meetings held, attendance, standards, actions, follow-ups. */
  figures: z.object({
    members: z.number(),
    meetingsHeld: z.number(),
    meetingsNotHeld: z.number(),
    attendanceRate: z.number().nullable(),
    actionsDue: z.number(),
    actionsOnTime: z.number(),
    openFollowUps: z.number(),
  }),
  meetings: z.array(
    z.object({ id: z.number(), kind: z.string(), startsAt: z.string(), status: z.string(), present: z.number(), expected: z.number() }),
  ),
  standards: z.array(StandardVerdictSchema),
  /** The decisions of the month's meetings and the follow-up actions they set. */
  decisions: z.array(
    z.object({
      id: z.number(),
      meetingId: z.number(),
      text: z.string(),
      actions: z.array(
        z.object({
          id: z.number(),
          title: z.string(),
          ownerName: z.string().nullable(),
          dueOn: z.string(),
          status: z.enum(['open', 'done', 'dropped']),
        }),
      ),
    }),
  ),
  /** The month's last day, and how many days follow today in it (the organization's time zone); null once the month is over. */
  monthEndsOn: z.string(),
  daysLeft: z.number().nullable(),
  canSubmit: z.boolean(),
});
export type MonthlyReport = z.infer<typeof MonthlyReportSchema>;
/** `confirmEarly` says the secretary knows the month is not over yet; without it such a submission is refused. */
export const SubmitReportSchema = z.object({ notes: z.string().trim().max(5000).nullish(), confirmEarly: z.boolean().optional() }).strict();
export type SubmitReport = z.infer<typeof SubmitReportSchema>;
/** The language of a report's download; without it, Accept-Language, then English. */
export const ReportFileQuerySchema = z.object({ lang: z.enum(['en', 'ko']).optional() }).strict();
export const ReportListSchema = z.object({
  period: z.string(),
  items: z.array(
    z.object({ cell: UnitRefSchema, status: z.enum(['missing', ...MONTHLY_REPORT_STATUSES]), submittedAt: z.string().nullable() }),
  ),
  nextCursor: z.string().nullable(),
});
export type ReportList = z.infer<typeof ReportListSchema>;
