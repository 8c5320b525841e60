import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { anonymous } from './helpers/client.ts';

describe('health and API documents', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports the database', async () => {
    const res = await anonymous(t.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(['embedded', 'external']).toContain(res.body.database.mode);
    expect(Number.parseFloat(res.body.database.version)).toBeGreaterThanOrEqual(15);
  });

  it('serves an OpenAPI document that lists the contract routes', async () => {
    const res = await anonymous(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/v1/session',
      '/api/v1/me',
      '/api/v1/units/{id}',
      '/api/v1/units/{id}/children',
      '/api/v1/units/{id}/members',
      '/api/v1/people/{id}',
    ]) {
      expect(Object.keys(res.body.paths)).toContain(p);
    }
  });

  it('asks an anonymous client to sign in before anything else under /api/v1', async () => {
    const res = await anonymous(t.app).get('/api/v1/nothing-here');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });
});

describe('the API docs page', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is served without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/swagger/i);
  });
});
