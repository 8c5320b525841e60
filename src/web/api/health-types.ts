/** Types of the cell-health API (meetings, attendance, compliance, dashboards, reports), inferred from the shared schemas. */
import type { z } from 'zod';
import type {
  ComplianceGridSchema, ComplianceRowSchema, ComplianceSchema, SectorBreakdownSchema, WorstCellsSchema,
} from '../../shared/schemas/compliance.ts';
import type { MyMeetingsSchema } from '../../shared/schemas/home.ts';
import type {
  ActionSchema, CellDashboardSchema, MeetingSchema, MeetingSummarySchema, MyActionsSchema, RollEntrySchema,
} from '../../shared/schemas/meetings.ts';
import type { MonthlyReportSchema, ReportListSchema } from '../../shared/schemas/reports.ts';

export type Meeting = z.infer<typeof MeetingSchema>;
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;
export type RollEntry = z.infer<typeof RollEntrySchema>;
export type Action = z.infer<typeof ActionSchema>;
export type Compliance = z.infer<typeof ComplianceSchema>;
export type ComplianceRow = z.infer<typeof ComplianceRowSchema>;
export type ComplianceGrid = z.infer<typeof ComplianceGridSchema>;
export type WorstCells = z.infer<typeof WorstCellsSchema>;
export type SectorBreakdown = z.infer<typeof SectorBreakdownSchema>;
export type CellDashboard = z.infer<typeof CellDashboardSchema>;
export type MyActions = z.infer<typeof MyActionsSchema>;
export type MyMeetings = z.infer<typeof MyMeetingsSchema>;
export type MonthlyReport = z.infer<typeof MonthlyReportSchema>;
export type ReportList = z.infer<typeof ReportListSchema>;
export type AttendanceStatus = RollEntry['status'] & string;
export type RollupFigure = { cellsMeeting: number; cellsTotal: number };

/** `retired` is there only on a retired kind: its meetings keep it, new meetings cannot use it. */
export interface MeetingKind { code: string; nameEn: string; nameKo: string; quorum: number | null; retired?: true }
/** What saving a kind sends (retiring and ordering have their own requests). */
export type MeetingKindBody = Omit<MeetingKind, 'retired'>;
export type MeetingKindMove = 'up' | 'down';
export interface FollowUp {
  id: number; personId: number; fullName: string; reason: string; createdOn: string; resolvedOn: string | null; note: string | null;
}
export interface Trend {
  unitId: number;
  periods: string[];
  /** Per period: the month is still in progress, its figures so far. */
  partial: boolean[];
  series: Array<{ standardCode: string; points: Array<RollupFigure | null> }>;
}
export interface Standard {
  id: number; code: string; kind: string; params: Record<string, unknown>; titleEn: string; titleKo: string;
  scopeUnitId: number | null; scopeSector: string | null; validFrom: string; validTo: string | null;
}
