/**
 * The parameters of each kind of standard: the server validates a saved standard with these (through
 * the rulebook registry) and the web's per-kind form files build on the same schemas and limits.
 */
import { z } from 'zod';
import { STANDARD_LIMITS } from './compliance.ts';

const whole = ([min, max]: readonly [number, number]) => z.number().int().min(min).max(max);
const meetingKind = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/)
  .max(40);
const share = z.number().min(0).max(1);

export const MeetingsPerMonthParams = z.object({ kind: meetingKind, min: whole(STANDARD_LIMITS.meetingsPerMonth) }).strict();
export const ReviewIntervalParams = z.object({ kind: meetingKind, weeks: whole(STANDARD_LIMITS.reviewWeeks) }).strict();
export const AttendanceRateParams = z.object({ kind: meetingKind, min: share }).strict();
export const AbsenceFollowUpParams = z
  .object({
    kind: meetingKind,
    consecutive: whole(STANDARD_LIMITS.consecutiveAbsences),
    graceDays: whole(STANDARD_LIMITS.graceDays),
  })
  .strict();
export const ActionsOnTimeParams = z.object({ min: share }).strict();
/** At least `min` meetings of `kind` in the three months ending with the month judged. */
export const MeetingsPerQuarterParams = z.object({ kind: meetingKind, min: whole(STANDARD_LIMITS.meetingsPerQuarter) }).strict();
/** At least `min` study meetings (reading sessions) held in the month judged. */
export const ReadingSessionsPerMonthParams = z.object({ min: whole(STANDARD_LIMITS.meetingsPerMonth) }).strict();

/** Directives of the month acknowledged or briefed within `days` of their sending by at least `min` of the cell's members they reached. */
export const DirectivesReachedParams = z.object({ min: share, days: z.number().int().min(1).max(365) }).strict();
export type DirectivesReached = z.infer<typeof DirectivesReachedParams>;

/** At least `min` education sessions (held study meetings on at least one programme theme) in the month judged. */
export const EducationSessionsPerMonthParams = z.object({ min: whole(STANDARD_LIMITS.meetingsPerMonth) }).strict();
export type EducationSessionsPerMonth = z.infer<typeof EducationSessionsPerMonthParams>;
/** At least `min` of the cell's members have a current learning plan (set or reviewed within 12 months). */
export const LearningPlanShareParams = z.object({ min: share }).strict();
export type LearningPlanShare = z.infer<typeof LearningPlanShareParams>;
/** At least `min` of the members on the cell's roll had an assignment active during the month (issue 12). */
export const AssignmentsActiveParams = z.object({ min: share }).strict();
export type AssignmentsActive = z.infer<typeof AssignmentsActiveParams>;
/** At least `min` of the assignments that fell due in the month were evaluated (issue 12). */
export const AssignmentsEvaluatedParams = z.object({ min: share }).strict();
export type AssignmentsEvaluated = z.infer<typeof AssignmentsEvaluatedParams>;
/** At least `min` of the cell's current candidates are the mentee of one of its active mentorships (issue 13); every one by default. */
export const CandidatesMentoredParams = z.object({ min: share.default(1) }).strict();
export type CandidatesMentored = z.infer<typeof CandidatesMentoredParams>;
/** Every open youth group of the cell has a member assigned to it (issue 13): no parameters. */
export const YouthGroupsAssignedParams = z.object({}).strict();
export type YouthGroupsAssigned = z.infer<typeof YouthGroupsAssignedParams>;

/** Every cell visited by an official at least once in the `months` months ending with the month judged (issue 14). */
export const VisitsEveryMonthsParams = z.object({ months: z.number().int().min(1).max(24) }).strict();
export type VisitsEveryMonths = z.infer<typeof VisitsEveryMonthsParams>;
/** The cell has a work plan for the quarter of the month judged, adopted by the month's end, with at least `minGoals` goals (issue 15). */
export const WorkPlanAdoptedParams = z.object({ minGoals: z.number().int().min(1).max(50).default(1) }).strict();
export type WorkPlanAdopted = z.infer<typeof WorkPlanAdoptedParams>;

export type MeetingsPerMonth = z.infer<typeof MeetingsPerMonthParams>;
export type ReviewInterval = z.infer<typeof ReviewIntervalParams>;
export type AttendanceRate = z.infer<typeof AttendanceRateParams>;
export type AbsenceFollowUp = z.infer<typeof AbsenceFollowUpParams>;
export type ActionsOnTime = z.infer<typeof ActionsOnTimeParams>;
export type MeetingsPerQuarter = z.infer<typeof MeetingsPerQuarterParams>;
export type ReadingSessionsPerMonth = z.infer<typeof ReadingSessionsPerMonthParams>;

/** At least `min` ideas submitted in the 12 months ending with the month judged per 10 members on the roll (issue 15). */
export const IdeasPerMembersParams = z.object({ min: z.number().min(0.1).max(100) }).strict();
export type IdeasPerMembers = z.infer<typeof IdeasPerMembersParams>;
