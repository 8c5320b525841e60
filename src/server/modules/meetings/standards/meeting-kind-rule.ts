/** What the standards about one kind of meeting share: the kind they name must exist and not be retired. */
import type { Db } from '../../../db/database.ts';
import { badRequest } from '../../../errors.ts';

/** Runs under the rulebook lock, which retiring a kind also takes: no rule starts pointing at a retired kind. */
export async function requireLiveMeetingKind(trx: Db, params: { kind: string }): Promise<void> {
  const { kind } = params;
  const row = await trx
    .selectFrom('meeting_kinds')
    .select(['name_en', 'name_ko', 'retired_at'])
    .where('code', '=', kind)
    .executeTakeFirst();
  if (!row)
    throw badRequest('meetingKind.unknown', { params: { kind }, details: [{ path: 'body.params.kind', message: 'No such meeting kind' }] });
  if (row.retired_at) {
    throw badRequest('standard.kindRetired', {
      params: { kind, nameEn: row.name_en, nameKo: row.name_ko },
      details: [{ path: 'body.params.kind', message: 'This meeting kind is retired' }],
    });
  }
}
