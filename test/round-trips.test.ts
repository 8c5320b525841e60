/**
 * Round trips per request: every statement a request sends is a wait on the database, and on the
 * cheapest reads they are most of the request's time (bench floor). These pin the count, not the time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
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
  afterAll(async () => { await t.close(); });

  it('a signed-in GET /api/v1/people/{id} sends two statements: the session and the person\'s page', async () => {
    for (const role of ['admin', 'secretary', 'member'] as const) {
      let res: Awaited<ReturnType<Client['get']>> | undefined;
      const sent = await counter.during(async () => { res = await as[role]!.get(`/api/v1/people/${org.M.id}`); });
      expect(res!.status, role).toBe(200);
      expect(res!.body.memberships, role).toHaveLength(1);
      expect(sent, role).toHaveLength(2);
    }
  });

  it('a person out of scope is still 404 in the same two statements', async () => {
    let status = 0;
    const sent = await counter.during(async () => { status = (await as.secretary!.get(`/api/v1/people/${org.Q.id}`)).status; });
    expect(status).toBe(404);
    expect(sent).toHaveLength(2);
  });
});
