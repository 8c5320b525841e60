/** The catalogue of indicators (decision 0030): names and units of measure the centre keeps, offered when a target is set. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { conflict, forbidden } from '../../errors.ts';
import type { CreateIndicator, Indicator } from '../../../shared/schemas/targets.ts';
import { recordAudit } from '../audit/service.ts';

export async function listIndicators(db: Db): Promise<{ items: Indicator[] }> {
  const { rows } = await sql<Indicator>`select id::int as id, name, measure, sector from target_indicators
    where retired_at is null order by sector nulls last, name`.execute(db);
  return { items: rows };
}

/** The centre's administrator adds an indicator; a live one of the same name (any case) is a 409. */
export async function addIndicator(db: Db, actor: Actor, input: CreateIndicator) {
  if (!actor.all) throw forbidden('target.catalogueAdminOnly');
  const { rows } = await sql<{ id: number }>`insert into target_indicators (name, measure, sector)
    values (${input.name}, ${input.measure}, ${input.sector ?? null})
    on conflict (lower(name)) where retired_at is null do nothing returning id::int as id`.execute(db);
  if (!rows[0]) throw conflict('target.indicatorExists');
  await recordAudit(db, actor, {
    action: 'target_indicator.create',
    entity: 'target_indicator',
    entityId: rows[0].id,
    unitId: null,
    after: input,
  });
  return { id: rows[0].id };
}

/** The administrator retires an indicator: no longer offered; targets already set keep their names. */
export async function retireIndicator(db: Db, actor: Actor, id: number) {
  if (!actor.all) throw forbidden('target.catalogueAdminOnly');
  await sql`update target_indicators set retired_at = now() where id = ${id} and retired_at is null`.execute(db);
  await recordAudit(db, actor, { action: 'target_indicator.retire', entity: 'target_indicator', entityId: id, unitId: null });
  return { id };
}
