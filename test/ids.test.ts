/** Ids are read only in their canonical decimal form: every other spelling of 397 is a 400, on every route. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const BAD_IDS = ['%20397', '0x18d', '397.0', '0.397e3', '+397', '0397', '-397', '0', '9007199254740993', '1e3', '397%20'];

describe('canonical ids', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
  });
  afterAll(async () => {
    await t.close();
  });

  it('every route with an :id answers 400 to each non-canonical spelling', async () => {
    const routes = t.app.routeTable.filter((r) => r.url.includes(':id'));
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      for (const bad of BAD_IDS) {
        const url = route.url.replace(':id', bad).replace(':period', '2026-01');
        const res = await admin.request(route.method as 'GET', url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
        expect(res.status, `${route.method} ${url}`).toBe(400);
        expect(res.body.error.code, `${route.method} ${url}`).toBe('validation_failed');
      }
    }
  });

  it('the canonical form is read, in paths and in bodies', async () => {
    expect((await admin.get(`/api/v1/units/${org.cellA1a.id}`)).status).toBe(200);
    const made = await admin.post('/api/v1/units', { parentId: org.districtA1.id, kind: 'cell', name: 'Ids', code: 'IDS-1' });
    expect(made.status).toBe(201);
  });

  it('body ids: a string must be canonical too, and a number must be a whole positive one', async () => {
    for (const parentId of ['0x18d', ' 12', '012', '+12', '12.0', 12.5, -3, 0]) {
      const res = await admin.post('/api/v1/units', { parentId, kind: 'cell', name: 'Bad id', code: 'IDS-BAD' });
      expect(res.status, String(parentId)).toBe(400);
      expect(res.body.error.details[0].path).toContain('parentId');
    }
    const res = await admin.post('/api/v1/units', { parentId: String(org.districtA1.id), kind: 'cell', name: 'Ids 2', code: 'IDS-2' });
    expect(res.status).toBe(201);
  });
});
