/** Reading targets: a unit's targets for a year with their figures, one target's page, its reports, what a unit reports on. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { canManagePath } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import { pathInScope } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import { decodeDayCursor, pageFrom } from '../../http/pagination.ts';
import type { Part, ReportListQuery, TargetDetail, TargetSummary } from '../../../shared/schemas/targets.ts';
import { todayIso } from '../compliance/periods.ts';
import { maySeeTarget, maySetTargets } from './access.ts';
import { figuresAt, isBehind, periodBounds } from './figures.ts';
import {
  achievedByChild,
  achievedUnder,
  achievedOverTime,
  findTarget,
  reportableTargets,
  splitParts,
  unitTargetsOfYear,
  type TargetRow,
  type TargetWithFigures,
} from './queries.ts';

export function parseYear(year: string): number {
  if (!/^\d{4}$/.test(year)) throw badRequest('target.yearBadFormat', { details: { field: 'year' } });
  return Number(year);
}

function summaryOf(t: TargetRow, achieved: number, splitSum: number | null, behindUnits: Part[], today: string): TargetSummary {
  const period = periodBounds(t.year, t.quarter);
  return {
    id: t.id,
    unitId: t.unit_id,
    unitName: t.unit_name,
    parentId: t.parent_id,
    year: t.year,
    quarter: t.quarter,
    sector: t.sector,
    indicator: t.indicator,
    measure: t.measure,
    ...period,
    ...figuresAt(t.figure, achieved, period, today),
    splitSum,
    behindUnits,
  };
}

function partOf(
  t: TargetRow,
  p: { unit_id: number; unit_name: string; unit_kind: string; achieved: number; reports: number; last_as_of: string | null },
  split: { id: number; figure: number } | undefined,
  today: string,
): Part {
  const period = periodBounds(t.year, t.quarter);
  const f = figuresAt(split?.figure ?? 0, p.achieved, period, today);
  return {
    unitId: p.unit_id,
    unitName: p.unit_name,
    unitKind: p.unit_kind,
    targetId: split?.id ?? null,
    reports: p.reports,
    lastAsOf: p.last_as_of,
    ...f,
    figure: split ? split.figure : null,
    expected: split ? f.expected : 0,
    status: split ? f.status : null,
  };
}

/**
 * A unit's targets for a year with achieved, expected-by-now and status, and the split parts behind
 * schedule: the committee's targets page and its review of implementation.
 */
export async function listUnitTargets(db: Db, actor: Actor, unitId: number, year: string, today = todayIso()) {
  const y = parseYear(year);
  const unit = await findUnitInScope(db, actor, unitId, 'read');
  if (!unit) throw notFound('unit.notFound');
  const rows = await unitTargetsOfYear(db, unit.id, y);
  return { items: rows.map((t) => summarize(t, today)) };
}

export function summarize(t: TargetWithFigures, today: string): TargetSummary {
  const parts = t.parts.map((p) => partOf(t, p, p, today));
  return summaryOf(
    t,
    t.achieved,
    t.split_sum,
    parts.filter((p) => isBehind(p.status)),
    today,
  );
}

/** One target: its figures, the achieved per child unit beside the split, the chart over time. */
export async function getTarget(db: Db, actor: Actor, id: number, today = todayIso()): Promise<TargetDetail> {
  const t = await findTarget(db, id);
  if (!t || !maySeeTarget(actor, t.path)) throw notFound('target.notFound');
  const [byChild, split, chart, total] = await Promise.all([
    achievedByChild(db, actor, t),
    splitParts(db, actor, t.id),
    achievedOverTime(db, actor, t),
    sql<{ achieved: number; split_sum: number | null }>`select ${achievedUnder(t.root_id, t.unit_id)} as achieved,
      (select sum(figure)::float8 from targets where parent_id = ${t.id} and withdrawn_at is null) as split_sum`.execute(db),
  ]);
  const splitByUnit = new Map(split.map((s) => [s.unit_id, s]));
  const parts = byChild.map((c) => partOf(t, c, splitByUnit.get(c.unit_id), today));
  for (const s of split) {
    if (!byChild.some((c) => c.unit_id === s.unit_id)) parts.push(partOf(t, { ...s, achieved: 0, reports: 0, last_as_of: null }, s, today));
  }
  parts.sort((a, b) => a.unitName.localeCompare(b.unitName));
  const { achieved, split_sum } = total.rows[0]!;
  return {
    ...summaryOf(
      t,
      achieved,
      split_sum,
      parts.filter((p) => isBehind(p.status)),
      today,
    ),
    parts,
    chart,
    canReport:
      !t.withdrawn &&
      (actor.all || actor.managePaths.some((r) => r === t.path || r.startsWith(`${t.path}.`) || t.path.startsWith(`${r}.`))),
    canEdit: !t.withdrawn && today <= periodBounds(t.year, t.quarter).to && maySetTargets(actor, t.path),
    withdrawnAt: t.withdrawn_at,
  };
}

