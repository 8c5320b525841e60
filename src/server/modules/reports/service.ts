/**
 * The monthly cell report: generated from the data, reviewed and submitted by the secretary, then
 * visible to the committees above. A submitted report keeps the figures it was submitted with.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope, requireCell, type ScopedCell } from '../../access/lookups.ts';
import { mayManage } from '../../access/policies.ts';
import { pathInScope } from '../../access/scope.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { conflict, notFound } from '../../errors.ts';
import { decodeCursor, pageFrom } from '../../http/pagination.ts';
import type { MonthlyReport, SubmitReport } from '../../../shared/schemas/reports.ts';
import { recordAudit } from '../audit/service.ts';
import { addDays, dataEnd, nextPeriod, type Period } from '../compliance/periods.ts';
import { cellStandards } from '../meetings/dashboard.ts';
import { selectMeetingCounts } from '../meetings/queries.ts';
import { selectDecisions, selectKindNames, selectOrganizationName } from './queries.ts';
import { localDay } from './wording.ts';

/** A submitted report's snapshot; those submitted before decisions were part of it lack them. */
type Generated = Pick<MonthlyReport, 'figures' | 'meetings' | 'standards' | 'decisions'>;
type Cell = ScopedCell;
type Snapshot = Omit<Generated, 'decisions'> & Partial<Pick<Generated, 'decisions'>>;

async function generate(db: Db, cell: Cell, period: Period): Promise<Generated> {
  const cellId = cell.id;
  const end = dataEnd(period);
  const lastDay = sql<string>`(${end}::date - 1)`;
  const [meetings, members, followUps, metrics, standards] = await Promise.all([
    db
      .selectFrom('meetings as m')
      .select(['m.id', 'm.kind', 'm.starts_at', 'm.status'])
      .where('m.cell_id', '=', cellId)
      .where('m.meets_on', '>=', period)
      .where('m.meets_on', '<', nextPeriod(period))
      .orderBy('m.starts_at')
      .execute(),
    db
      .selectFrom('memberships')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('cell_id', '=', cellId)
      .where('from_date', '<=', lastDay)
      .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', lastDay)]))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('follow_ups')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('cell_id', '=', cellId)
      .where('created_on', '<', end)
      .where((eb) => eb.or([eb('resolved_on', 'is', null), eb('resolved_on', '>=', end)]))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('cell_metrics')
      .select(['key', 'value'])
      .where('cell_id', '=', cellId)
      .where('period', '=', period)
      .where('key', 'in', ['actions_due', 'actions_on_time'])
      .execute(),
    cellStandards(db, cell, period),
  ]);
  const counts = new Map(
    (
      await selectMeetingCounts(
        db,
        cellId,
        meetings.map((m) => m.id),
      )
    ).map((c) => [c.meeting_id, c]),
  );
  const withCounts = meetings.map((m) => ({ ...m, present: counts.get(m.id)?.present ?? 0, expected: counts.get(m.id)?.expected ?? 0 }));
  const held = withCounts.filter((m) => m.status === 'held');
  const present = held.reduce((s, m) => s + m.present, 0);
  const expected = held.reduce((s, m) => s + m.expected, 0);
  const metric = (k: string) => metrics.find((m) => m.key === k)?.value ?? 0;
  const decisions = await selectDecisions(
    db,
    cellId,
    meetings.map((m) => m.id),
  );
  return {
    figures: {
      members: members.n,
      meetingsHeld: held.length,
      meetingsNotHeld: withCounts.filter((m) => m.status === 'not_held').length,
      attendanceRate: expected === 0 ? null : Math.round((present / expected) * 1000) / 1000,
      actionsDue: metric('actions_due'),
      actionsOnTime: metric('actions_on_time'),
      openFollowUps: followUps.n,
    },
    meetings: withCounts.map((m) => ({
      id: m.id,
      kind: m.kind,
      startsAt: new Date(m.starts_at).toISOString(),
      status: m.status,
      present: m.present,
      expected: m.expected,
    })),
    standards,
    decisions,
  };
}

