/**
 * A directive's attachments (issue 11): added and removed only while it is a draft, by whoever may edit
 * it; read by anyone who may read the directive (its recipients included). The bytes live in a bytea
 * column beside their row, so an upload is stored whole in one transaction or not at all. The type is
 * decided by the file's own bytes (PDF, PNG, JPEG, UTF-8 text), never by its name or declared type.
 */
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import type { Actor } from '../../access/actor.ts';
import { requireDirective } from '../../access/directives.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { AppError, badRequest, conflict, notFound } from '../../errors.ts';
import { ATTACHMENTS_PER_DIRECTIVE, type DirectiveAttachment } from '../../../shared/schemas/directives.ts';
import { recordAudit } from '../audit/service.ts';
import { lockDraft } from './service.ts';

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);
// Text that a browser would take for markup is refused even as text/plain: no HTML, SVG or XML passes as "text".
const MARKUP = /^\s*<(!doctype|html|head|body|script|svg|iframe|\?xml|!--)/i;
// Control characters other than tab, newline, form feed and carriage return mark a binary file.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const BINARY = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

/** The type the bytes show, or null when they are none of the allowed ones. */
export function sniffType(buf: Buffer): string | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (isUtf8(buf)) {
    const text = buf.toString('utf8').replace(/^\uFEFF/, '');
    if (!BINARY.test(text) && !MARKUP.test(text)) return 'text/plain; charset=utf-8';
  }
  return null;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them
const CONTROL_OR_QUOTE = /[\u0000-\u001F\u007F"]/g;

/** A file name safe to store and show: its last path part, no control characters, at most 255 characters. */
export function safeFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(CONTROL_OR_QUOTE, '').trim().slice(0, 255);
  return clean === '' || clean === '.' || clean === '..' ? 'attachment' : clean;
}

/** Content-Disposition for a download: an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/[\\"]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export async function listAttachments(db: Db, directiveId: number): Promise<DirectiveAttachment[]> {
  const rows = await db
    .selectFrom('directive_attachments')
    .select(['id', 'file_name', 'content_type', 'size_bytes'])
    .where('directive_id', '=', directiveId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), fileName: r.file_name, contentType: r.content_type, sizeBytes: r.size_bytes }));
}

/** Attaches one file to a draft: the type checked by its bytes, the count by the locked draft's rows, all in one transaction. */
export async function addAttachment(
  db: Db,
  actor: Actor,
  directiveId: number,
  file: { fileName: string | undefined; content: Buffer },
): Promise<DirectiveAttachment> {
  if (file.content.length === 0) throw badRequest('attachment.empty');
  const contentType = sniffType(file.content);
  if (!contentType) throw new AppError('unsupported_media_type', 'attachment.typeNotAllowed');
  const fileName = safeFileName(file.fileName);
  return inTransaction(db, async (trx) => {
    const d = await lockDraft(trx, actor, directiveId);
    const { n } = await trx
      .selectFrom('directive_attachments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('directive_id', '=', directiveId)
      .executeTakeFirstOrThrow();
    if (Number(n) >= ATTACHMENTS_PER_DIRECTIVE) {
      throw conflict('attachment.tooMany', { params: { max: ATTACHMENTS_PER_DIRECTIVE } });
    }
    const row = await trx
      .insertInto('directive_attachments')
      .values({
        directive_id: directiveId,
        file_name: fileName,
        content_type: contentType,
        size_bytes: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        content: file.content,
        created_by: actor.accountId || null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'directive.attach',
      entity: 'directive',
      entityId: directiveId,
      after: { attachmentId: Number(row.id), fileName, contentType, sizeBytes: file.content.length },
      unitId: d.issuing_unit_id,
    });
    return { id: Number(row.id), fileName, contentType, sizeBytes: file.content.length };
  });
}

/** The file, for anyone who may read the directive; 404 otherwise or when it is not one of its attachments. */
export async function getAttachment(db: Db, actor: Actor, directiveId: number, attachmentId: number) {
  await requireDirective(db, actor, directiveId);
  const row = await db
    .selectFrom('directive_attachments')
    .select(['file_name', 'content_type', 'content'])
    .where('directive_id', '=', directiveId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!row) throw notFound('attachment.notFound');
  return { fileName: row.file_name, contentType: row.content_type, content: row.content };
}

/** Removes an attachment from a draft. */
export async function deleteAttachment(db: Db, actor: Actor, directiveId: number, attachmentId: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const d = await lockDraft(trx, actor, directiveId);
    const gone = await trx
      .deleteFrom('directive_attachments')
      .where('directive_id', '=', directiveId)
      .where('id', '=', attachmentId)
      .returning(['file_name'])
      .executeTakeFirst();
    if (!gone) throw notFound('attachment.notFound');
    await recordAudit(trx, actor, {
      action: 'directive.detach',
      entity: 'directive',
      entityId: directiveId,
      before: { attachmentId, fileName: gone.file_name },
      unitId: d.issuing_unit_id,
    });
  });
}
