/**
 * Correcting a filed report (issue 14): its official, or an official above them, may change the day it
 * was held, the members met and the findings, and raise problems forgotten at filing, for
 * REPORT_CORRECTION_DAYS after filing; after that the report stands as filed. Every correction is
 * audited with what it changed, and the rulebook's figures and the cell's last visit follow a new day.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, conflict } from '../../errors.ts';
import { REPORT_CORRECTION_DAYS, type CorrectReport } from '../../../shared/schemas/visits.ts';
import { recordAudit } from '../audit/service.ts';
import { refreshFacts } from '../compliance/engine.ts';
import { addDays, todayIso } from '../compliance/periods.ts';
import { resetLastVisited, type VisitRow } from './queries.ts';
import { checkReport, lockActionable, raiseProblems } from './service.ts';

/** The last day a report filed (or, for one recorded without a filing time, held) may be corrected. */
export function correctableUntil(v: Pick<VisitRow, 'reported_at' | 'held_on'>): string {
  const filed = v.reported_at ? new Date(v.reported_at).toISOString().slice(0, 10) : (v.held_on ?? todayIso());
  return addDays(filed, REPORT_CORRECTION_DAYS);
}

export function correctReport(db: Db, actor: Actor, id: number, input: CorrectReport, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const v = await lockActionable(trx, actor, id);
    if (v.status !== 'held' || v.held_on === null) throw conflict('visit.notReported');
    if (Object.values(input).every((x) => x === undefined)) throw badRequest('visit.nothingToChange');
    const until = correctableUntil(v);
    if (today > until) throw conflict('visit.correctionClosed', { params: { day: until } });
    const heldOn = input.heldOn ?? v.held_on;
    const membersMet = input.membersMet ?? v.members_met ?? 0;
    const added = input.addProblems ?? [];
    await checkReport(trx, v, heldOn, membersMet, added, today);
    const cellId = Number(v.cell_id);
    await trx
      .updateTable('visits')
      .set({
        held_on: heldOn,
        members_met: membersMet,
        ...(input.findings !== undefined ? { findings: input.findings } : {}),
        updated_at: sql<Date>`now()`,
      })
      .where('cell_id', '=', cellId)
      .where('id', '=', v.id)
      .execute();
    const problemIds = await raiseProblems(trx, actor, v, added, heldOn);
    const before = { heldOn: v.held_on, membersMet: v.members_met, findings: v.findings };
    await recordAudit(trx, actor, {
      action: 'visit.correct',
      entity: 'visit',
      entityId: Number(v.id),
      unitId: cellId,
      before,
      after: { heldOn, membersMet, findings: input.findings !== undefined ? input.findings : v.findings, problemIds },
    });
    if (heldOn !== v.held_on) {
      await resetLastVisited(trx, cellId);
      await refreshFacts(
        trx,
        [cellId],
        [
          { fact: 'visits', on: v.held_on },
          { fact: 'visits', on: heldOn },
        ],
      );
    }
    return { id: Number(v.id), problemIds };
  });
}