/** The month's last day, and the days that follow today in it on the organization's calendar (null once it is over). */
export function monthLeft(period: Period, timeZone: string, now = new Date()): { monthEndsOn: string; daysLeft: number | null } {
  const monthEndsOn = addDays(nextPeriod(period), -1);
  const today = localDay(now, timeZone);
  if (today > monthEndsOn) return { monthEndsOn, daysLeft: null };
  const days = (Date.parse(`${monthEndsOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return { monthEndsOn, daysLeft: Math.max(0, Math.round(days)) };
}

export async function getReport(db: Db, actor: Actor, cellId: number, period: Period, timeZone: string): Promise<MonthlyReport> {
  const cell = await requireCell(db, actor, cellId, 'read');
  return reportOf(db, actor, cell, period, timeZone);
}

async function reportOf(db: Db, actor: Actor, cell: Cell, period: Period, timeZone: string): Promise<MonthlyReport> {
  const saved = await db
    .selectFrom('monthly_reports as r')
    .leftJoin('accounts as a', 'a.id', 'r.submitted_by')
    .select(['r.status', 'r.notes', 'r.snapshot', 'r.submitted_at', 'a.login'])
    .where('r.cell_id', '=', cell.id)
    .where('r.period', '=', period)
    .executeTakeFirst();
  const snapshot = saved?.status === 'submitted' && saved.snapshot ? (saved.snapshot as Snapshot) : null;
  const content: Generated = snapshot
    ? {
        ...snapshot,
        decisions:
          snapshot.decisions ??
          (await selectDecisions(
            db,
            cell.id,
            snapshot.meetings.map((m) => m.id),
          )),
      }
    : await generate(db, cell, period);
  return {
    cell: { id: cell.id, name: cell.name, kind: cell.kind },
    period: period.slice(0, 7),
    status: saved?.status ?? 'draft',
    notes: saved?.notes ?? null,
    submittedAt: saved?.submitted_at?.toISOString() ?? null,
    submittedBy: saved?.login ?? null,
    ...content,
    ...monthLeft(period, timeZone),
    canSubmit: saved?.status !== 'submitted' && mayManage(actor, cell),
  };
}

/** Submits the month's report; a month not yet over only when the request says it knows (`confirmEarly`). */
export function submitReport(
  db: Db,
  actor: Actor,
  cellId: number,
  period: Period,
  input: SubmitReport,
  timeZone: string,
): Promise<MonthlyReport> {
  const notes = input.notes ?? null;
  return inTransaction(db, async (trx) => {
    const cell = await requireCell(trx, actor, cellId, 'manage');
    const existing = await trx
      .selectFrom('monthly_reports')
      .select('status')
      .where('cell_id', '=', cell.id)
      .where('period', '=', period)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.status === 'submitted') throw conflict('report.alreadySubmitted');
    const { monthEndsOn, daysLeft } = monthLeft(period, timeZone);
    if (daysLeft !== null && input.confirmEarly !== true) {
      throw conflict('report.monthNotOver', { params: { monthEndsOn }, details: { monthEndsOn, daysLeft } });
    }
    const snapshot = await generate(trx, cell, period);
    await trx
      .insertInto('monthly_reports')
      .values({
        cell_id: cell.id,
        period,
        status: 'submitted',
        notes,
        snapshot: JSON.stringify(snapshot),
        submitted_at: new Date(),
        submitted_by: actor.accountId || null,
      })
      .onConflict((oc) =>
        oc.columns(['cell_id', 'period']).doUpdateSet({
          status: 'submitted',
          notes,
          snapshot: JSON.stringify(snapshot),
          submitted_at: new Date(),
          submitted_by: actor.accountId || null,
        }),
      )
      .execute();
    await recordAudit(trx, actor, {
      action: 'report.submit',
      entity: 'unit',
      entityId: cell.id,
      after: { period, notes, ...(daysLeft === null ? {} : { early: true, daysLeft }) },
    });
    return reportOf(trx, actor, cell, period, timeZone);
  });
}

/** What a download prints beside the report: the letterhead, the cell's code and the meeting kinds' names. */
export async function getReportDocument(db: Db, actor: Actor, cellId: number, period: Period, timeZone: string) {
  const cell = await requireCell(db, actor, cellId, 'read');
  const [report, organization, kindNames] = await Promise.all([
    reportOf(db, actor, cell, period, timeZone),
    selectOrganizationName(db, cell.path),
    selectKindNames(db),
  ]);
  return { report, organization, cellCode: cell.code, kindNames, timeZone, generatedAt: new Date() };
}
export type ReportDocument = Awaited<ReturnType<typeof getReportDocument>>;

/** The cells under a committee and whether each has submitted its report for the month. */
export async function listReports(db: Db, actor: Actor, unitId: number, period: Period, page: { limit: number; cursor?: string }) {
  const unit = await findUnitInScope(db, actor, unitId);
  if (!unit) throw notFound('unit.notFound');
  const after = decodeCursor(page.cursor);
  let q = db
    .selectFrom('units as u')
    .leftJoin('monthly_reports as r', (j) => j.onRef('r.cell_id', '=', 'u.id').on('r.period', '=', period))
    .select(['u.id', 'u.name', 'u.kind', 'r.status', 'r.submitted_at'])
    .where('u.kind', '=', 'cell')
    .where(sql<boolean>`u.path <@ ${unit.path}::ltree`)
    .where(pathInScope(actor, 'u.path'))
    .where('u.opened_on', '<', nextPeriod(period))
    .where((eb) => eb.or([eb('u.closed_on', 'is', null), eb('u.closed_on', '>', period)]));
  if (after) q = q.where(sql<boolean>`(u.name, u.id) > (${after[0]}, ${after[1]})`);
  const rows = await q
    .orderBy('u.name')
    .orderBy('u.id')
    .limit(page.limit + 1)
    .execute();
  const result = pageFrom(rows, page.limit, (r) => [r.name, r.id]);
  return {
    period: period.slice(0, 7),
    items: result.items.map((r) => ({
      cell: { id: r.id, name: r.name, kind: r.kind },
      status: r.status ?? ('missing' as const),
      submittedAt: r.submitted_at?.toISOString() ?? null,
    })),
    nextCursor: result.nextCursor,
  };
}