/** The reports filed against the target's family under its unit (or under one unit), newest first, in the actor's view. */
export async function listReports(db: Db, actor: Actor, id: number, q: ReportListQuery) {
  const t = await findTarget(db, id);
  if (!t || !maySeeTarget(actor, t.path)) throw notFound('target.notFound');
  let under = t.path;
  if (q.unitId !== undefined) {
    const unit = await findUnitInScope(db, actor, q.unitId, 'read');
    if (!unit || !(unit.path === t.path || unit.path.startsWith(`${t.path}.`))) throw notFound('unit.notFound');
    under = unit.path;
  }
  const after = decodeDayCursor(q.cursor);
  const { rows } = await sql<{
    id: number;
    unit_id: number;
    unit_name: string;
    as_of: string;
    value: number;
    note: string | null;
    reported_by: string | null;
    latest: boolean;
    evidence_url: string | null;
    evidence_file_name: string | null;
    evidence_content_type: string | null;
    evidence_size: number | null;
  }>`
    select p.id::int as id, p.unit_id::int as unit_id, u.name as unit_name, p.as_of::text as as_of, p.value::float8 as value, p.note,
      p.evidence_url, p.evidence_file_name, p.evidence_content_type, p.evidence_size,
      coalesce(pe.full_name, a.login) as reported_by,
      exists (select 1 from target_latest l where l.root_id = p.root_id and l.unit_id = p.unit_id and l.progress_id = p.id) as latest
    from target_progress p join units u on u.id = p.unit_id
    left join accounts a on a.id = p.reported_by left join people pe on pe.id = p.reported_by_person
    where p.root_id = ${t.root_id} and u.path <@ ${under}::ltree and ${pathInScope(actor, 'u.path')}
      ${after ? sql`and (p.as_of, p.id) < (${after[0]}::date, ${Number(after[1])})` : sql``}
    order by p.as_of desc, p.id desc limit ${q.limit + 1}`.execute(db);
  const page = pageFrom(rows, q.limit, (r) => [r.as_of, r.id]);
  return {
    items: page.items.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      asOf: r.as_of,
      value: r.value,
      note: r.note,
      reportedBy: r.reported_by,
      latest: r.latest,
      evidenceUrl: r.evidence_url,
      evidenceFile: r.evidence_file_name
        ? { fileName: r.evidence_file_name, contentType: r.evidence_content_type ?? '', sizeBytes: r.evidence_size ?? 0 }
        : null,
    })),
    nextCursor: page.nextCursor,
  };
}

/** The targets a unit reports on for a year (its own and those above it), with its latest figure in each: for those who manage it. */
export async function listReportable(db: Db, actor: Actor, unitId: number, year: string) {
  const y = parseYear(year);
  const unit = await findUnitInScope(db, actor, unitId, 'read');
  if (!unit) throw notFound('unit.notFound');
  const rows = await reportableTargets(db, unit.id, unit.path, y);
  return {
    canReport: canManagePath(actor, unit.path),
    items: rows.map((r) => ({
      id: r.id,
      unitName: r.unit_name,
      indicator: r.indicator,
      measure: r.measure,
      figure: r.figure,
      ...periodBounds(r.year, r.quarter),
      lastValue: r.last_value,
      lastAsOf: r.last_as_of,
    })),
  };
}
