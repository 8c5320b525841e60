/** Directives for tests that need one published without a job queue: the same fan-out the job runs, run here. */
import { sql } from 'kysely';
import { systemActor } from '../../src/server/access/actor.ts';
import type { Database } from '../../src/server/db/database.ts';
import { runFanOut } from '../../src/server/modules/directives/fanout.ts';
import { createDirective } from '../../src/server/modules/directives/service.ts';
import type { DirectiveTarget } from '../../src/shared/schemas/directives.ts';

export async function buildDirective(db: Database, issuingUnitId: number, target: DirectiveTarget, title = 'A directive') {
  return createDirective(db, systemActor(), { title, body: '<p>Text</p>', target, acknowledgeWithinDays: 7, issuingUnitId });
}

/** Publishes as publishDirective does (round 1, deadline in UTC) and runs the fan-out to its end in this process. */
export async function publishNow(db: Database, id: number, opts: { withinDays?: number | null; batchCells?: number } = {}) {
  await sql`update directives set status = 'published', published_at = now() where id = ${id}`.execute(db);
  const days = opts.withinDays === undefined ? 7 : opts.withinDays;
  await sql`insert into directive_rounds (directive_id, round, deadline_on, deadline)
    select ${id}::bigint, 1, day, (day + 1)::timestamp at time zone 'UTC'
    from (select case when ${days}::int is null then null else current_date + ${days}::int end as day) x`.execute(db);
  await runFanOut(db, id, 1, { batchCells: opts.batchCells ?? 100, pauseMs: 0 });
}

export async function buildPublishedDirective(db: Database, issuingUnitId: number, target: DirectiveTarget, title?: string) {
  const d = await buildDirective(db, issuingUnitId, target, title);
  await publishNow(db, d.id);
  return d;
}

/** A multipart/form-data body with one file part. */
export function multipartFile(fileName: string, content: Buffer, declaredType = 'application/octet-stream') {
  const boundary = `----cellwork${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${declaredType}\r\n\r\n`,
      'utf8',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
