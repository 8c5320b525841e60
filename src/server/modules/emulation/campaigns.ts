/** Emulation campaigns (issue 15; decision 0033): run by a committee's official, read by its participants. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { canReadPath, storedAccountId } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/database.ts';
import type { CampaignComponent } from '../../db/types.ts';
import { badRequest, forbidden, notFound } from '../../errors.ts';
import { decodeCursor, pageFrom } from '../../http/pagination.ts';
import { CAMPAIGN_LIMITS, type Campaign, type CreateCampaign } from '../../../shared/schemas/emulation.ts';
import { commonAncestor, mayManageCampaign, maySeeCampaign, mayRunCampaigns, organiserGrant } from './access.ts';
import { recountCampaign } from './campaign-counts.ts';

/** 'YYYY-MM' or 'YYYY-MM-DD' as the month's first day. */
export const monthOf = (s: string) => `${s.slice(0, 7)}-01`;
export const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

type UnitPathRow = { id: number; name: string; kind: 'cell' | 'committee'; path: string };

async function unitsByIds(db: Db, ids: number[]): Promise<UnitPathRow[]> {
  if (ids.length === 0) return [];
  const rows = await sql<UnitPathRow>`select id, name, kind, path::text as path from units where id = any(${ids}::bigint[])`.execute(db);
  return rows.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** The standard titles of codes ('*' is the overall verdict); a code the rulebook never had is missing. */
export async function standardTitles(db: Db, codes: string[]): Promise<Map<string, { en: string; ko: string }>> {
  const rows = await db
    .selectFrom('standards')
    .select(['code', 'title_en', 'title_ko'])
    .where('code', 'in', codes.length ? codes : [''])
    .orderBy('valid_from', 'desc')
    .execute();
  const titles = new Map<string, { en: string; ko: string }>([['*', { en: 'Every standard met', ko: '모든 기준 충족' }]]);
  for (const r of rows) if (!titles.has(r.code)) titles.set(r.code, { en: r.title_en, ko: r.title_ko });
  return titles;
}

/** The catalogue's names of these indicators (case as the catalogue has it), or a 400 for one it lacks. */
async function catalogueIndicators(db: Db, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) throw badRequest('campaign.duplicateIndicator');
  const rows = await sql<{ name: string }>`select name from target_indicators
    where retired_at is null and lower(name) = any(${names.map((n) => n.toLowerCase())}::text[])`.execute(db);
  const byLower = new Map(rows.rows.map((r) => [r.name.toLowerCase(), r.name]));
  return names.map((n) => {
    const found = byLower.get(n.toLowerCase());
    if (!found) throw badRequest('campaign.unknownIndicator', { params: { indicator: n } });
    return found;
  });
}

/** The score's components from the input: the standards (in the rulebook) and the target indicators (in the catalogue). */
async function componentsOf(db: Db, input: CreateCampaign): Promise<CampaignComponent[]> {
  const codes = input.standardCodes;
  if (new Set(codes).size !== codes.length) throw badRequest('campaign.duplicateStandard');
  const titles = await standardTitles(db, codes);
  for (const code of codes) if (!titles.has(code)) throw badRequest('campaign.unknownStandard', { params: { code } });
  for (const code of Object.keys(input.weights ?? {}))
    if (!codes.includes(code)) throw badRequest('campaign.weightNotInCampaign', { params: { code } });
  const targets = input.targets ?? [];
  const indicators = await catalogueIndicators(
    db,
    targets.map((t) => t.indicator),
  );
  return [
    ...codes.map((code): CampaignComponent => ({ kind: 'standard', code, weight: input.weights?.[code] ?? 1 })),
    ...targets.map((t, i): CampaignComponent => ({ kind: 'target', indicator: indicators[i]!, weight: t.weight ?? 1 })),
  ];
}

/** Months, units (seen by the actor, never nested), components: every check but who organises it. */
export async function checkContent(db: Db, actor: Actor, input: CreateCampaign) {
  const from = monthOf(input.from);
  const to = monthOf(input.to);
  if (to < from) throw badRequest('campaign.toBeforeFrom');
  if (monthsBetween(from, to) > CAMPAIGN_LIMITS.months)
    throw badRequest('campaign.tooLong', { params: { months: CAMPAIGN_LIMITS.months } });
  if (new Set(input.unitIds).size !== input.unitIds.length) throw badRequest('campaign.duplicateUnit');
  const units = await unitsByIds(db, input.unitIds);
  // A unit the actor cannot see does not exist for them (404) before anything else is said.
  if (units.length !== input.unitIds.length || !units.every((u) => canReadPath(actor, u.path))) throw notFound('campaign.unitOutside');
  if (!mayRunCampaigns(actor)) throw forbidden('campaign.officialsOnly');
  const paths = units.map((u) => u.path);
  const set = new Set(paths);
  for (const p of paths) {
    const labels = p.split('.');
    for (let i = 1; i < labels.length; i++) if (set.has(labels.slice(0, i).join('.'))) throw badRequest('campaign.nestedUnits');
  }
  return { from, to, units, paths, components: await componentsOf(db, input) };
}

/** Checks the input and answers the campaign's committee and components; throws a named 4xx on anything wrong. */
async function checkCampaign(db: Db, actor: Actor, input: CreateCampaign) {
  const c = await checkContent(db, actor, input);
  const grant = organiserGrant(actor, c.paths);
  if (grant === undefined) throw notFound('campaign.unitOutside');
  let unitId = grant?.unitId;
  if (unitId === undefined) {
    const lca = commonAncestor(c.paths);
    const row = await sql<{ id: number }>`select id from units where path = ${lca}::ltree`.execute(db);
    unitId = Number(row.rows[0]!.id);
  }
  return { ...c, unitId };
}

