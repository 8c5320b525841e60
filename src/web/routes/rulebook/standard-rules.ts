/**
 * The kinds of standard and their parameters as people read and type them: a rule as one sentence,
 * percentages as whole per cents, and which version of a standard is past, in force or planned.
 */
import type { TFunction } from 'i18next';
import type { Standard } from '../../api/health-types.ts';
import { shiftPeriod } from '../../lib/period.ts';

/** The kinds the server's rulebook accepts (src/server/modules/compliance/rulebook.ts). */
export const STANDARD_KINDS = ['meetings_per_month', 'review_interval', 'attendance_rate', 'absence_follow_up', 'actions_on_time'] as const;
export type StandardKind = (typeof STANDARD_KINDS)[number];

export const isStandardKind = (k: string): k is StandardKind => (STANDARD_KINDS as readonly string[]).includes(k);

/** Kinds whose rule is about one kind of meeting (`params.kind`). */
export const usesMeetingKind = (k: StandardKind): boolean => k !== 'actions_on_time';

/** The parameters in the units of the form: counts, weeks, days and whole per cents. */
export interface RuleParams {
  meetingKind: string | null;
  count: number | string;
  weeks: number | string;
  percent: number | string;
  consecutive: number | string;
  graceDays: number | string;
}

export const DEFAULT_PARAMS: RuleParams = { meetingKind: 'general', count: 1, weeks: 6, percent: 80, consecutive: 3, graceDays: 14 };

/** The meeting kind a new standard of this kind most often refers to. */
export const defaultMeetingKind = (k: StandardKind): string | null =>
  k === 'review_interval' ? 'review' : usesMeetingKind(k) ? 'general' : null;

const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const toPercent = (share: unknown, fallback: number): number => Math.round(num(share, fallback / 100) * 100);

/** A stored version's `params` -> the form's values. */
export function paramsFromApi(kind: StandardKind, params: Record<string, unknown>): RuleParams {
  return {
    meetingKind: typeof params.kind === 'string' ? params.kind : defaultMeetingKind(kind),
    count: kind === 'meetings_per_month' ? num(params.min, 1) : DEFAULT_PARAMS.count,
    weeks: num(params.weeks, 6),
    percent: kind === 'attendance_rate' || kind === 'actions_on_time' ? toPercent(params.min, 80) : DEFAULT_PARAMS.percent,
    consecutive: num(params.consecutive, 3),
    graceDays: num(params.graceDays, 14),
  };
}

/** The form's values -> the `params` the API wants for this kind (validated before). */
export function paramsToApi(kind: StandardKind, p: RuleParams): Record<string, unknown> {
  const n = (v: number | string) => Number(v);
  switch (kind) {
    case 'meetings_per_month': return { kind: p.meetingKind, min: n(p.count) };
    case 'review_interval': return { kind: p.meetingKind, weeks: n(p.weeks) };
    case 'attendance_rate': return { kind: p.meetingKind, min: n(p.percent) / 100 };
    case 'absence_follow_up': return { kind: p.meetingKind, consecutive: n(p.consecutive), graceDays: n(p.graceDays) };
    case 'actions_on_time': return { min: n(p.percent) / 100 };
  }
}

/** One sentence saying what a rule asks, e.g. "General membership meeting at least once a month". */
export function describeRule(t: TFunction, kind: string, params: Record<string, unknown>, kindName: (code: string) => string): string {
  const meeting = typeof params.kind === 'string' ? kindName(params.kind) : '';
  switch (kind) {
    case 'meetings_per_month': return t('rulebook.rule.meetingsPerMonth', { kind: meeting, count: num(params.min, 1) });
    case 'review_interval': return t('rulebook.rule.reviewInterval', { kind: meeting, count: num(params.weeks, 1) });
    case 'attendance_rate': return t('rulebook.rule.attendanceRate', { kind: meeting, percent: toPercent(params.min, 0) });
    case 'absence_follow_up': return t('rulebook.rule.absenceFollowUp', {
      kind: meeting, count: num(params.consecutive, 3), within: t('rulebook.rule.withinDays', { count: num(params.graceDays, 14) }),
    });
    case 'actions_on_time': return t('rulebook.rule.actionsOnTime', { percent: toPercent(params.min, 0) });
    default: return kind;
  }
}

export type VersionStatus = 'past' | 'current' | 'planned';

/** `validTo` is the first day the version no longer applies (the next version's `validFrom`). */
export function versionStatus(s: Pick<Standard, 'validFrom' | 'validTo'>, today: string): VersionStatus {
  if (s.validTo !== null && s.validTo <= today) return 'past';
  return s.validFrom > today ? 'planned' : 'current';
}

/** The last month a version applies, or null while it has no end. */
export function lastMonthOf(s: Pick<Standard, 'validTo'>): string | null {
  return s.validTo === null ? null : shiftPeriod(s.validTo.slice(0, 7), -1);
}

/** Versions of the same standard that start in or after `period`: saving from `period` replaces them. */
export function versionsReplaced(all: Standard[], code: string, period: string): Standard[] {
  return all.filter((s) => s.code === code && s.validFrom.slice(0, 7) >= period);
}
