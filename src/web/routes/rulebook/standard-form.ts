/**
 * The standard form's values, their checks (the shared STANDARD_LIMITS, in the units people type) and the body sent to POST /api/v1/standards.
 */
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { SECTORS, type Sector } from '../../../shared/enums.ts';
import type { SaveStandardSchema, Standard } from '../../../shared/schemas/compliance.ts';
import { validate, type Validated } from '../../lib/validate.ts';
import { DEFAULT_PARAMS, kindUi, paramFields, paramsFromApi, paramsToApi, type RuleParams } from './kinds/index.ts';
import type { StandardKind } from './standard-rules.ts';

export { standardField } from './kinds/index.ts';

export type StandardValues = RuleParams & {
  code: string;
  kind: StandardKind;
  titleEn: string;
  titleKo: string;
  scopeUnitId: number | null;
  scopeSector: Sector | null;
  /** The month the version applies from, 'YYYY-MM'. */
  validFrom: string;
};

/** The body of POST /api/v1/standards. */
export type StandardBody = z.input<typeof SaveStandardSchema>;

export function emptyStandard(validFrom: string): StandardValues {
  return {
    ...DEFAULT_PARAMS,
    code: '',
    kind: 'meetings_per_month',
    titleEn: '',
    titleKo: '',
    scopeUnitId: null,
    scopeSector: null,
    validFrom,
  };
}

export function standardValues(s: Standard, validFrom: string): StandardValues {
  const kind = s.kind as StandardKind;
  return {
    ...paramsFromApi(kind, s.params),
    code: s.code,
    kind,
    titleEn: s.titleEn,
    titleKo: s.titleKo,
    scopeUnitId: s.scopeUnitId ?? null,
    scopeSector: (s.scopeSector as Sector | null) ?? null,
    validFrom,
  };
}

const BaseSchema = z.object({
  code: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z][a-z0-9-]*$/),
  titleEn: z.string().trim().min(1).max(200),
  titleKo: z.string().trim().min(1).max(200),
  scopeSector: z.enum(SECTORS).nullable(),
  validFrom: z.string().regex(/^\d{4}-\d{2}$/),
});

/** Number inputs give '' when empty; the schema then says "Required" instead of "Invalid". */
const numbers = (v: StandardValues) => {
  const fields = new Set(kindUi(v.kind)?.fields.map((f) => f.name));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' && x !== '' && fields.has(k) ? Number(x) : x]));
};

export function checkStandard(v: StandardValues, t: TFunction): Validated<StandardBody> {
  const checked = validate(BaseSchema.extend(paramFields(v.kind)), numbers(v), t);
  if (!checked.ok) return checked;
  return {
    ok: true,
    data: {
      code: v.code,
      kind: v.kind,
      params: paramsToApi(v.kind, v),
      titleEn: v.titleEn.trim(),
      titleKo: v.titleKo.trim(),
      scopeUnitId: v.scopeUnitId,
      scopeSector: v.scopeSector,
      validFrom: `${v.validFrom}-01`,
    },
  };
}
