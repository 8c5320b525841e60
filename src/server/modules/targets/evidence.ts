/**
 * Evidence on a progress report (issue 15; decision 0030): beside a link given with the report, one
 * uploaded file per report, through the shared upload route and checks of directive attachments and
 * case evidence (decision 0020: type by the bytes, 10 MB, never rendered inline). Whoever manages the
 * reporting unit attaches it (a second upload replaces the first, audited); whoever sees the report
 * downloads it.
 */
import { sql } from 'kysely';
import { canManagePath, canReadPath, type Actor } from '../../access/actor.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { AppError, badRequest, forbidden, notFound } from '../../errors.ts';
import type { UploadedFile } from '../../http/uploads.ts';
import { recordAudit } from '../audit/service.ts';
import { safeFileName, sniffType } from '../directives/attachments.ts';
import { maySeeTarget } from './access.ts';

type ReportRow = { id: number; unit_id: number; target_id: number; unit_path: string; target_path: string };

/** The report, seen by the actor (its target and its unit), or 404. */
async function seenReport(db: Db, actor: Actor, reportId: number, lock: boolean): Promise<ReportRow> {
  const { rows } = await sql<ReportRow>`
    select p.id::int as id, p.unit_id::int as unit_id, p.target_id::int as target_id, u.path::text as unit_path, tu.path::text as target_path
    from target_progress p join units u on u.id = p.unit_id join targets t on t.id = p.target_id join units tu on tu.id = t.unit_id
    where p.id = ${reportId} ${lock ? sql`for update of p` : sql``}`.execute(db);
  const r = rows[0];
  if (!r || !maySeeTarget(actor, r.target_path) || !canReadPath(actor, r.unit_path)) throw notFound('target.reportNotFound');
  return r;
}

/** Attaches a file to a report (replacing one attached before): the reporting unit's managers. */
export async function addReportEvidence(db: Db, actor: Actor, reportId: number, file: UploadedFile) {
  if (file.content.length === 0) throw badRequest('attachment.empty');
  const contentType = sniffType(file.content);
  if (!contentType) throw new AppError('unsupported_media_type', 'attachment.typeNotAllowed');
  const fileName = safeFileName(file.fileName);
  return inTransaction(db, async (trx) => {
    const r = await seenReport(trx, actor, reportId, true);
    if (!canManagePath(actor, r.unit_path)) throw forbidden('target.notYourUnit');
    await sql`
      update target_progress set evidence_file_name = ${fileName}, evidence_content_type = ${contentType},
        evidence_size = ${file.content.length}, evidence_content = ${file.content}
      where unit_id = ${r.unit_id} and id = ${r.id}`.execute(trx);
    const meta = { fileName, contentType, sizeBytes: file.content.length };
    await recordAudit(trx, actor, {
      action: 'target.evidence',
      entity: 'target',
      entityId: r.target_id,
      unitId: r.unit_id,
      after: { reportId, ...meta },
    });
    return meta;
  });
}

/** The report's evidence file, for whoever sees the report. */
export async function getReportEvidence(db: Db, actor: Actor, reportId: number) {
  const r = await seenReport(db, actor, reportId, false);
  const { rows } = await sql<{ file_name: string | null; content_type: string; content: Buffer }>`
    select evidence_file_name as file_name, evidence_content_type as content_type, evidence_content as content
    from target_progress where unit_id = ${r.unit_id} and id = ${r.id}`.execute(db);
  const f = rows[0];
  if (!f?.file_name) throw notFound('target.evidenceNotFound');
  return { fileName: f.file_name, contentType: f.content_type, content: f.content };
}
