/**
 * Editing the rulebook (central administrators). A change applies from the first day of a month that
 * has not ended: it replaces the version in force from then on, and past months keep being judged by
 * the rules in force then. The affected open month is recomputed at once.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { requireCentralAdministrator } from '../../access/policies.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { AppError, badRequest, notFound } from '../../errors.ts';
import { standardKind } from '../rulebook-registry.ts';
import type { SaveStandard } from '../../../shared/schemas/compliance.ts';
import type { Selectable } from 'kysely';
import type { StandardsTable } from '../../db/types.ts';
import { recordAudit } from '../audit/service.ts';
import { materializePeriod } from './engine.ts';
import { periodOf, todayIso } from './periods.ts';

const sorted = (v: unknown): unknown =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(
        Object.entries(v)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, x]) => [k, sorted(x)]),
      )
    : v;

/** The stored version says what `input` says (kind, parameters, titles, scope). */
function sameRule(v: Selectable<StandardsTable>, input: SaveStandard): boolean {
  return (
    v.kind === input.kind &&
    JSON.stringify(sorted(v.params)) === JSON.stringify(sorted(input.params)) &&
    v.title_en === input.titleEn &&
    v.title_ko === input.titleKo &&
    v.scope_unit_id === (input.scopeUnitId ?? null) &&
    v.scope_sector === (input.scopeSector ?? null)
  );
}

/** The kind must be one the registry declares, and the params what that kind's schema accepts. */
function checkParams(input: SaveStandard): Record<string, unknown> {
  const kind = standardKind(input.kind);
  if (!kind) {
    throw badRequest('standard.unknownKind', {
      params: { kind: input.kind },
      details: [{ path: 'body.kind', message: 'No such kind of standard' }],
    });
  }
  const parsed = kind.params.safeParse(input.params);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const details = parsed.error.issues.map((i) => ({ path: ['body', 'params', ...i.path].join('.'), message: i.message }));
  throw new AppError('validation_failed', 'request.invalidInputAt', {
    params: { path: details[0]!.path, issue: details[0]!.message },
    details,
  });
}

export function saveStandard(db: Db, actor: Actor, input: SaveStandard): Promise<{ id: number | null }> {
  return inTransaction(db, async (trx) => {
    requireCentralAdministrator(actor);
    const params = checkParams(input);
    const current = periodOf(todayIso());
    if (input.validFrom < current) throw badRequest('standard.pastMonths');
    if (input.scopeUnitId && !(await trx.selectFrom('units').select('id').where('id', '=', input.scopeUnitId).executeTakeFirst())) {
      throw notFound('unit.notFound');
    }
    await sql`select pg_advisory_xact_lock(hashtext('rulebook'))`.execute(trx);
    // Under the rulebook lock, which retiring a meeting kind also takes: no rule starts pointing at a retired kind.
    if (!input.retire) await standardKind(input.kind)?.validate?.(trx, params);
    const before = await trx.selectFrom('standards').selectAll().where('code', '=', input.code).orderBy('valid_from').execute();
    const last = before.at(-1);
    if (!input.retire && last && last.valid_from <= input.validFrom && last.valid_to === null && sameRule(last, { ...input, params })) {
      return { id: last.id }; // already the rule from then on: no new version, nothing recomputed
    }
    // Versions starting on or after the date are superseded; the one running across it ends there.
    await trx.deleteFrom('standards').where('code', '=', input.code).where('valid_from', '>=', input.validFrom).execute();
    await trx
      .updateTable('standards')
      .set({ valid_to: input.validFrom })
      .where('code', '=', input.code)
      .where('valid_from', '<', input.validFrom)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', input.validFrom)]))
      .execute();
    let id: number | null = null;
    if (!input.retire) {
      const row = await trx
        .insertInto('standards')
        .values({
          code: input.code,
          kind: input.kind,
          params: JSON.stringify(params),
          title_en: input.titleEn,
          title_ko: input.titleKo,
          scope_unit_id: input.scopeUnitId ?? null,
          scope_sector: input.scopeSector ?? null,
          valid_from: input.validFrom,
          created_by: actor.accountId || null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } else if (before.length === 0) throw notFound('standard.notFound');
    await recordAudit(trx, actor, {
      action: input.retire ? 'standard.retire' : 'standard.save',
      entity: 'standard',
      entityId: input.code,
      before,
      after: input,
    });
    if (
      input.validFrom === current &&
      (await trx.selectFrom('metric_periods').select('period').where('period', '=', current).executeTakeFirst())
    ) {
      await materializePeriod(trx, current);
    }
    return { id };
  });
}
