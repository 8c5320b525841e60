/**
 * The kinds of standard and their parameters as people read and type them: a rule as one sentence,
 * percentages as whole per cents, and which version of a standard is past, in force or planned.
 */
import type { TFunction } from 'i18next';
import type { Standard } from '../../../shared/schemas/compliance.ts';
import { shiftPeriod } from '../../lib/period.ts';
import { DEFAULT_PARAMS, KIND_UIS, kindUi, paramsFromApi, paramsToApi, type RuleParams } from './kinds/index.ts';

/** The kinds the web can edit, one file each (kinds/). */
export const STANDARD_KINDS: readonly string[] = KIND_UIS.map((k) => k.code);
export type StandardKind = string;

export { DEFAULT_PARAMS, paramsFromApi, paramsToApi, type RuleParams };

/** The meeting kind a new standard of this kind most often refers to. */
export const defaultMeetingKind = (k: string): string | null => kindUi(k)?.meetingKind ?? null;

/** One sentence saying what a rule asks, e.g. "General membership meeting at least once a month". */
export function describeRule(t: TFunction, kind: string, params: Record<string, unknown>, kindName: (code: string) => string): string {
  const meeting = typeof params.kind === 'string' ? kindName(params.kind) : '';
  return kindUi(kind)?.sentence(t, params, meeting) ?? kind;
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
