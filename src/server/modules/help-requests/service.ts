/**
 * Requests for help (issue 13, task 4; decision 0026). A member brings a problem to their cell: the
 * request is theirs (edit, withdraw, confirm an answer or reopen it). The cell's secretary sees every
 * request of the cell and answers; on a shared request (`visibility: 'cell'`) the members on the roll
 * see it too and may reply, but only the secretary marks it resolved. Officials above the cell get the
 * counts only (summary.ts): no route here gives them a text. The audit trail records ids and statuses,
 * never the texts, and is kept for the administrators (unitId null: not in a subtree's audit view, which
 * would tell its officials who asked). Every write names the `help_requests` fact.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { requireCell } from '../../access/lookups.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import type { HelpRequestStatus } from '../../db/types.ts';
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts';
import type { AnswerHelpRequest, AskForHelp, EditHelpRequest } from '../../../shared/schemas/help-requests.ts';
import { recordAudit } from '../audit/service.ts';
import { refreshFacts } from '../compliance/engine.ts';
import { todayIso } from '../compliance/periods.ts';
import * as q from './queries.ts';

const refresh = (db: Db, cellId: number, on: string) => refreshFacts(db, [cellId], [{ fact: 'help_requests', on }]);

const audit = (db: Db, actor: Actor, action: string, id: number, before: unknown, after: unknown) =>
  recordAudit(db, actor, { action: `help_request.${action}`, entity: 'help_request', entityId: id, unitId: null, before, after });

/** One request as the actor may see it, or 404. */
async function readOne(db: Db, actor: Actor, id: number) {
  const [row] = await q.selectRequests(db, (r) => sql`${sql.ref(`${r}.id`)} = ${id}`);
  if (!row) throw notFound('helpRequest.notFound');
  return q.toHelpRequest(row, actor);
}

/** The member asks their cell (the one they are on the roll of today). */
export function askForHelp(db: Db, actor: Actor, input: AskForHelp, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    if (actor.personId === null) throw badRequest('helpRequest.noPerson');
    const m = await trx
      .selectFrom('memberships')
      .select('cell_id')
      .where('person_id', '=', actor.personId)
      .where('to_date', 'is', null)
      .orderBy('from_date', 'desc')
      .executeTakeFirst();
    if (!m) throw badRequest('helpRequest.noCell');
    if (input.visibility === 'secretary' && q.isCellSecretary(actor, Number(m.cell_id)))
      throw badRequest('helpRequest.ownSecretary', { details: { field: 'visibility' } });
    const row = await trx
      .insertInto('help_requests')
      .values({
        cell_id: m.cell_id,
        person_id: actor.personId,
        subject: input.subject,
        text: input.text,
        visibility: input.visibility,
        asked_on: today,
      })
      .returning(['cell_id', 'id'])
      .executeTakeFirstOrThrow();
    const r = { cell_id: Number(row.cell_id), id: Number(row.id) };
    await q.addStep(trx, r, 'open', today);
    await audit(trx, actor, 'ask', r.id, null, { status: 'open', visibility: input.visibility });
    await refresh(trx, r.cell_id, today);
    return readOne(trx, actor, r.id);
  });
}

/** The member's own requests with their answers. */
export async function listMyRequests(db: Db, actor: Actor) {
  if (actor.personId === null) return { items: [] };
  const personId = actor.personId;
  const rows = await q.selectRequests(db, (r) => sql`${sql.ref(`${r}.person_id`)} = ${personId}`);
  return { items: rows.map((r) => q.toHelpRequest(r, actor)) };
}

/**
 * A cell's requests: every one for its secretary; for a member on its roll, the shared ones and their
 * own. Officials above the cell (and administrators) read counts only: 403. Out of scope: 404.
 */
export async function listCellRequests(db: Db, actor: Actor, cellId: number) {
  const cell = await requireCell(db, actor, cellId, 'read');
  const asSecretary = q.isCellSecretary(actor, cell.id);
  const onRoll = !asSecretary && (await q.isOnRoll(db, actor.personId, cell.id));
  if (!asSecretary && !onRoll) throw forbidden('helpRequest.countsOnly');
  const me = actor.personId ?? -1;
  const rows = await q.selectRequests(db, (r) =>
    asSecretary
      ? sql`${sql.ref(`${r}.cell_id`)} = ${cell.id}`
      : sql`${sql.ref(`${r}.cell_id`)} = ${cell.id} and (${sql.ref(`${r}.visibility`)} = 'cell' or ${sql.ref(`${r}.person_id`)} = ${me})
          and (${sql.ref(`${r}.status`)} <> 'withdrawn' or ${sql.ref(`${r}.person_id`)} = ${me})`,
  );
  return { asSecretary, items: rows.map((r) => q.toHelpRequest(r, actor)) };
}

