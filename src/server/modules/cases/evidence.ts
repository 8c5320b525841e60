/**
 * Evidence on a case: the reporter's (while the case awaits a decision) and the subject's (once
 * notified, until the case closes). The same storage and limits as directive attachments (decision
 * 0020): bytes checked by their type, 10 MB a file, and at most as many files a side as a directive takes.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { AppError, badRequest, conflict, forbidden } from '../../errors.ts';
import { ATTACHMENTS_PER_DIRECTIVE } from '../../../shared/schemas/directives.ts';
import type { CaseEvidence } from '../../../shared/schemas/cases.ts';
import { safeFileName, sniffType } from '../directives/attachments.ts';
import { requireCase } from './access.ts';

/** Files a side (reporter, subject) may add to one case: the directive's limit. */
export const EVIDENCE_PER_SIDE = ATTACHMENTS_PER_DIRECTIVE;

/** The reporter's own case, locked: they add evidence without being able to read the case. */
async function lockOwnReport(db: Db, actor: Actor, id: number) {
  const { rows } = await sql<{ status: string }>`select status from cases
    where id = ${id} and purged_at is null and reporter_account_id = ${actor.accountId} for update`.execute(db);
  return rows[0];
}

export async function addEvidence(
  db: Db,
  actor: Actor,
  id: number,
  file: { fileName: string | undefined; content: Buffer },
): Promise<CaseEvidence> {
  if (file.content.length === 0) throw badRequest('attachment.empty');
  const contentType = sniffType(file.content);
  if (!contentType) throw new AppError('unsupported_media_type', 'attachment.typeNotAllowed');
  const fileName = safeFileName(file.fileName);
  return inTransaction(db, async (trx) => {
    let side: 'reporter' | 'subject';
    const own = await lockOwnReport(trx, actor, id);
    if (own) {
      side = 'reporter';
      if (own.status !== 'received' && own.status !== 'open') throw conflict('case.evidenceClosed');
    } else {
      const c = await requireCase(trx, actor, id, { lock: true });
      if (c.viewer_role !== 'subject') throw forbidden('case.onlySubject');
      side = 'subject';
      if (!['open', 'decided', 'appealed'].includes(c.status)) throw conflict('case.evidenceClosed');
    }
    const { rows: count } = await sql<{ n: number }>`select count(*)::int as n from case_evidence
      where case_id = ${id} and added_by_role = ${side}`.execute(trx);
    if (count[0]!.n >= EVIDENCE_PER_SIDE) throw conflict('case.evidenceTooMany', { params: { max: EVIDENCE_PER_SIDE } });
    const { rows } = await sql<{ id: number; addedAt: string }>`insert into case_evidence
        (case_id, added_by_role, file_name, content_type, size_bytes, sha256, content)
      values (${id}, ${side}, ${fileName}, ${contentType}, ${file.content.length},
        ${createHash('sha256').update(file.content).digest('hex')}, ${file.content})
      returning id, to_json(added_at) #>> '{}' as "addedAt"`.execute(trx);
    return { id: rows[0]!.id, fileName, contentType, sizeBytes: file.content.length, addedBy: side, addedAt: rows[0]!.addedAt };
  });
}
