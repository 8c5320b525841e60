/**
 * Editing the rulebook (central administrators). A change applies from the first day of a month that
 * has not ended: it replaces the version in force from then on, and past months keep being judged by
 * the rules in force then. The affected open month is recomputed at once.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import type { SaveStandard } from '../../../shared/schemas.ts';
import { recordAudit } from '../audit/service.ts';
import { materializePeriod } from './engine.ts';
import { periodOf, todayIso } from './periods.ts';


export function saveStandard(db: Db, actor: Actor, input: SaveStandard): Promise<{ id: number | null }> {
  return inTransaction(db, async (trx) => {
    if (!actor.all) throw notFound('Not found');
    const current = periodOf(todayIso());
    if (input.validFrom < current) throw badRequest('A rulebook change cannot rewrite past months: apply it from this month or later');
    if (input.scopeUnitId && !(await trx.selectFrom('units').select('id').where('id', '=', input.scopeUnitId).executeTakeFirst())) {
      throw notFound('No such unit');
    }
    await sql`select pg_advisory_xact_lock(hashtext('rulebook'))`.execute(trx);
    const before = await trx.selectFrom('standards').selectAll().where('code', '=', input.code).orderBy('valid_from').execute();
    // Versions starting on or after the date are superseded; the one running across it ends there.
    await trx.deleteFrom('standards').where('code', '=', input.code).where('valid_from', '>=', input.validFrom).execute();
    await trx.updateTable('standards').set({ valid_to: input.validFrom }).where('code', '=', input.code)
      .where('valid_from', '<', input.validFrom).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', input.validFrom)])).execute();
    let id: number | null = null;
    if (!input.retire) {
      const row = await trx.insertInto('standards').values({
        code: input.code, kind: input.kind, params: JSON.stringify(input.params), title_en: input.titleEn, title_ko: input.titleKo,
        scope_unit_id: input.scopeUnitId ?? null, scope_sector: input.scopeSector ?? null, valid_from: input.validFrom, created_by: actor.accountId || null,
      }).returning('id').executeTakeFirstOrThrow();
      id = row.id;
    } else if (before.length === 0) throw notFound('No such standard');
    await recordAudit(trx, actor, { action: input.retire ? 'standard.retire' : 'standard.save', entity: 'standard', entityId: input.code, before, after: input });
    if (input.validFrom === current && (await trx.selectFrom('metric_periods').select('period').where('period', '=', current).executeTakeFirst())) {
      await materializePeriod(trx, current);
    }
    return { id };
  });
}