/** The request locked, and how the actor stands to it; a request they may not see is 404. */
async function lockVisible(trx: Db, actor: Actor, id: number) {
  const r = await q.findRequest(trx, id, true);
  if (!r) throw notFound('helpRequest.notFound');
  const mine = actor.personId !== null && Number(r.person_id) === actor.personId;
  const asSecretary = q.isCellSecretary(actor, Number(r.cell_id));
  const cellMate =
    !mine && !asSecretary && r.visibility === 'cell' && r.status !== 'withdrawn' && (await q.isOnRoll(trx, actor.personId, r.cell_id));
  if (!mine && !asSecretary && !cellMate) throw notFound('helpRequest.notFound');
  return { r: { ...r, cell_id: Number(r.cell_id), id: Number(r.id) }, mine, asSecretary };
}

/** The asker's own request, locked; seen but someone else's: 403. */
async function lockOwn(trx: Db, actor: Actor, id: number) {
  const v = await lockVisible(trx, actor, id);
  if (!v.mine) throw forbidden('helpRequest.notYours');
  if (v.r.subject === null) throw conflict('helpRequest.erased');
  return v.r;
}

async function setStatus(trx: Db, r: { cell_id: number; id: number }, status: HelpRequestStatus, today: string, firstAnswer = false) {
  await trx
    .updateTable('help_requests')
    .set({
      status,
      updated_at: sql`now()`,
      ...(firstAnswer ? { first_answered_on: sql<string>`coalesce(first_answered_on, ${today}::date)` } : {}),
    })
    .where('cell_id', '=', r.cell_id)
    .where('id', '=', r.id)
    .execute();
  await q.addStep(trx, r, status, today);
}

/** The asker edits their request (not once withdrawn or resolved). */
export function editRequest(db: Db, actor: Actor, id: number, input: EditHelpRequest, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const r = await lockOwn(trx, actor, id);
    if (r.status === 'withdrawn' || r.status === 'resolved') throw conflict('helpRequest.closed');
    const changed = Object.keys(input).filter((k) => input[k as keyof EditHelpRequest] !== undefined);
    if (changed.length === 0) throw badRequest('helpRequest.nothingToChange');
    if (input.visibility === 'secretary' && q.isCellSecretary(actor, Number(r.cell_id)))
      throw badRequest('helpRequest.ownSecretary', { details: { field: 'visibility' } });
    await trx
      .updateTable('help_requests')
      .set({
        subject: input.subject ?? r.subject,
        text: input.text ?? r.text,
        visibility: input.visibility ?? r.visibility,
        updated_at: sql`now()`,
      })
      .where('cell_id', '=', r.cell_id)
      .where('id', '=', r.id)
      .execute();
    await audit(trx, actor, 'edit', r.id, { visibility: r.visibility }, { changed, visibility: input.visibility ?? r.visibility });
    await refresh(trx, r.cell_id, today);
    return readOne(trx, actor, r.id);
  });
}

/** The asker's own status changes: withdraw (any time before), confirm an answer, reopen after one. */
const OWN_MOVES = {
  withdraw: { from: ['open', 'answered', 'resolved'], to: 'withdrawn' },
  confirm: { from: ['answered'], to: 'resolved' },
  reopen: { from: ['answered', 'resolved'], to: 'open' },
} as const satisfies Record<string, { from: readonly HelpRequestStatus[]; to: HelpRequestStatus }>;

export function moveOwnRequest(db: Db, actor: Actor, id: number, move: keyof typeof OWN_MOVES, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const r = await lockOwn(trx, actor, id);
    const { from, to } = OWN_MOVES[move];
    if (r.status === to && move === 'withdraw') return readOne(trx, actor, r.id);
    if (!(from as readonly string[]).includes(r.status)) {
      if (r.status === 'withdrawn') throw conflict('helpRequest.withdrawn');
      throw conflict('helpRequest.wrongStatus', { params: { status: r.status } });
    }
    await setStatus(trx, r, to, today);
    await audit(trx, actor, move, r.id, { status: r.status }, { status: to });
    await refresh(trx, r.cell_id, today);
    return readOne(trx, actor, r.id);
  });
}

/**
 * An answer: the cell's secretary (answered or resolved), or on a shared request a member on the roll
 * (a reply: answered only). The asker does not answer their own request.
 */
export function answerRequest(db: Db, actor: Actor, id: number, input: AnswerHelpRequest, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const { r, mine, asSecretary } = await lockVisible(trx, actor, id);
    if (mine) throw forbidden('helpRequest.ownRequest');
    if (r.status === 'withdrawn') throw conflict('helpRequest.withdrawn');
    if (r.status === 'resolved') throw conflict('helpRequest.closed');
    if (r.subject === null) throw conflict('helpRequest.erased');
    if (!asSecretary && input.status === 'resolved') throw forbidden('helpRequest.onlySecretaryResolves');
    const answer = await trx
      .insertInto('help_answers')
      .values({ cell_id: r.cell_id, request_id: r.id, person_id: actor.personId, by_secretary: asSecretary, text: input.text })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (r.status !== input.status || r.first_answered_on === null) await setStatus(trx, r, input.status, today, true);
    await audit(
      trx,
      actor,
      'answer',
      r.id,
      { status: r.status },
      { status: input.status, answerId: Number(answer.id), bySecretary: asSecretary },
    );
    await refresh(trx, r.cell_id, today);
    return readOne(trx, actor, r.id);
  });
}
