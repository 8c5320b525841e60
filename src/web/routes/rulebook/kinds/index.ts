/**
 * The kinds of standard the web can edit and word, one file each; the same codes as the server's
 * rulebook registry (src/server/modules/rulebook-registry.ts). A kind's form values, API parameters
 * and server-error fields all follow from its `fields`.
 */
import { z } from 'zod';
import { absenceFollowUp } from './absence-follow-up.ts';
import { actionsOnTime } from './actions-on-time.ts';
import { assignmentsActive } from './assignments-active.ts';
import { assignmentsEvaluated } from './assignments-evaluated.ts';
import { attendanceRate } from './attendance-rate.ts';
import { candidatesMentored } from './candidates-mentored.ts';
import { directivesReached } from './directives-reached.ts';
import { educationSessionsPerMonth } from './education-sessions-per-month.ts';
import type { KindUi } from './kind-ui.ts';
import { learningPlanShare } from './learning-plan-share.ts';
import { meetingsPerMonth } from './meetings-per-month.ts';
import { meetingsPerQuarter } from './meetings-per-quarter.ts';
import { readingSessionsPerMonth } from './reading-sessions-per-month.ts';
import { reviewInterval } from './review-interval.ts';
import { visitsEveryMonths } from './visits-every-months.ts';
import { ideasPerMembers } from './ideas-per-members.ts';
import { workPlanAdopted } from './work-plan-adopted.ts';
import { youthGroupsAssigned } from './youth-groups-assigned.ts';

export const KIND_UIS: readonly KindUi[] = [
  meetingsPerMonth,
  reviewInterval,
  attendanceRate,
  absenceFollowUp,
  actionsOnTime,
  meetingsPerQuarter,
  readingSessionsPerMonth,
  directivesReached,
  educationSessionsPerMonth,
  learningPlanShare,
  assignmentsActive,
  assignmentsEvaluated,
  candidatesMentored,
  youthGroupsAssigned,
  visitsEveryMonths,
  ideasPerMembers,
  workPlanAdopted,
];

const byCode = new Map(KIND_UIS.map((k) => [k.code, k]));
export const kindUi = (code: string): KindUi | undefined => byCode.get(code);

/** The rule's values in the form: the meeting kind, then each kind's number fields (as typed: '' when empty). */
export type RuleParams = { meetingKind: string | null; [field: string]: string | number | null | undefined };

/** Every kind's fields at their defaults, so that switching kinds keeps a sensible value in each. */
export const DEFAULT_PARAMS: RuleParams = Object.assign(
  { meetingKind: 'general' },
  ...KIND_UIS.flatMap((k) => k.fields.map((f) => ({ [f.name]: f.default }))),
);

/** A stored version's `params` -> the form's values. */
export function paramsFromApi(code: string, params: Record<string, unknown>): RuleParams {
  const k = kindUi(code);
  const values: RuleParams = { ...DEFAULT_PARAMS, meetingKind: typeof params.kind === 'string' ? params.kind : (k?.meetingKind ?? null) };
  for (const f of k?.fields ?? []) {
    const v = params[f.param];
    if (typeof v === 'number' && Number.isFinite(v)) values[f.name] = f.percent ? Math.round(v * 100) : v;
  }
  return values;
}

/** The form's values -> the `params` the API wants for this kind (validated before). */
export function paramsToApi(code: string, p: RuleParams): Record<string, unknown> {
  const k = kindUi(code);
  if (!k) return {};
  const params: Record<string, unknown> = k.meetingKind === null ? {} : { kind: p.meetingKind };
  for (const f of k.fields) params[f.param] = f.percent ? Number(p[f.name]) / 100 : Number(p[f.name]);
  return params;
}

/** The form's checks for the kind's fields, in the units people type. */
export function paramFields(code: string): z.ZodRawShape {
  const k = kindUi(code);
  if (!k) return {};
  const shape: Record<string, z.ZodType> = k.meetingKind === null ? {} : { meetingKind: z.string().min(1) };
  for (const f of k.fields) shape[f.name] = f.percent ? z.number().min(f.min).max(f.max) : z.number().int().min(f.min).max(f.max);
  return shape;
}

/** Where a field of the API body shows in the form ('params.min' is a count or a percentage). */
export const standardField =
  (code: string) =>
  (path: string): string => {
    if (path === 'params.kind') return 'meetingKind';
    const f = kindUi(code)?.fields.find((x) => `params.${x.param}` === path);
    if (f) return f.name;
    return path.startsWith('params.') ? path.slice('params.'.length) : path;
  };

export type { KindUi };
