/**
 * The competency framework (decision 0027): the centre's traits, each with a title and a description of
 * the conduct it means in the role, in English and Korean. Administrators add, edit, reorder and retire
 * them; a retired trait takes no new ratings and leaves the averages, its past ratings stay.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { requireCentralAdministrator } from '../../access/policies.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import type { SecretaryTraitsTable } from '../../db/types.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import type { CreateTrait, EditTrait, SecretaryTrait } from '../../../shared/schemas/secretary.ts';
import { recordAudit } from '../audit/service.ts';

export type Language = 'en' | 'ko';
type TraitRow = Omit<SecretaryTraitsTable, 'id'> & { id: number };

export const languageOf = (acceptLanguage: string | undefined): Language =>
  acceptLanguage?.trim().toLowerCase().startsWith('ko') ? 'ko' : 'en';

export function toTrait(r: TraitRow, lang: Language): SecretaryTrait {
  return {
    id: Number(r.id),
    code: r.code,
    title: lang === 'ko' ? r.title_ko : r.title_en,
    description: lang === 'ko' ? r.description_ko : r.description_en,
    titleEn: r.title_en,
    titleKo: r.title_ko,
    descriptionEn: r.description_en,
    descriptionKo: r.description_ko,
    position: r.position,
    retired: r.retired_at !== null,
  };
}

/** The traits in their order: live ones only, or with the retired ones after them. */
export async function selectTraits(db: Db, withRetired = false): Promise<TraitRow[]> {
  let q = db.selectFrom('secretary_traits').selectAll().orderBy(sql`retired_at is not null`).orderBy('position').orderBy('id');
  if (!withRetired) q = q.where('retired_at', 'is', null);
  return (await q.execute()) as TraitRow[];
}

export async function listTraits(db: Db, actor: Actor, lang: Language, retired: 'include' | 'exclude' = 'exclude') {
  if (retired === 'include') requireCentralAdministrator(actor);
  return { items: (await selectTraits(db, retired === 'include')).map((r) => toTrait(r, lang)) };
}

const audit = (db: Db, actor: Actor, action: string, id: number | null, before: unknown, after: unknown) =>
  recordAudit(db, actor, { action: `secretary_trait.${action}`, entity: 'secretary_trait', entityId: id, unitId: null, before, after });

async function readTrait(db: Db, id: number, lang: Language) {
  const row = await db.selectFrom('secretary_traits').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('secretaryTrait.notFound');
  return toTrait(row as TraitRow, lang);
}

export function createTrait(db: Db, actor: Actor, input: CreateTrait, lang: Language) {
  return inTransaction(db, async (trx) => {
    requireCentralAdministrator(actor);
    const taken = await trx.selectFrom('secretary_traits').select('id').where('code', '=', input.code).executeTakeFirst();
    if (taken) throw conflict('secretaryTrait.codeTaken');
    const row = await trx
      .insertInto('secretary_traits')
      .values({
        code: input.code,
        title_en: input.titleEn,
        title_ko: input.titleKo,
        description_en: input.descriptionEn,
        description_ko: input.descriptionKo,
        position: sql<number>`coalesce((select max(position) from secretary_traits), 0) + 1`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'create', Number(row.id), null, input);
    return readTrait(trx, Number(row.id), lang);
  });
}

export function editTrait(db: Db, actor: Actor, id: number, input: EditTrait, lang: Language) {
  return inTransaction(db, async (trx) => {
    requireCentralAdministrator(actor);
    const before = await trx.selectFrom('secretary_traits').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('secretaryTrait.notFound');
    if (Object.values(input).every((v) => v === undefined)) throw badRequest('secretaryTrait.nothingToChange');
    const wasRetired = before.retired_at !== null;
    await trx
      .updateTable('secretary_traits')
      .set({
        title_en: input.titleEn ?? before.title_en,
        title_ko: input.titleKo ?? before.title_ko,
        description_en: input.descriptionEn ?? before.description_en,
        description_ko: input.descriptionKo ?? before.description_ko,
        ...(input.retired === undefined || input.retired === wasRetired
          ? {}
          : input.retired
            ? { retired_at: sql<Date>`now()` }
            : { retired_at: null, position: sql<number>`coalesce((select max(position) from secretary_traits), 0) + 1` }),
      })
      .where('id', '=', id)
      .execute();
    await audit(trx, actor, input.retired === true && !wasRetired ? 'retire' : 'edit', id, { retired: wasRetired }, input);
    return readTrait(trx, id, lang);
  });
}

/** A new order of the live traits: every live trait's id, once. */
export function reorderTraits(db: Db, actor: Actor, ids: number[], lang: Language) {
  return inTransaction(db, async (trx) => {
    requireCentralAdministrator(actor);
    const live = (await trx.selectFrom('secretary_traits').select('id').where('retired_at', 'is', null).forUpdate().execute()).map((r) =>
      Number(r.id),
    );
    const given = new Set(ids);
    if (given.size !== ids.length || given.size !== live.length || live.some((id) => !given.has(id)))
      throw badRequest('secretaryTrait.badOrder');
    await sql`update secretary_traits t set position = o.n from unnest(${ids}::bigint[]) with ordinality as o(id, n) where t.id = o.id`.execute(
      trx,
    );
    await audit(trx, actor, 'reorder', null, null, { ids });
    return { items: (await selectTraits(trx)).map((r) => toTrait(r, lang)) };
  });
}
