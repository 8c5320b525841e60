import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './2026-11-29T0900-foundation.ts';
import * as cellHealth from './2026-11-29T1000-cell-health.ts';
import * as monthlyReports from './2026-11-29T1100-monthly-reports.ts';
import * as leanRollups from './2026-11-29T1200-lean-rollups.ts';
import * as periodPartitions from './2026-11-29T1300-period-partitions.ts';
import * as failingCount from './2026-11-29T1400-failing-count.ts';
import * as sectorRollups from './2026-11-29T1500-sector-rollups.ts';
import * as attendanceDay from './2026-11-29T1600-attendance-day.ts';
import * as cellNameOrder from './2026-11-29T1700-cell-name-order.ts';
import * as overallVerdictIndex from './2026-11-29T1800-overall-verdict-index.ts';
import * as verdictPaths from './2026-11-29T1900-verdict-paths.ts';
import * as meetingKindRetirement from './2026-11-29T2000-meeting-kind-retirement.ts';
import * as dropVerdictMeetsIndex from './2026-11-29T2100-drop-verdict-meets-index.ts';
import * as verdictFigures from './2026-11-29T2200-verdict-figures.ts';
import * as cellsByAncestor from './2026-11-29T2400-cells-by-ancestor.ts';
import * as demoAccounts from './2026-12-02T1100-demo-accounts.ts';
import * as auditUnits from './2026-12-02T1400-audit-units.ts';
import * as importFailure from './2026-12-06T1000-import-failure.ts';
import * as rulebookRegistry from './2026-12-06T1100-rulebook-registry.ts';
import * as notifications from './2026-12-06T1300-notifications.ts';
import * as studyLibrary from './2026-12-07T1000-study-library.ts';
import * as directiveRebriefing from './2026-12-07T1100-directive-rebriefing.ts';
import * as directives from './2026-12-06T2200-directives.ts';
import * as directiveAttachments from './2026-12-07T1200-directive-attachments.ts';
import * as rollupDeltas from './2026-12-08T0900-rollup-deltas.ts';
import * as reviewSessions from './2026-12-08T1100-review-sessions.ts';
import * as education from './2026-12-08T1200-education.ts';
import * as assignments from './2026-12-08T1000-assignments.ts';
import * as admissions from './2026-12-09T1000-admissions.ts';
import * as mentorships from './2026-12-09T1100-mentorships.ts';
import * as helpRequests from './2026-12-09T1200-help-requests.ts';
import * as nominationWithdrawal from './2026-12-09T1300-nomination-withdrawal.ts';
import * as leadership from './2026-12-10T1000-leadership.ts';
import * as integrityCases from './2026-12-10T1200-integrity-cases.ts';
import * as visits from './2026-12-10T1100-visits.ts';
import * as targets from './2026-12-11T1000-targets.ts';
import * as targetMonths from './2026-12-12T1000-target-months.ts';
import * as ideas from './2026-12-11T1200-ideas.ts';
import * as workPlansDeeds from './2026-12-11T1100-work-plans-deeds.ts';
import * as emulation from './2026-12-11T1300-emulation.ts';
import * as campaignTargetsCancel from './2026-12-12T0900-campaign-targets-cancel.ts';
import * as ideasWithdrawal from './2026-12-12T1000-ideas-withdrawal.ts';
import * as syncOperations from './2026-12-12T1000-sync-operations.ts';
import * as campaignCellCounts from './2026-12-13T1000-campaign-cell-counts.ts';
import * as campaignCounts from './2026-12-14T1000-campaign-counts.ts';
import * as planGoalAssignments from './2026-12-14T1100-plan-goal-assignments.ts';

/** Every migration, in order. Never edit one that has landed; add a new file instead. */
const migrations: Record<string, Migration> = {
  '2026-11-29T0900-foundation': foundation,
  '2026-11-29T1000-cell-health': cellHealth,
  '2026-11-29T1100-monthly-reports': monthlyReports,
  '2026-11-29T1200-lean-rollups': leanRollups,
  '2026-11-29T1300-period-partitions': periodPartitions,
  '2026-11-29T1400-failing-count': failingCount,
  '2026-11-29T1500-sector-rollups': sectorRollups,
  '2026-11-29T1600-attendance-day': attendanceDay,
  '2026-11-29T1700-cell-name-order': cellNameOrder,
  '2026-11-29T1800-overall-verdict-index': overallVerdictIndex,
  '2026-11-29T1900-verdict-paths': verdictPaths,
  '2026-11-29T2000-meeting-kind-retirement': meetingKindRetirement,
  '2026-11-29T2100-drop-verdict-meets-index': dropVerdictMeetsIndex,
  '2026-11-29T2200-verdict-figures': verdictFigures,
  '2026-11-29T2400-cells-by-ancestor': cellsByAncestor,
  '2026-12-02T1100-demo-accounts': demoAccounts,
  '2026-12-02T1400-audit-units': auditUnits,
  '2026-12-06T1000-import-failure': importFailure,
  '2026-12-06T1100-rulebook-registry': rulebookRegistry,
  '2026-12-06T1300-notifications': notifications,
  '2026-12-07T1000-study-library': studyLibrary,
  '2026-12-07T1100-directive-rebriefing': directiveRebriefing,
  '2026-12-06T2200-directives': directives,
  '2026-12-07T1200-directive-attachments': directiveAttachments,
  '2026-12-08T0900-rollup-deltas': rollupDeltas,
  '2026-12-08T1100-review-sessions': reviewSessions,
  '2026-12-08T1200-education': education,
  '2026-12-08T1000-assignments': assignments,
  '2026-12-09T1000-admissions': admissions,
  '2026-12-09T1100-mentorships': mentorships,
  '2026-12-09T1200-help-requests': helpRequests,
  '2026-12-09T1300-nomination-withdrawal': nominationWithdrawal,
  '2026-12-10T1000-leadership': leadership,
  '2026-12-10T1200-integrity-cases': integrityCases,
  '2026-12-10T1100-visits': visits,
  '2026-12-11T1000-targets': targets,
  '2026-12-11T1200-ideas': ideas,
  '2026-12-11T1100-work-plans-deeds': workPlansDeeds,
  '2026-12-11T1300-emulation': emulation,
  '2026-12-12T0900-campaign-targets-cancel': campaignTargetsCancel,
  '2026-12-12T1000-target-months': targetMonths,
  '2026-12-12T1000-ideas-withdrawal': ideasWithdrawal,
  '2026-12-12T1000-sync-operations': syncOperations,
  '2026-12-13T1000-campaign-cell-counts': campaignCellCounts,
  '2026-12-14T1000-campaign-counts': campaignCounts,
  '2026-12-14T1100-plan-goal-assignments': planGoalAssignments,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
