/**
 * Round trips per request: every statement a request sends is a wait on the database, and on the
 * cheapest reads they are most of the request's time (bench floor). These pin the count, not the time.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materializePeriod, refreshFacts } from '../src/server/modules/compliance/engine.ts';
import { periodOf, todayIso } from '../src/server/modules/compliance/periods.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';
import { statementCounter } from './helpers/statements.ts';

describe('round trips per request', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let counter: ReturnType<typeof statementCounter>;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    await materializePeriod(t.ctx.db, periodOf(todayIso())); // so that saves refresh it
    counter = statementCounter(t.ctx.pool);
    for (const role of ['admin', 'secretary', 'member'] as const) {
      const a = org.accounts[role];
      as[role] = await signIn(t.app, a.login, a.password);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it("a signed-in GET /api/v1/people/{id} sends two statements: the session and the person's page", async () => {
    for (const role of ['admin', 'secretary', 'member'] as const) {
      let res: Awaited<ReturnType<Client['get']>> | undefined;
      const sent = await counter.during(async () => {
        res = await as[role]!.get(`/api/v1/people/${org.M.id}`);
      });
      expect(res!.status, role).toBe(200);
      expect(res!.body.memberships, role).toHaveLength(1);
      expect(sent, role).toHaveLength(2);
    }
  });

  it('a person out of scope is still 404 in the same two statements', async () => {
    let status = 0;
    const sent = await counter.during(async () => {
      status = (await as.secretary!.get(`/api/v1/people/${org.Q.id}`)).status;
    });
    expect(status).toBe(404);
    expect(sent).toHaveLength(2);
  });

  it('saving a roll reads the meeting, its roll and its details in one statement before the write, none after', async () => {
    const meeting = await buildMeeting(t.ctx.db, org.cellA1a.id, { title: 'Monthly' });
    await t.ctx.db
      .insertInto('agenda_items')
      .values({ cell_id: org.cellA1a.id, meeting_id: meeting.id, position: 0, title: 'Dues' })
      .execute();
    const records = meeting.roll.map((r) => ({ personId: r.personId, status: r.personId === org.P.id ? 'absent' : 'present' }));
    let res: Awaited<ReturnType<Client['get']>> | undefined;
    const sent = await counter.during(async () => {
      res = await as.secretary!.request('PUT', `/api/v1/meetings/${meeting.id}/attendance`, { records, version: meeting.version });
    });
    expect(res!.status).toBe(200);
    expect(res!.body).toMatchObject({
      status: 'held',
      version: meeting.version + 1,
      present: records.length - 1,
      agenda: [{ title: 'Dues' }],
    });
    const begin = sent.findIndex((q) => /^begin/i.test(q));
    const write = sent.findIndex((q) => q.includes('insert into attendance'));
    expect(begin).toBeGreaterThan(0);
    expect(write - begin).toBe(2); // begin, the locked read, the write
    expect(sent.slice(write + 1).filter((q) => q.includes('agenda_items'))).toEqual([]);
    // The engine's month locks rode on the locked read: after the write come the follow-ups, one refresh
    // statement (which hands plans back to PostgreSQL's choice itself, and queues the committees'
    // differences without touching their rows) and commit, nothing else.
    expect(sent[begin + 1]).toContain('pg_advisory_xact_lock_shared');
    const after = sent.slice(write + 1);
    expect(after).toHaveLength(3);
    expect(after[0]).toContain('insert into follow_ups');
    expect(after[1]).toContain('insert into cell_metrics');
    expect(after[1]).toContain('insert into rollup_deltas');
    expect(after[1]).not.toContain('unit_rollups');
    expect(after[1]).toContain("set_config('plan_cache_mode', 'auto', true)");
    expect(after[2]).toMatch(/^commit/i);
  });

  it('a refresh leaves the rest of its transaction on PostgreSQL’s own choice of plans', async () => {
    const modes = await t.ctx.db.transaction().execute(async (trx) => {
      await refreshFacts(trx, [org.cellA1a.id], [{ fact: 'meetings', on: todayIso() }]);
      const after = await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(trx);
      await refreshFacts(trx, [org.cellA1a.id], [{ fact: 'meetings', on: '1999-01-15' }]); // a month never built: nothing to refresh
      const none = await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(trx);
      return [after.rows[0]!.plan_cache_mode, none.rows[0]!.plan_cache_mode];
    });
    expect(modes).toEqual(['auto', 'auto']);
  });
});