/** Starts a campaign: every unit under the official's committee, none inside another, the standards in the rulebook. */
export async function createCampaign(db: Db, actor: Actor, input: CreateCampaign): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const c = await checkCampaign(trx, actor, input);
    const row = await trx
      .insertInto('campaigns')
      .values({
        unit_id: c.unitId,
        title: input.title,
        from_period: c.from,
        to_period: c.to,
        components: JSON.stringify(c.components),
        created_by: storedAccountId(actor),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await trx
      .insertInto('campaign_units')
      .values(c.units.map((u) => ({ campaign_id: id, unit_id: u.id })))
      .execute();
    await recountCampaign(trx, id);
    return { id };
  });
}

export type LoadedCampaign = {
  id: number;
  title: string;
  from: string;
  to: string;
  components: CampaignComponent[];
  createdAt: string;
  cancelledAt: string | null;
  organiser: UnitPathRow;
  units: UnitPathRow[];
};

/** The campaign if the actor may read it, else 404. */
export async function loadCampaign(db: Db, actor: Actor, id: number): Promise<LoadedCampaign> {
  // The campaign with its committee, and its units, side by side (one round trip).
  const [c, unitRows] = await Promise.all([
    db
      .selectFrom('campaigns as c')
      .innerJoin('units as o', 'o.id', 'c.unit_id')
      .selectAll('c')
      .select(['o.name as organiser_name', 'o.kind as organiser_kind', sql<string>`o.path::text`.as('organiser_path')])
      .where('c.id', '=', id)
      .executeTakeFirst(),
    sql<UnitPathRow>`select u.id, u.name, u.kind, u.path::text as path from campaign_units cu join units u on u.id = cu.unit_id
      where cu.campaign_id = ${id} order by u.name, u.id`.execute(db),
  ]);
  if (!c) throw notFound('campaign.notFound');
  const units = unitRows.rows.map((r) => ({ ...r, id: Number(r.id) }));
  const organiser: UnitPathRow = { id: Number(c.unit_id), name: c.organiser_name, kind: c.organiser_kind, path: c.organiser_path };
  if (
    !organiser ||
    !maySeeCampaign(
      actor,
      organiser.path,
      units.map((u) => u.path),
    )
  )
    throw notFound('campaign.notFound');
  return {
    id: Number(c.id),
    title: c.title,
    from: c.from_period,
    to: c.to_period,
    components: c.components,
    createdAt: new Date(c.created_at).toISOString(),
    cancelledAt: c.cancelled_at ? new Date(c.cancelled_at).toISOString() : null,
    organiser,
    units,
  };
}

const ref = (u: UnitPathRow) => ({ id: u.id, name: u.name, kind: u.kind });

/** The standard codes among a campaign's components. */
export const standardCodesOf = (components: CampaignComponent[]) => components.flatMap((x) => (x.kind === 'standard' ? [x.code] : []));

export async function getCampaign(db: Db, actor: Actor, id: number): Promise<Campaign> {
  const c = await loadCampaign(db, actor, id);
  const titles = await standardTitles(db, standardCodesOf(c.components));
  return {
    id: c.id,
    title: c.title,
    unit: ref(c.organiser),
    from: c.from,
    to: c.to,
    components: c.components.map((x) =>
      x.kind === 'standard' ? { ...x, titleEn: titles.get(x.code)?.en ?? x.code, titleKo: titles.get(x.code)?.ko ?? x.code } : x,
    ),
    units: c.units.map(ref),
    createdAt: c.createdAt,
    cancelledAt: c.cancelledAt,
    canManage: c.cancelledAt === null && mayManageCampaign(actor, c.organiser.path),
  };
}

/**
 * The campaigns a unit runs or takes part in, newest first, that the actor may read: a unit outside
 * the actor's view is 404.
 */
export async function listUnitCampaigns(db: Db, actor: Actor, unitId: number, q: { limit: number; cursor?: string }) {
  const unit = await findUnitInScope(db, actor, unitId);
  if (!unit) throw notFound('unit.notFound');
  const after = decodeCursor(q.cursor);
  const rows = (
    await sql<{
      id: number;
      title: string;
      from_period: string;
      to_period: string;
      unit_id: number;
      name: string;
      kind: 'cell' | 'committee';
      path: string;
      unit_count: number;
      created: string;
    }>`
    select c.id, c.title, c.from_period::text, c.to_period::text, o.id as unit_id, o.name, o.kind, o.path::text as path,
      (select count(*) from campaign_units x where x.campaign_id = c.id)::int as unit_count, c.created_at::text as created
    from campaigns c join units o on o.id = c.unit_id
    where c.cancelled_at is null and (c.unit_id = ${unitId} or exists (select 1 from campaign_units cu where cu.campaign_id = c.id and cu.unit_id = ${unitId}))
      ${after ? sql`and c.id < ${after[1]}` : sql``}
    order by c.id desc limit ${q.limit + 1}`.execute(db)
  ).rows;
  // A unit's own campaigns: read by whoever reads the unit (it is a participant, or their committee runs it).
  const page = pageFrom(rows, q.limit, (r) => ['', Number(r.id)]);
  return {
    items: page.items.map((r) => ({
      id: Number(r.id),
      title: r.title,
      unit: { id: Number(r.unit_id), name: r.name, kind: r.kind },
      from: r.from_period,
      to: r.to_period,
      unitCount: r.unit_count,
    })),
    nextCursor: page.nextCursor,
  };
}
