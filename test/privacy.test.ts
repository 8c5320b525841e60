import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { anonymous, signIn } from './helpers/client.ts';
import { systemActor } from '../src/server/access/actor.ts';
import { saveAttendance } from '../src/server/modules/meetings/attendance.ts';
import { updatePerson } from '../src/server/modules/people/service.ts';
import { buildAccount, buildMeeting, buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

describe("a person's data: export and erasure", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
  });
  afterAll(async () => {
    await t.close();
  });

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

  it('a member keeps all of their own data: every field of their file, their absence reasons and follow-ups, in the export too', async () => {
    const d = t.ctx.db;
    const file = {
      email: 'lee@example.org',
      phone: '+82 10 1234 5678',
      birthYear: 1985,
      workplace: 'Rolling mill',
      joinedOn: '2012-03-04',
      memberNo: 'LEE-1',
    };
    await updatePerson(d, systemActor(), org.M.id, file);
    const m = await buildMeeting(d, org.cellA1a.id);
    await saveAttendance(d, systemActor(), m.id, {
      version: m.version,
      records: m.roll.map((r) =>
        r.personId === org.M.id || r.personId === org.P.id
          ? { personId: r.personId, status: 'absent', reason: r.personId === org.M.id ? 'night shift' : 'private matter' }
          : { personId: r.personId, status: 'present' },
      ),
    });
    await d
      .insertInto('follow_ups')
      .values({ cell_id: org.cellA1a.id, person_id: org.M.id, reason: 'repeated_absence', created_on: '2026-01-01' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const member = await signIn(t.app, 'member@test', 'secret-pass');

    expect((await member.get(`/api/v1/people/${org.M.id}`)).body).toMatchObject(file);
    const roll = (await member.get(`/api/v1/meetings/${m.id}`)).body.roll as Array<{ personId: number; reason?: string | null }>;
    expect(roll.find((r) => r.personId === org.M.id)?.reason).toBe('night shift');
    const res = await member.get('/api/v1/me/export');
    expect(res.body.person).toMatchObject({
      email: file.email,
      phone: file.phone,
      birth_year: file.birthYear,
      workplace: file.workplace,
      member_no: file.memberNo,
    });
    expect(res.body.attendance).toContainEqual(expect.objectContaining({ cell_name: 'Cell A1a', status: 'absent', reason: 'night shift' }));
    expect(res.body.followUps).toContainEqual(
      expect.objectContaining({ cell_name: 'Cell A1a', reason: 'repeated_absence', resolved_on: null }),
    );
    // What the cell recorded about the member, and nothing about a cell-mate.
    expect(JSON.stringify(res.body)).not.toContain('private matter');
  });

  it('erasure blanks the person, disables their account and scrubs the audit trail, keeping history counts', async () => {
    const person = await buildPerson(t.ctx.db, org.cellA1b.id, {
      fullName: 'Erase Me',
      email: 'erase@example.org',
      memberNo: 'ER-1',
      fromDate: '2022-01-01',
    });
    const account = await buildAccount(t.ctx.db, {
      login: 'erase@test',
      personId: person.id,
      grants: [{ role: 'member', unitId: org.cellA1b.id }],
    });
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
    const trail = await t.ctx.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity', '=', 'person')
      .where('entity_id', '=', String(person.id))
      .execute();
    expect(JSON.stringify(trail)).not.toMatch(/Erase Me|erase@example\.org|ER-1/);
    expect((await admin.post(`/api/v1/people/${person.id}/erase`, {})).status).toBe(409);
  });
});
