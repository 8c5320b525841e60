/** What the meetings module declares to the rulebook engine (listed in modules/rulebook-registry.ts). */
import type { ModuleDeclaration } from '../compliance/plugin.ts';
import { actions, attendance, followUps, meetingGaps, meetingsHeld } from './metrics.ts';
import { absenceFollowUp } from './standards/absence-follow-up.ts';
import { actionsOnTime } from './standards/actions-on-time.ts';
import { attendanceRate } from './standards/attendance-rate.ts';
import { meetingsInQuarter, meetingsPerQuarter } from './standards/meetings-per-quarter.ts';
import { meetingsPerMonth } from './standards/meetings-per-month.ts';
import { reviewInterval } from './standards/review-interval.ts';

export const meetingsModule: ModuleDeclaration = {
  module: 'meetings',
  sources: [meetingsHeld, attendance, followUps, actions, meetingGaps, meetingsInQuarter],
  kinds: [meetingsPerMonth, reviewInterval, attendanceRate, absenceFollowUp, actionsOnTime, meetingsPerQuarter],
  // Attendance summed up the tree: a committee's headline shows attendance across its subtree.
  sums: [{ prefix: 'attendance_present:' }, { prefix: 'attendance_expected:' }],
};
