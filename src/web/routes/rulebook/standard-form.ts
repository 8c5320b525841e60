/**
 * The standard form's values, their checks (the shared STANDARD_LIMITS, in the units people type) and the body sent to POST /api/v1/standards.
 */
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { SECTORS, type Sector } from '../../../shared/enums.ts';
import { STANDARD_LIMITS } from '../../../shared/schemas/health.ts';
import type { Standard } from '../../api/health-types.ts';
import { validate, type FieldErrors, type Validated } from '../../lib/validate.ts';
import { DEFAULT_PARAMS, paramsFromApi, paramsToApi, type RuleParams, type StandardKind } from './standard-rules.ts';

export interface StandardValues extends RuleParams {
  code: string;
  kind: StandardKind;
  titleEn: string;
  titleKo: string;
  scopeUnitId: number | null;
  scopeSector: Sector | null;
  /** The month the version applies from, 'YYYY-MM'. */
  validFrom: string;
}

export interface StandardBody {
  code: string; kind: StandardKind; params: Record<string, unknown>; titleEn: string; titleKo: string;
  scopeUnitId: number | null; scopeSector: Sector | null; validFrom: string; retire?: boolean;
}

export function emptyStandard(validFrom: string): StandardValues {
  return { ...DEFAULT_PARAMS, code: '', kind: 'meetings_per_month', titleEn: '', titleKo: '', scopeUnitId: null, scopeSector: null, validFrom };
}

export function standardValues(s: Standard, validFrom: string): StandardValues {
  const kind = s.kind as StandardKind;
  return {
    ...paramsFromApi(kind, s.params), code: s.code, kind, titleEn: s.titleEn, titleKo: s.titleKo,
    scopeUnitId: s.scopeUnitId, scopeSector: (s.scopeSector as Sector | null) ?? null, validFrom,
  };
}

const whole = ([min, max]: readonly [number, number]) => z.number().int().min(min).max(max);
const meetingKind = z.string().min(1);
const percent = z.number().min(0).max(100);
const PARAM_FIELDS: Record<StandardKind, z.ZodRawShape> = {
  meetings_per_month: { meetingKind, count: whole(STANDARD_LIMITS.meetingsPerMonth) },
  review_interval: { meetingKind, weeks: whole(STANDARD_LIMITS.reviewWeeks) },
  attendance_rate: { meetingKind, percent },
  absence_follow_up: { meetingKind, consecutive: whole(STANDARD_LIMITS.consecutiveAbsences), graceDays: whole(STANDARD_LIMITS.graceDays) },
  actions_on_time: { percent },
};
const BaseSchema = z.object({
  code: z.string().min(1).max(64).regex(/^[a-z][a-z0-9-]*$/),
  titleEn: z.string().trim().min(1).max(200),
  titleKo: z.string().trim().min(1).max(200),
  scopeSector: z.enum(SECTORS).nullable(),
  validFrom: z.string().regex(/^\d{4}-\d{2}$/),
});

/** Number inputs give '' when empty; the schema then says "Required" instead of "Invalid". */
const numbers = (v: StandardValues) => Object.fromEntries(Object.entries(v)
  .map(([k, x]) => [k, typeof x === 'string' && x !== '' && /^(count|weeks|percent|consecutive|graceDays)$/.test(k) ? Number(x) : x]));

export function checkStandard(v: StandardValues, t: TFunction): Validated<StandardBody> {
  const checked = validate(BaseSchema.extend(PARAM_FIELDS[v.kind]), numbers(v), t);
  if (!checked.ok) return checked;
  return {
    ok: true,
    data: {
      code: v.code, kind: v.kind, params: paramsToApi(v.kind, v), titleEn: v.titleEn.trim(), titleKo: v.titleKo.trim(),
      scopeUnitId: v.scopeUnitId, scopeSector: v.scopeSector, validFrom: `${v.validFrom}-01`,
    },
  };
}

/** Where a field of the API body shows in the form ('params.min' is a count or a percentage). */
export const standardField = (kind: StandardKind) => (path: string): string => {
  if (path === 'params.kind') return 'meetingKind';
  if (path === 'params.min') return kind === 'meetings_per_month' ? 'count' : 'percent';
  return path.startsWith('params.') ? path.slice('params.'.length) : path;
};
