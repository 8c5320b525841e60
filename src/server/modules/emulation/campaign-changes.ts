/**
 * Editing and cancelling a campaign (issue 15; decision 0033): by an official managing its committee,
 * before or while it runs. The committee stays; every unit must still lie strictly under it. Both are
 * audited; a cancelled campaign leaves the lists and can no longer be changed. Nothing is saved on a
 * refusal (one transaction, checks before the writes).
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { canReadPath, storedAccountId } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/database.ts';
import { conflict, forbidden, notFound } from '../../errors.ts';
import type { CreateCampaign, UpdateCampaign } from '../../../shared/schemas/emulation.ts';
import { recordAudit } from '../audit/service.ts';
import { recountCampaign } from './campaign-counts.ts';
import { mayManageCampaign } from './access.ts';
import { checkContent, loadCampaign, type LoadedCampaign } from './campaigns.ts';

/** The campaign, locked, if the actor manages its committee and it is not cancelled. */
async function managedCampaign(trx: Db, actor: Actor, id: number): Promise<LoadedCampaign> {
  await sql`select id from campaigns where id = ${id} for update`.execute(trx);
  const c = await loadCampaign(trx, actor, id);
  if (!mayManageCampaign(actor, c.organiser.path)) throw forbidden('campaign.managersOnly');
  if (c.cancelledAt !== null) throw conflict('campaign.cancelled');
  return c;
}

/** The stored campaign as a full input, so a change names only what it changes. */
function asInput(c: LoadedCampaign): CreateCampaign {
  const standards = c.components.flatMap((x) => (x.kind === 'standard' ? [x] : []));
  return {
    title: c.title,
    unitIds: c.units.map((u) => u.id),
    from: c.from.slice(0, 7),
    to: c.to.slice(0, 7),
    standardCodes: standards.map((x) => x.code),
    weights: Object.fromEntries(standards.map((x) => [x.code, x.weight])),
    targets: c.components.flatMap((x) => (x.kind === 'target' ? [{ indicator: x.indicator, weight: x.weight }] : [])),
  };
}

export async function updateCampaign(db: Db, actor: Actor, id: number, change: UpdateCampaign): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const c = await managedCampaign(trx, actor, id);
    const before = asInput(c);
    // New standards without weights of their own weigh 1, as at creation.
    const weights = change.weights ?? (change.standardCodes ? {} : before.weights);
    const input: CreateCampaign = { ...before, ...change, weights };
    const checked = await checkContent(trx, actor, input);
    const under = (p: string) => p.startsWith(`${c.organiser.path}.`);
    if (!checked.paths.every(under) || !checked.paths.every((p) => canReadPath(actor, p))) throw notFound('campaign.unitOutside');
    await trx
      .updateTable('campaigns')
      .set({
        title: input.title,
        from_period: checked.from,
        to_period: checked.to,
        components: JSON.stringify(checked.components),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('campaign_units').where('campaign_id', '=', id).execute();
    await trx
      .insertInto('campaign_units')
      .values(checked.units.map((u) => ({ campaign_id: id, unit_id: u.id })))
      .execute();
    await recountCampaign(trx, id); // its months, units or standards may have changed
    await recordAudit(trx, actor, {
      action: 'campaign.update',
      entity: 'campaign',
      entityId: id,
      unitId: c.organiser.id,
      before,
      after: input,
    });
    return { id };
  });
}

export async function cancelCampaign(db: Db, actor: Actor, id: number): Promise<{ id: number; cancelledAt: string }> {
  return inTransaction(db, async (trx) => {
    const c = await managedCampaign(trx, actor, id);
    const row = await trx
      .updateTable('campaigns')
      .set({ cancelled_at: new Date(), cancelled_by: storedAccountId(actor) })
      .where('id', '=', id)
      .returning('cancelled_at')
      .executeTakeFirstOrThrow();
    await recountCampaign(trx, id); // a cancelled campaign's counts are no longer kept: its standings read the verdicts
    await recordAudit(trx, actor, {
      action: 'campaign.cancel',
      entity: 'campaign',
      entityId: id,
      unitId: c.organiser.id,
      before: { title: c.title },
    });
    return { id, cancelledAt: new Date(row.cancelled_at!).toISOString() };
  });
}
