/**
 * A campaign's standings (decision 0033), read from the rulebook's stored judgements as the roll-up
 * folder keeps them: each participant's verdicts (a cell's own, a committee's cells') counted per
 * campaign and standard (campaign_counts, kept on write; campaign-counts.ts).
 * The drill-down of one unit reads its monthly verdicts themselves (campaignFigures).
 *
 * Score: for each component standard, the share of verdicts met over the campaign's months (a cell is
 * one of one each month it was judged; a committee counts its cells meeting of its cells judged), then
 * the weighted mean of the shares, × 100, to two decimals. Equal scores share a rank ("1, 2, 2, 4").
 */
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { canReadPath } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { Standing } from '../../../shared/schemas/emulation.ts';
import { loadCampaign, standardCodesOf, standardTitles, type LoadedCampaign } from './campaigns.ts';
import { targetShares, unitTargetFigures } from './target-figures.ts';

type Figure = { unit_id: number; code: string; period: string; meeting: number; total: number };

/**
 * The figures behind the scores: per participant, standard and month. Cells by their verdicts' primary
 * key (cell_id, period, standard_code), committees by their roll-ups' (unit_id, period, standard_code,
 * sector); both prune to the campaign's monthly partitions.
 */
export async function campaignFigures(db: Db, campaignId: number, unitIds?: number[]): Promise<Figure[]> {
  const only = unitIds ? sql`and cu.unit_id = any(${unitIds}::bigint[])` : sql``;
  const { rows } = await sql<Figure>`
    with c as (select from_period, to_period, components from campaigns where id = ${campaignId}),
    codes as (select x->>'code' as code from c, jsonb_array_elements(c.components) x where x->>'kind' = 'standard'),
    parts as (select cu.unit_id, u.kind from campaign_units cu join units u on u.id = cu.unit_id where cu.campaign_id = ${campaignId} ${only})
    select cc.cell_id as unit_id, cc.standard_code as code, cc.period::text as period, cc.meets::int as meeting, 1 as total
    from cell_compliance cc, c
    where cc.cell_id in (select unit_id from parts where kind = 'cell')
      and cc.period between c.from_period and c.to_period and cc.standard_code in (select code from codes)
    union all
    select r.unit_id, r.standard_code, r.period::text, r.cells_meeting, r.cells_total
    from unit_rollups r, c
    where r.unit_id in (select unit_id from parts where kind <> 'cell') and r.sector = '*'
      and r.period between c.from_period and c.to_period and r.standard_code in (select code from codes)`.execute(db);
  return rows.map((r) => ({ ...r, unit_id: Number(r.unit_id), meeting: Number(r.meeting), total: Number(r.total) }));
}

/**
 * Every participant's score in one statement: each component's share per unit (a standard's verdicts
 * met over judged, a target indicator's achieved over figure, capped), weighted, in numeric so equal
 * scores are equal. A unit with no figure at all scores 0 (absent from the map).
 */
async function campaignScores(db: Db, c: LoadedCampaign): Promise<Map<number, number>> {
  const indicators = c.components.flatMap((x) => (x.kind === 'target' ? [x.indicator] : []));
  const keys = c.components.map((x) => (x.kind === 'standard' ? x.code : x.indicator.toLowerCase()));
  const weights = c.components.map((x) => x.weight);
  const all = c.units.map((u) => u.id);
  const years = yearsOf(c);
  // A component without a figure adds 0 to the weighted sum; the weights' total divides it.
  const { rows } = await sql<{ unit_id: number; score: string }>`
    with comp as (select * from unnest(${c.components.map((x) => x.kind)}::text[], ${keys}::text[], ${weights}::numeric[]) as t(kind, key, w)),
    figs as (
      ${standardShares(c)}
      ${indicators.length ? sql`union all ${targetShares(all, indicators, years.from, years.to)}` : sql``})
    select f.unit_id, round(100 * sum(comp.w * coalesce(f.share, 0)) / nullif((select sum(w) from comp), 0), 2)::text as score
    from figs f join comp on comp.kind = f.kind and comp.key = f.key
    group by f.unit_id`.execute(db);
  return new Map(rows.map((r) => [Number(r.unit_id), Number(r.score)]));
}

/**
 * Each participant's share of verdicts met per standard: a running campaign's from its counts kept on
 * write (campaign_counts, one row per participant and standard); a cancelled one's, whose counts are no
 * longer kept, from its months' verdicts (cells) and roll-ups (committees, all sectors). The months,
 * codes and units go as parameters, so the planner prunes to the months' partitions and probes each
 * table's primary key for these units.
 */
function standardShares(c: LoadedCampaign) {
  if (c.cancelledAt === null)
    return sql`select k.unit_id, 'standard' as kind, k.standard_code as key, k.met::numeric / nullif(k.judged, 0) as share
      from campaign_counts k where k.campaign_id = ${c.id}`;
  const codes = standardCodesOf(c.components);
  const cells = c.units.filter((u) => u.kind === 'cell').map((u) => u.id);
  const committees = c.units.filter((u) => u.kind !== 'cell').map((u) => u.id);
  return sql`select cc.cell_id as unit_id, 'standard' as kind, cc.standard_code as key, (count(*) filter (where cc.meets))::numeric / count(*) as share
      from unnest(${cells}::bigint[]) p(id) join cell_compliance cc on cc.cell_id = p.id
      where cc.period between ${c.from}::date and ${c.to}::date and cc.standard_code = any(${codes}::text[])
      group by 1, 3
      union all
      select r.unit_id, 'standard', r.standard_code, sum(r.cells_meeting)::numeric / nullif(sum(r.cells_total), 0)
      from unnest(${committees}::bigint[]) p(id) join unit_rollups r on r.unit_id = p.id
      where r.sector = '*' and r.period between ${c.from}::date and ${c.to}::date and r.standard_code = any(${codes}::text[])
      group by 1, 3`;
}

