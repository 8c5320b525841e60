import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { anonymous, signIn } from './helpers/client.ts';
import { buildAccount, buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

describe('a person\'s data: export and erasure', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
  });
  afterAll(async () => { await t.close(); });

  it('a member downloads everything held about them', async () => {
    const member = await signIn(t.app, 'member@test', 'secret-pass');
    await member.post('/api/v1/me/tokens', { name: 'phone' });
    const res = await member.get('/api/v1/me/export');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/attachment/);
    expect(res.body.person.full_name).toBe('Member Lee');
    expect(res.body.memberships).toEqual([expect.objectContaining({ cell_name: 'Cell A1a', role: 'member' })]);
    expect(res.body.apiTokens.map((x: { name: string }) => x.name)).toEqual(['phone']);
    expect(res.body.auditTrail.some((a: { action: string }) => a.action === 'person.create')).toBe(true);
    expect(JSON.stringify(res.body)).not.toMatch(/password_hash|token_hash|argon2/);
  });

  it('erasure blanks the person, disables their account and scrubs the audit trail, keeping history counts', async () => {
    const person = await buildPerson(t.ctx.db, org.cellA1b.id, { fullName: 'Erase Me', email: 'erase@example.org', memberNo: 'ER-1', fromDate: '2022-01-01' });
    const account = await buildAccount(t.ctx.db, { login: 'erase@test', personId: person.id, grants: [{ role: 'member', unitId: org.cellA1b.id }] });
    const session = await signIn(t.app, account.login, account.password);
    const admin = await signIn(t.app, 'admin@test', 'secret-pass');
    expect((await admin.post(`/api/v1/people/${person.id}/erase`, {})).status).toBe(204);
    const seen = await admin.get(`/api/v1/people/${person.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ fullName: '(erased)', email: null, memberNo: null });
    expect(seen.body.memberships).toHaveLength(1);
    expect(seen.body.memberships[0].toDate).not.toBeNull();
    expect((await session.get('/api/v1/me')).status).toBe(401);
    expect((await anonymous(t.app).post('/api/v1/session', { login: 'erase@test', password: account.password })).status).toBe(401);
    const trail = await t.ctx.db.selectFrom('audit_log').select(['before', 'after']).where('entity', '=', 'person').where('entity_id', '=', String(person.id)).execute();
    expect(JSON.stringify(trail)).not.toMatch(/Erase Me|erase@example\.org|ER-1/);
    expect((await admin.post(`/api/v1/people/${person.id}/erase`, {})).status).toBe(409);
  });
});
