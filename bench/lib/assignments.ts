/**
 * Assignments for the benches (issue 12), generated set-based from the rolls: for about 70 % of the
 * members on a roll, one to three assignments given over the last three months, a third done (most of
 * those evaluated), a third in progress with a report, the rest open; and members signed in over the
 * API for the home bench. Idempotent on a kept database (generated once, marked by their title).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';
import { hashToken } from '../../src/server/http/auth.ts';
import type { BenchApp } from './app.ts';

const TITLE = 'Bench work';

/** Generates the assignments unless they exist; returns how many there are and the seconds it took. */
export async function ensureAssignments(pool: pg.Pool): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  const { rows } = await pool.query<{ n: string }>('select count(*) as n from assignments where title = $1', [TITLE]);
  if (Number(rows[0]!.n) === 0) {
    await pool.query(
      `insert into assignments (cell_id, person_id, title, done_when, due_on, status, percent, given_on, closed_on, score, evaluated_on)
       select m.cell_id, m.person_id, $1, 'Reported at the next meeting', w.given_on + 21, w.status,
         case w.status when 'done' then 100 when 'in_progress' then 50 else 0 end, w.given_on,
         case when w.status = 'done' then w.given_on + 14 end,
         case when w.status = 'done' and w.h % 4 <> 0 then 1 + w.h % 5 end,
         case when w.status = 'done' and w.h % 4 <> 0 then w.given_on + 15 end
       from memberships m
       cross join lateral generate_series(1, 1 + abs(hashtext(m.person_id::text)) % 3) k
       cross join lateral (select abs(hashtext(m.person_id::text || ':' || k)) as h) x
       cross join lateral (select current_date - (x.h % 90) as given_on, x.h,
         (array['open', 'in_progress', 'done'])[1 + x.h % 3] as status) w
       where m.to_date is null and abs(hashtext(m.person_id::text)) % 10 < 7`,
      [TITLE],
    );
    await pool.query(
      `insert into assignment_reports (cell_id, assignment_id, status, percent, note)
       select cell_id, id, 'in_progress', 50, 'Half done' from assignments where status = 'in_progress' and title = $1`,
      [TITLE],
    );
    await pool.query('analyze assignments; analyze assignment_reports');
  }
  const { rows: after } = await pool.query<{ n: string }>('select count(*) as n from assignments where title = $1', [TITLE]);
  return { rows: Number(after[0]!.n), seconds: (performance.now() - started) / 1000 };
}

export type MemberSession = { personId: number; cookie: string };

/**
 * `n` members on a roll (picked by a hash, so the same ones each run), each with an account and a
 * session, inserted directly: hashing passwords is not the subject.
 */
export async function memberSessions(app: BenchApp, n: number): Promise<MemberSession[]> {
  const { rows } = await sql<{ person_id: string; cell_id: string }>`select m.person_id, m.cell_id from memberships m
    where m.to_date is null order by md5(m.person_id::text) limit ${n}`.execute(app.ctx.db);
  const sessions: MemberSession[] = [];
  for (const r of rows) {
    const login = `home-bench-${r.person_id}-${Date.now()}@bench`;
    const token = randomBytes(32).toString('base64url');
    await app.ctx.db.transaction().execute(async (trx) => {
      const account = await trx
        .insertInto('accounts')
        .values({ login, password_hash: 'not-a-hash', person_id: Number(r.person_id) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('grants')
        .values({ account_id: account.id, role: 'member', access: 'read', unit_id: Number(r.cell_id) })
        .execute();
      await trx
        .insertInto('sessions')
        .values({
          account_id: account.id,
          token_hash: hashToken(token),
          csrf_token: randomBytes(16).toString('hex'),
          expires_at: new Date(Date.now() + 86_400_000),
        })
        .execute();
    });
    sessions.push({ personId: Number(r.person_id), cookie: `cw_session=${token}` });
  }
  return sessions;
}