/** The calendar years a campaign's months touch (its target components read the targets of these years). */
const yearsOf = (c: { from: string; to: string }) => ({ from: Number(c.from.slice(0, 4)), to: Number(c.to.slice(0, 4)) });

/** Names in a stable order without building a collator per comparison (1,000 tied scores sort in a few ms). */
const byName = new Intl.Collator().compare;

/** Ranks by score (ties share a rank) and names, for each, the unit just above and the gap to it. */
export function rankStandings(rows: { unitId: number; name: string; kind: string; score: number }[]): Standing[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score || byName(a.name, b.name) || a.unitId - b.unitId);
  let rank = 0;
  let lastScore = Number.NaN;
  let aboveIdx = -1; // the last row of the previous (higher) score group
  return sorted.map((r, i) => {
    if (r.score !== lastScore) {
      aboveIdx = i - 1;
      rank = i + 1;
      lastScore = r.score;
    }
    const above = aboveIdx >= 0 ? sorted[aboveIdx]! : null;
    return {
      ...r,
      rank,
      toOvertake: above ? { unitId: above.unitId, name: above.name, gap: Math.round((above.score - r.score) * 100) / 100 } : null,
    };
  });
}

async function standingsOf(db: Db, c: LoadedCampaign): Promise<Standing[]> {
  const scores = await campaignScores(db, c);
  return rankStandings(c.units.map((u) => ({ unitId: u.id, name: u.name, kind: u.kind, score: scores.get(u.id) ?? 0 })));
}

/** The participants whose standing is the reader's own (not the organiser's officials, who see all alike). */
const mineOf = (actor: Actor, c: LoadedCampaign) =>
  canReadPath(actor, c.organiser.path) ? [] : c.units.filter((u) => canReadPath(actor, u.path)).map((u) => u.id);

export async function getStandings(db: Db, actor: Actor, id: number) {
  const c = await loadCampaign(db, actor, id);
  return { items: await standingsOf(db, c), mine: mineOf(actor, c) };
}

/** The standings as CSV: rank, unit, score, and whom each must overtake and by how much. */
export async function standingsCsv(db: Db, actor: Actor, id: number): Promise<string> {
  const c = await loadCampaign(db, actor, id);
  const rows = (await standingsOf(db, c)).map((s) => [
    s.rank,
    s.unitId,
    s.name,
    s.kind,
    s.score,
    s.toOvertake?.name ?? null,
    s.toOvertake?.gap ?? null,
  ]);
  // A byte-order mark, so spreadsheet programs read the names as UTF-8.
  return `\uFEFF${stringify([['rank', 'unit_id', 'unit', 'kind', 'score', 'to_overtake', 'gap'], ...rows])}`;
}

/** A standard component's figures for one unit: its months, and meeting of total over them. */
function standardFigures(figures: Figure[], code: string) {
  const months = figures
    .filter((f) => f.code === code)
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((f) => ({ period: f.period, meeting: f.meeting, total: f.total }));
  const meeting = months.reduce((a, m) => a + m.meeting, 0);
  const total = months.reduce((a, m) => a + m.total, 0);
  return { meeting, total, rate: total === 0 ? 0 : Math.round((10000 * meeting) / total) / 10000, months };
}

/** One participant's score with the figures behind it: per standard its weight, share and months; per target indicator its targets. */
export async function getUnitScore(db: Db, actor: Actor, id: number, unitId: number) {
  const c = await loadCampaign(db, actor, id);
  if (!c.units.some((u) => u.id === unitId)) throw notFound('unit.notFound');
  const years = yearsOf(c);
  const indicators = c.components.flatMap((x) => (x.kind === 'target' ? [x.indicator] : []));
  const [figures, standings, titles, targets] = await Promise.all([
    campaignFigures(db, id, [unitId]),
    standingsOf(db, c),
    standardTitles(db, standardCodesOf(c.components)),
    unitTargetFigures(db, unitId, indicators, years.from, years.to),
  ]);
  const standing = standings.find((s) => s.unitId === unitId)!;
  const mine = figures.filter((f) => f.unit_id === unitId);
  return {
    standing,
    components: c.components.map((x) => {
      if (x.kind === 'standard')
        return {
          kind: 'standard' as const,
          code: x.code,
          titleEn: titles.get(x.code)?.en ?? x.code,
          titleKo: titles.get(x.code)?.ko ?? x.code,
          weight: x.weight,
          ...standardFigures(mine, x.code),
        };
      const own = targets.filter((t) => t.indicator.toLowerCase() === x.indicator.toLowerCase());
      const figure = own.reduce((a, t) => a + t.figure, 0);
      const achieved = own.reduce((a, t) => a + t.achieved, 0);
      return {
        kind: 'target' as const,
        code: x.indicator,
        titleEn: x.indicator,
        titleKo: x.indicator,
        weight: x.weight,
        meeting: achieved,
        total: figure,
        rate: figure === 0 ? 0 : Math.round(10000 * Math.min(1, achieved / figure)) / 10000,
        months: [],
        targets: own.map(({ indicator: _, ...t }) => t),
      };
    }),
  };
}
