/**
 * Importing members from CSV: streamed (any size, memory bounded), every bad line reported with its
 * number and reason, and all-or-nothing: the rows are COPYed into a temporary table inside one
 * transaction and merged set-based only when no line is bad. Progress is written outside that
 * transaction so a progress bar can follow it; a crash rolls everything back, and the import's advisory
 * lock (liveness.ts) lets any reader, and the next start, tell that it was interrupted.
 */
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import type pg from 'pg';
import { storedAccountId, type Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import { databaseOnClient, type Database } from '../../db/database.ts';
import { refreshFacts } from '../compliance/engine.ts';
import { deliverToNewMembers } from '../directives/fanout.ts';
import { AppError, badRequest, conflict, notFound } from '../../errors.ts';
import type { ImportStatus } from '../../../shared/schemas/imports.ts';
import { MAX_LINE_CHARS, checkHeader, copyValue, validateRow } from './csv-rows.ts';
import { CREATE_STAGING, copyIntoStaging, mergeRows, resolveRows, type LineError } from './staging.ts';
import { claimImport, releaseImport } from './liveness.ts';
import { getImportStatus, saveProgress, type Progress } from './progress.ts';

const MAX_KEPT_ERRORS = 1000;

export type ImportRequest = {
  importId: string;
  unitId: number;
  source: Readable;
  totalBytes: number | null;
  /** Called about once a second with the running figures (the CLI draws its bar from it). */
  onProgress?: (p: Progress) => void;
};

export async function importMembers(db: Database, pool: pg.Pool, actor: Actor, req: ImportRequest): Promise<ImportStatus> {
  const unit = await findUnitInScope(db, actor, req.unitId, 'manage');
  if (!unit) throw notFound('unit.notFound');
  if (unit.closed_on) throw conflict('unit.closed');
  const existing = await db.selectFrom('imports').select('id').where('id', '=', req.importId).executeTakeFirst();
  if (existing) throw conflict('import.idTaken');
  const client = await pool.connect();
  // Claimed before the row says running, let go after it says how it ended (see liveness.ts).
  if (
    !(await claimImport(client, req.importId).catch((err: unknown) => {
      client.release(true);
      throw err;
    }))
  ) {
    client.release();
    throw conflict('import.idTaken');
  }
  const progress: Progress = { linesRead: 0, bytesRead: 0, errors: [], errorCount: 0, startedAt: Date.now() };
  let timer: NodeJS.Timeout | undefined;
  try {
    const inserted = await db
      .insertInto('imports')
      .values({
        id: req.importId,
        unit_id: unit.id,
        account_id: storedAccountId(actor),
        status: 'running',
        total_bytes: req.totalBytes,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw conflict('import.idTaken');
    timer = setInterval(() => {
      req.onProgress?.(progress);
      void saveProgress(db, req.importId, progress).catch(() => undefined);
    }, 1000);
    return await runImport(db, client, actor, unit, req, progress);
  } finally {
    clearInterval(timer);
    await releaseImport(client, req.importId);
  }
}

async function runImport(
  db: Database,
  client: pg.PoolClient,
  actor: Actor,
  unit: { id: number; kind: string; path: string },
  req: ImportRequest,
  progress: Progress,
): Promise<ImportStatus> {
  try {
    await client.query('begin');
    await client.query(CREATE_STAGING);
    await streamIntoStaging(client, req.source, progress);
    addErrors(progress, await resolveRows(client, { id: unit.id, kind: unit.kind, path: unit.path }, actor));
    if (progress.errorCount > 0) {
      await client.query('rollback');
      // The checks report in passes (fields while reading, then each database check); the report reads by line.
      progress.errors.sort((a, b) => a.line - b.line);
      await saveProgress(db, req.importId, progress, { status: 'rejected' });
      const status = await getImportStatus(db, req.importId);
      throw new AppError('import_rejected', 'import.rejected', { params: { count: progress.errorCount }, details: status });
    }
    const today = new Date().toISOString().slice(0, 10);
    const counts = await mergeRows(client, storedAccountId(actor), today);
    // People who joined or moved to a cell receive the published directives targeting it (issue 11).
    const { rows: joined } = await client.query<{ person_id: string }>(
      'select person_id from import_rows where old_cell_id is null or old_cell_id <> cell_id',
    );
    await deliverToNewMembers(
      databaseOnClient(client),
      joined.map((r) => Number(r.person_id)),
    );
    await refreshMovedRolls(client, today);
    await client.query(
      `insert into audit_log (account_id, action, entity, entity_id, after) values ($1, 'import.members', 'unit', $2, $3)`,
      [storedAccountId(actor), String(unit.id), JSON.stringify({ importId: req.importId, lines: progress.linesRead, ...counts })],
    );
    await client.query('commit');
    await saveProgress(db, req.importId, progress, { status: 'done', ...counts });
    req.onProgress?.(progress);
    return await getImportStatus(db, req.importId);
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    if (!(err instanceof AppError && err.code === 'import_rejected')) {
      await saveProgress(db, req.importId, progress, { status: 'failed', message: describe(err) }).catch(() => undefined);
    }
    throw err;
  }
}

/** Above this many cells a changed roll waits for the nightly rebuild of the month (about a second of refresh per 10,000 cells). */
const MAX_REFRESHED_CELLS = 10_000;

/**
 * The rolls the import changed move the figures read over a cell's members (education's share with a
 * learning plan): the cells that gained or lost members are refreshed in the import's transaction, as
 * a transfer by hand does. A first load of a whole organization is left to the nightly rebuild.
 */
async function refreshMovedRolls(client: pg.PoolClient, today: string): Promise<void> {
  const { rows } = await client.query<{ id: string }>(`select cell_id as id from import_rows where old_cell_id is distinct from cell_id
    union select old_cell_id from import_rows where old_cell_id is not null and old_cell_id <> cell_id`);
  if (rows.length === 0 || rows.length > MAX_REFRESHED_CELLS) return;
  await refreshFacts(
    databaseOnClient(client),
    rows.map((r) => Number(r.id)),
    [{ fact: 'memberships', on: today }],
  );
}

function addErrors(progress: Progress, errors: LineError[]): void {
  progress.errorCount += errors.length;
  for (const e of errors) if (progress.errors.length < MAX_KEPT_ERRORS) progress.errors.push(e);
}

async function streamIntoStaging(client: pg.PoolClient, source: Readable, progress: Progress): Promise<void> {
  let header: string[] | undefined;
  // Refuses bytes that are not UTF-8 rather than reading them as U+FFFD (decision 0012); a sequence may
  // straddle two chunks, so the decoder streams, and an unfinished one at the end is refused too.
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const notUtf8 = () => badRequest('import.notUtf8');
  const countBytes = new Transform({
    transform(chunk: Buffer, _enc, done) {
      progress.bytesRead += chunk.length;
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        return done(notUtf8());
      }
      done(null, chunk);
    },
    flush(done) {
      try {
        utf8.decode();
      } catch {
        return done(notUtf8());
      }
      done();
    },
  });
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
    max_record_size: MAX_LINE_CHARS,
    columns: (h: string[]) => {
      header = h.map((c) => c.trim().toLowerCase());
      const problem = checkHeader(header);
      if (problem) throw problem;
      return header;
    },
  });
  const toCopyLines = new Transform({
    objectMode: true,
    transform(item: { record: Record<string, string>; info: { lines: number; index: number } }, _enc, done) {
      const line = item.info.lines;
      progress.linesRead += 1;
      // The fields read, not the record's keys: fields past the header's last column are dropped from the record.
      const width = item.info.index;
      if (header && width !== header.length) {
        addErrors(progress, [
          { line, code: 'field_count', field: null, value: String(width), message: `expected ${header.length} fields, found ${width}` },
        ]);
        return done();
      }
      const result = validateRow(item.record);
      if ('errors' in result) {
        addErrors(
          progress,
          result.errors.map((e) => ({ line, ...e })),
        );
        return done();
      }
      // Good lines are staged even after a bad one, so the checks against the database (cells, duplicates,
      // people elsewhere) report their problems in the same answer; a file with any problem is rolled back.
      const r = result.row;
      done(
        null,
        `${(
          [line, r.member_no, r.full_name, r.email, r.phone, r.birth_year, r.workplace, r.joined_on, r.role, r.cell_code] as Array<
            string | number | null
          >
        )
          .map(copyValue)
          .join('\t')}\n`,
      );
    },
  });
  const copy = copyIntoStaging(client);
  // The request body is piped, not put in the pipeline: a failure destroys the pipeline's streams, and
  // destroying the request would reset the client's connection instead of letting it read the error.
  // What is left of a refused body is read and dropped, so the connection can serve its next request.
  source.once('error', (err) => countBytes.destroy(err));
  source.pipe(countBytes);
  try {
    await pipeline(countBytes, parser, toCopyLines, copy);
  } catch (err) {
    source.unpipe(countBytes);
    source.resume();
    if (err instanceof AppError) throw err;
    // Every parser refusal is the file's fault (a 400), whatever its code: not all of them start with CSV_.
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines;
    if (err.code === 'CSV_MAX_RECORD_SIZE')
      throw badRequest('input.lineTooLong', { params: { line: line ?? '?', max: MAX_LINE_CHARS }, details: { line } });
    throw badRequest('import.badCsv', { params: { line: line ?? '?', reason: err.message.slice(0, 200) }, details: { line } });
  }
  if (!header) throw new AppError('bad_request', 'import.emptyFile');
}

function describe(err: unknown): string {
  return err instanceof AppError ? err.message : 'the import stopped because of a server or connection error';
}
