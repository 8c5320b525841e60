/**
 * Round trips per request: every statement a request sends is a wait on the database, and on the
 * cheapest reads they are most of the request's time (bench floor). These pin the count, not the time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  });
});
