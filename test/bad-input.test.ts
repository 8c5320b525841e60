/** Anything a client can send gets a clear 4xx with the error shape, never a 500 and never a partial write. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGE_KEYS, formatErrorMessage } from '../src/shared/error-messages.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildOrg, type Org } from './helpers/org.ts';

describe('bad input', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp({ jobs: true }); // publishing a directive a random body created sends its fan-out job
    org = await buildOrg(t.ctx.db);
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
  });
  afterAll(async () => {
    await t.close();
  });

  const counts = async () => {
    const [u, p, m] = await Promise.all(
      ['units', 'people', 'memberships'].map((tbl) =>
        t.ctx.db
          .selectFrom(tbl as 'units')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ),
    );
    return [u!.n, p!.n, m!.n].map(Number);
  };

  const expectError = (res: { status: number; body: any }, status: number) => {
    expect(res.status).toBe(status);
    expect(typeof res.body.error.code).toBe('string');
    expect(typeof res.body.error.message).toBe('string');
    // Every error is translatable: a known key, and the English message is that key's text.
    expect(ERROR_MESSAGE_KEYS).toContain(res.body.error.messageKey);
    expect(res.body.error.message).toBe(formatErrorMessage(res.body.error.messageKey, res.body.error.params));
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
    return res.body.error;
  };

  it('rejects malformed JSON', async () => {
    const res = await admin.request('POST', '/api/v1/units', '{"parentId": 1, "kind": ', { 'content-type': 'application/json' });
    expect(expectError(res, 400)).toMatchObject({ code: 'bad_request', messageKey: 'input.badJson' });
  });

  it('rejects wrong types, unknown fields, over-long strings and empty names', async () => {
    const before = await counts();
    const base = { parentId: org.districtA1.id, kind: 'cell', name: 'Valid', code: 'VALID-1' };
    for (const body of [
      { ...base, parentId: 'one' },
      { ...base, kind: 'branch' },
      { ...base, extra: true },
      { ...base, name: 'x'.repeat(201) },
      { ...base, name: '   ' },
      { ...base, code: 'has space' },
      { ...base, openedOn: '2024-02-30' },
      [base],
      null,
    ]) {
      expectError(await admin.post('/api/v1/units', body), 400);
    }
    expectError(await admin.post('/api/v1/people', { fullName: 'X', cellId: org.cellA1a.id, email: 'not-an-email' }), 400);
    expectError(await admin.post('/api/v1/people', { fullName: 'X', cellId: org.cellA1a.id, birthYear: 1800 }), 400);
    expect(await counts()).toEqual(before);
  });

  it('gives validation details that point at the field', async () => {
    const res = await admin.post('/api/v1/units', {
      parentId: org.districtA1.id,
      kind: 'cell',
      name: 'Valid',
      code: 'OK',
      sector: 'steel',
    });
    const error = expectError(res, 400);
    expect(error.details[0].path).toContain('sector');
    expect(error).toMatchObject({
      code: 'validation_failed',
      messageKey: 'request.invalidInputAt',
      params: { path: error.details[0].path },
    });
  });

  it('rejects bad ids and answers unknown ids with 404', async () => {
    for (const id of ['abc', '-1', '0', '1.5', '99999999999999999999', "1'; drop table units;--"]) {
      expectError(await admin.get(`/api/v1/units/${encodeURIComponent(id)}`), 400);
    }
    expect(expectError(await admin.get('/api/v1/units/987654321'), 404)).toEqual({
      code: 'not_found',
      message: 'No such unit',
      messageKey: 'unit.notFound',
    });
    expect(expectError(await admin.get('/api/v1/no-such-route'), 404)).toMatchObject({
      code: 'not_found',
      messageKey: 'request.noFileOrRoute',
    });
    expectError(await admin.get('/api/v1/people/987654321'), 404);
    expectError(await admin.get('/api/v1/units/1/children?limit=100000'), 400);
    expectError(await admin.get('/api/v1/units/1/children?bogus=1'), 400);
  });

  it('answers a NUL character in a query string with 400, not a database error', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const error = expectError(await admin.get(`/api/v1/units/${org.regionA.id}/compliance/cells?period=${month}&standard=a%00b`), 400);
    expect(error.messageKey).toBe('db.wrongForm');
    const cursor = Buffer.from(JSON.stringify(['a\u0000b', 1])).toString('base64url');
    expectError(
      await admin.get(`/api/v1/units/${org.regionA.id}/compliance/cells?period=${month}&standard=general-meeting-monthly&cursor=${cursor}`),
      400,
    );
  });

  it('refuses a non-JSON body on JSON routes', async () => {
    const error = expectError(
      await admin.request('POST', '/api/v1/units', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
    );
    expect(error.messageKey).toBe('request.notJson');
  });

  it('never answers 5xx to random bodies on any write route', async () => {
    const routes = t.app.routeTable.filter((r) => r.method !== 'GET' && !r.url.includes('session') && !r.url.includes('password'));
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.anything({ maxDepth: 2 }),
        fc.oneof(fc.constant('1'), fc.constant(String(org.cellA1a.id)), fc.string({ maxLength: 12 })),
        async (route, body, id) => {
          const url = route.url.replace(':importId', encodeURIComponent(id)).replace(':id', encodeURIComponent(id));
          const res = await admin.request(route.method as 'POST', url, JSON.stringify(body) ?? 'null', {
            'content-type': 'application/json',
          });
          expect(res.status, `${route.method} ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    const after = await counts();
    // Random bodies may rarely be valid (e.g. an empty PATCH), but they must not create rows.
    expect(after[0]).toBe(before[0]);
  });
});
