/**
 * Kinds of meeting are data: an organization adds its own, renames the defaults, orders them and retires
 * those it no longer holds (administrators). A kind is never deleted: meetings and standards refer to it
 * by code and history must stay readable; a retired kind is only refused for new meetings.
 */
import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { SaveMeetingKindSchema, MeetingKind } from '../../../shared/schemas/meetings.ts';
import type { Actor } from '../../access/actor.ts';
import { requireCentralAdministrator } from '../../access/policies.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import type { MeetingKindsTable } from '../../db/types.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/service.ts';
import { todayIso } from '../compliance/periods.ts';

/** The default standards and the quorum rule are written for this kind: it cannot be retired. */
const DEFAULT_KIND = 'general';

type KindRow = Selectable<MeetingKindsTable>;

const present = (k: KindRow): MeetingKind => ({
  code: k.code,
  nameEn: k.name_en,
  nameKo: k.name_ko,
  quorum: k.quorum,
  ...(k.retired_at ? { retired: true as const } : {}),
});

const orderedKinds = (db: Db) => db.selectFrom('meeting_kinds').selectAll().orderBy('position').orderBy('code').execute();

/** Every kind, retired ones included, in the administrators' order. */
export async function listMeetingKinds(db: Db): Promise<{ items: MeetingKind[] }> {
  return { items: (await orderedKinds(db)).map(present) };
}

/** Serializes the writes that read the order and rewrite it (adding a kind, moving one), so positions stay unique and dense. */
const lockOrder = (db: Db) => sql`select pg_advisory_xact_lock(hashtext('meeting-kinds'))`.execute(db);

export function saveMeetingKind(db: Db, actor: Actor, input: z.infer<typeof SaveMeetingKindSchema>) {
  return inTransaction(db, async (trx) => {
    requireCentralAdministrator(actor);
    await lockOrder(trx);
    const before = await trx.selectFrom('meeting_kinds').selectAll().where('code', '=', input.code).executeTakeFirst();
    const position =
      before?.position ??
      Number(
        (
          await trx
            .selectFrom('meeting_kinds')
            .select((eb) => eb.fn.max('position').as('p'))
            .executeTakeFirst()
        )?.p ?? 0,
      ) + 1;
    await trx
      .insertInto('meeting_kinds')
      .values({ code: input.code, name_en: input.nameEn, name_ko: input.nameKo, position, quorum: input.quorum })
      .onConflict((oc) => oc.column('code').doUpdateSet({ name_en: input.nameEn, name_ko: input.nameKo, quorum: input.quorum }))
      .execute();
    await recordAudit(trx, actor, {
      action: 'meeting-kind.save',
      entity: 'meeting_kind',
      entityId: input.code,
      before: before ?? null,
      after: input,
    });
    return input;
  });
}

/** Moves a kind one place up or down the list; at the top (or bottom) already, nothing changes. */
export function moveMeetingKind(db: Db, actor: Actor, code: string, direction: 'up' | 'down'): Promise<{ items: MeetingKind[] }> {
  return inTransaction(db, async (trx) => {
    requireCentralAdministrator(actor);
    await lockOrder(trx);
    const rows = await orderedKinds(trx);
    const from = rows.findIndex((k) => k.code === code);
    if (from < 0) throw notFound('meetingKind.notFound');
    const to = from + (direction === 'up' ? -1 : 1);
    if (to < 0 || to >= rows.length) return { items: rows.map(present) };
    const before = rows.map((k) => k.code);
    [rows[from], rows[to]] = [rows[to]!, rows[from]!];
    // One statement renumbers 1..n (the unique position is checked at its end), so the order stays dense.
    const changed = rows.flatMap((k, i) => (k.position === i + 1 ? [] : [sql`(${k.code}, ${i + 1}::int)`]));
    await sql`update meeting_kinds k set position = v.position from (values ${sql.join(changed)}) as v(code, position) where k.code = v.code`.execute(
      trx,
    );
    await recordAudit(trx, actor, {
      action: 'meeting-kind.move',
      entity: 'meeting_kind',
      entityId: code,
      before: { order: before },
      after: { order: rows.map((k) => k.code) },
    });
    return { items: rows.map(present) };
  });
}

/** Refuses to retire the default kind, or a kind the rulebook refers to today or later (a standard no cell could meet). */
async function checkRetirable(db: Db, kind: KindRow): Promise<void> {
  if (kind.code === DEFAULT_KIND) {
    throw badRequest('meetingKind.defaultKind', {
      params: { nameEn: kind.name_en, nameKo: kind.name_ko },
      details: { reason: 'default_kind' },
    });
  }
  const today = todayIso();
  const standards = await db
    .selectFrom('standards')
    .select(['code', 'title_en as titleEn', 'title_ko as titleKo'])
    .where(sql`params->>'kind'`, '=', kind.code)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', today)]))
    .orderBy('code')
    .orderBy('valid_from')
    .execute();
  if (standards.length === 0) return;
  const byCode = [...new Map(standards.map((s) => [s.code, s])).values()];
  const listed = (title: 'titleEn' | 'titleKo') => byCode.map((s) => `${s[title]} (${s.code})`).join('; ');
  throw conflict('meetingKind.usedByStandards', {
    params: { nameEn: kind.name_en, nameKo: kind.name_ko, standardsEn: listed('titleEn'), standardsKo: listed('titleKo') },
    details: { standards: byCode },
  });
}

function setRetired(db: Db, actor: Actor, code: string, retire: boolean): Promise<MeetingKind> {
  return inTransaction(db, async (trx) => {
    requireCentralAdministrator(actor);
    // Standards are saved under this lock: none starts referring to the kind between the check and the retirement.
    if (retire) await sql`select pg_advisory_xact_lock(hashtext('rulebook'))`.execute(trx);
    const before = await trx.selectFrom('meeting_kinds').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
    if (!before) throw notFound('meetingKind.notFound');
    if (retire) await checkRetirable(trx, before);
    if ((before.retired_at !== null) === retire) return present(before);
    const after = await trx
      .updateTable('meeting_kinds')
      .set({ retired_at: retire ? sql<Date>`now()` : null })
      .where('code', '=', code)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: retire ? 'meeting-kind.retire' : 'meeting-kind.restore',
      entity: 'meeting_kind',
      entityId: code,
      before,
      after,
    });
    return present(after);
  });
}

/** Retires a kind: existing meetings keep it, new meetings can no longer use it. */
export const retireMeetingKind = (db: Db, actor: Actor, code: string) => setRetired(db, actor, code, true);

/** Undoes a retirement: new meetings may use the kind again. */
export const restoreMeetingKind = (db: Db, actor: Actor, code: string) => setRetired(db, actor, code, false);
