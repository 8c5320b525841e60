/** Kinds of meeting are data: an organization adds its own or renames the defaults (administrators). */
import { z } from 'zod';
import type { Actor } from '../../access/actor.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { recordAudit } from '../audit/service.ts';

export const SaveMeetingKindSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and dashes').max(40),
  nameEn: z.string().trim().min(1).max(100),
  nameKo: z.string().trim().min(1).max(100),
  /** Share of the roll that must be present; null for no quorum rule. */
  quorum: z.number().gt(0).max(1).nullable().default(null),
}).strict();

export function saveMeetingKind(db: Db, actor: Actor, input: z.infer<typeof SaveMeetingKindSchema>) {
  return inTransaction(db, async (trx) => {
    if (!actor.all) throw notFound('Not found');
    const before = await trx.selectFrom('meeting_kinds').selectAll().where('code', '=', input.code).executeTakeFirst();
    const position = before?.position ?? Number((await trx.selectFrom('meeting_kinds').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst())?.p ?? 0) + 1;
    await trx.insertInto('meeting_kinds').values({ code: input.code, name_en: input.nameEn, name_ko: input.nameKo, position, quorum: input.quorum })
      .onConflict((oc) => oc.column('code').doUpdateSet({ name_en: input.nameEn, name_ko: input.nameKo, quorum: input.quorum })).execute();
    await recordAudit(trx, actor, { action: 'meeting-kind.save', entity: 'meeting_kind', entityId: input.code, before: before ?? null, after: input });
    return input;
  });
}
