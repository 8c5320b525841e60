/**
 * Youth work and mentorships through the API (issue 13, tasks 8 and 9): pairing with each kind of
 * mentee and every refusal (nothing half saved), the log by the mentor or the secretary only, who
 * reads it, reviews at review sessions, ending with an outcome, youth groups with their young people
 * and assigned member, the counts per cell and summed for committees, the two rulebook kinds judged
 * and equal to the oracle, the audit trail, and the data export and erasure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { addDays, nextPeriod, periodOf, todayIso } from '../src/server/modules/compliance/periods.ts';
import { erasePerson } from '../src/server/modules/people/privacy.ts';
import { createTestApp } from './helpers/app.ts';
import { bruteForceRollups, storedRollups } from './helpers/brute-force.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildAccount, buildMeeting, buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const current = periodOf(todayIso());

describe('youth work and mentorships', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let secretary: Client;
  let member: Client;
  let park: Client;
  let outsider: Client;
  let reader: Client;
  let region: Client;
  let admin: Client;
  let candidate: { id: number };
  let candidateB: { id: number };
  let otherCellMember: { id: number };
  let youthGroupId: number;
  let youngId: number;
  let candidateMentorship: number;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    await buildAccount(t.ctx.db, { login: 'park@test', personId: org.P.id, grants: [{ role: 'member', unitId: org.cellA1a.id }] });
    candidate = await buildPerson(t.ctx.db, org.cellA1a.id, { fullName: 'Candidate Yoon', role: 'candidate' });
    candidateB = await buildPerson(t.ctx.db, org.cellA1a.id, { fullName: 'Candidate Jang', role: 'candidate' });
    otherCellMember = await buildPerson(t.ctx.db, org.cellA1b.id, { fullName: 'Struggling Han' });
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    secretary = await as('secretary@test');
    member = await as('member@test');
    park = await as('park@test');
    outsider = await as('outsider@test');
    reader = await as('reader@test');
    region = await as('region@test');
    admin = await as('admin@test');
  });
  afterAll(async () => t?.close());

  const pair = (c: Client, body: Record<string, unknown>, cell = org.cellA1a.id) => c.post(`/api/v1/cells/${cell}/mentorships`, body);
  const count = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('mentorships')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates a youth group with its assigned member and young people (no account, not on the roll)', async () => {
    const bad = await secretary.post(`/api/v1/cells/${org.cellA1a.id}/youth-groups`, { name: 'Pioneers', assignedPersonId: org.Q.id });
    expect(bad.status).toBe(400);
    expect(bad.body.error.messageKey).toBe('youthGroup.assignedNotOnRoll');
    expect((await member.post(`/api/v1/cells/${org.cellA1a.id}/youth-groups`, { name: 'x' })).status).toBe(404);
    expect((await secretary.post(`/api/v1/cells/${org.cellB1a.id}/youth-groups`, { name: 'x' })).status).toBe(404);
    const res = await secretary.post(`/api/v1/cells/${org.cellA1a.id}/youth-groups`, { name: 'Pioneers', assignedPersonId: org.M.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ name: 'Pioneers', assigned: { id: org.M.id, fullName: 'Member Lee' }, youngPeople: [] });
    youthGroupId = res.body.id;
    const added = await secretary.post(`/api/v1/youth-groups/${youthGroupId}/young-people`, { fullName: 'Young Seo', birthYear: 2012 });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    youngId = added.body.id;
    expect((await secretary.post(`/api/v1/youth-groups/${youthGroupId}/young-people`, { personId: youngId })).status).toBe(409);
    expect((await secretary.post(`/api/v1/youth-groups/${youthGroupId}/young-people`, { personId: org.M.id })).status).toBe(400);
    expect((await secretary.post(`/api/v1/youth-groups/${youthGroupId}/young-people`, {})).status).toBe(400);
    expect((await region.post(`/api/v1/youth-groups/${youthGroupId}/young-people`, { fullName: 'Young Bae' })).status).toBe(201);
    expect((await member.post(`/api/v1/youth-groups/${youthGroupId}/young-people`, { fullName: 'x' })).status).toBe(404);
    expect((await outsider.patch(`/api/v1/youth-groups/${youthGroupId}`, { name: 'x' })).status).toBe(404);

    const list = await reader.get(`/api/v1/cells/${org.cellA1a.id}/youth-groups`);
    expect(list.status).toBe(200);
    expect(list.body.items[0].youngPeople.map((p: { fullName: string }) => p.fullName)).toEqual(['Young Bae', 'Young Seo']);
    expect((await member.get(`/api/v1/cells/${org.cellA1a.id}/youth-groups`)).status).toBe(404);
    // Young people are not on the roll and have no account.
    const roll = await t.ctx.db.selectFrom('memberships').select('person_id').where('person_id', '=', youngId).execute();
    expect(roll).toEqual([]);
    const unit = await t.ctx.db.selectFrom('units').select('member_count').where('id', '=', org.cellA1a.id).executeTakeFirstOrThrow();
    expect(unit.member_count).toBe(5);
    // Unassign, then assign again; each audited.
    const un = await secretary.patch(`/api/v1/youth-groups/${youthGroupId}`, { assignedPersonId: null });
    expect(un.body.assigned).toBeNull();
    expect((await secretary.patch(`/api/v1/youth-groups/${youthGroupId}`, { assignedPersonId: candidate.id })).status).toBe(400);
    expect((await secretary.patch(`/api/v1/youth-groups/${youthGroupId}`, { assignedPersonId: org.P.id })).body.assigned.id).toBe(org.P.id);
    // The assigned member sees the group they work with, and nobody else's.
    const parks = await park.get('/api/v1/me/youth-groups');
    expect(parks.body.items.map((g: { id: number; youngPeople: unknown[] }) => [g.id, g.youngPeople.length])).toEqual([[youthGroupId, 2]]);
    expect((await member.get('/api/v1/me/youth-groups')).body.items).toEqual([]);
    expect((await park.get('/api/v1/me/home')).body.youthGroups.map((g: { id: number }) => g.id)).toEqual([youthGroupId]);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('entity', '=', 'youth_group').execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['youthGroup.create', 'youthGroup.addYoungPerson', 'youthGroup.update']),
    );
  });

  it('refuses bad pairs with a clear 4xx and saves nothing', async () => {
    const before = await count();
    const cases: Array<[Record<string, unknown>, number, string | null, Client?, number?]> = [
      [{ mentorId: org.M.id, menteeId: org.M.id, kind: 'one-takes-one' }, 400, 'mentorship.selfMentor'],
      [{ mentorId: org.Q.id, menteeId: org.M.id, kind: 'one-takes-one' }, 400, 'mentorship.mentorNotOnRoll'],
      [{ mentorId: candidate.id, menteeId: org.M.id, kind: 'one-takes-one' }, 400, 'mentorship.mentorNotOnRoll'],
      [{ mentorId: org.M.id, menteeId: org.P.id, kind: 'candidate' }, 400, 'mentorship.notCandidate'],
      [{ mentorId: org.M.id, menteeId: candidate.id, kind: 'youth' }, 400, 'mentorship.notYoungPerson'],
      // A member of a cell of another region: outside the secretary's scope.
      [{ mentorId: org.M.id, menteeId: org.Q.id, kind: 'one-takes-one' }, 404, 'mentorship.menteeNotFound'],
      // A member of a sibling cell the secretary does not manage.
      [{ mentorId: org.M.id, menteeId: otherCellMember.id, kind: 'one-takes-one' }, 404, 'mentorship.menteeNotFound'],
      [{ mentorId: org.M.id, menteeId: org.P.id, kind: 'mentoring' }, 400, null],
      [{ mentorId: org.M.id, menteeId: org.P.id, kind: 'one-takes-one' }, 404, null, member],
      [{ mentorId: org.M.id, menteeId: org.P.id, kind: 'one-takes-one' }, 404, null, reader],
      [{ mentorId: org.Q.id, menteeId: org.M.id, kind: 'one-takes-one' }, 404, null, secretary, org.cellB1a.id],
    ];
    for (const [body, status, key, who, cell] of cases) {
      const res = await pair(who ?? secretary, body, cell);
      expect(res.status, JSON.stringify([body, res.body])).toBe(status);
      if (key) expect(res.body.error.messageKey).toBe(key);
    }
    expect(await count()).toBe(before);
  });

  it('pairs a mentor with a candidate, a young person and a struggling member; an official pairs across cells', async () => {
    const res = await pair(secretary, { mentorId: org.M.id, menteeId: candidate.id, kind: 'candidate', goals: 'Study the charter' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    candidateMentorship = res.body.id;
    expect((await pair(secretary, { mentorId: org.M.id, menteeId: candidate.id, kind: 'candidate' })).status).toBe(409);
    expect((await pair(secretary, { mentorId: org.P.id, menteeId: youngId, kind: 'youth' })).status).toBe(201);
    expect((await pair(secretary, { mentorId: org.S.id, menteeId: org.P.id, kind: 'one-takes-one' })).status).toBe(201);
    // The region's official manages both cells: help given by cell A1a to a member of cell A1b.
    const across = await pair(region, { mentorId: org.P.id, menteeId: otherCellMember.id, kind: 'one-takes-one' });
    expect(across.status, JSON.stringify(across.body)).toBe(201);
    const list = await secretary.get(`/api/v1/cells/${org.cellA1a.id}/mentorships`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(4);
    const a = list.body.items.find((i: { id: number }) => i.id === across.body.id);
    expect(a).toMatchObject({ menteeCell: { id: org.cellA1b.id, name: 'Cell A1b' }, kind: 'one-takes-one' });
    expect(list.body.items[0]).not.toHaveProperty('log');
    // A read-only official sees the pairs, not their goals (they go with the log).
    const read = await reader.get(`/api/v1/cells/${org.cellA1a.id}/mentorships`);
    expect(read.body.items.find((i: { id: number }) => i.id === candidateMentorship).goals).toBeNull();
    expect(list.body.items.find((i: { id: number }) => i.id === candidateMentorship).goals).toBe('Study the charter');
    expect((await member.get(`/api/v1/cells/${org.cellA1a.id}/mentorships`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/cells/${org.cellA1a.id}/mentorships`)).status).toBe(404);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'mentorship.pair').execute();
    expect(audit).toHaveLength(4);
  });

  it('lets the mentor or the secretary log meetings; the mentee reads but may not write; others see nothing', async () => {
    const url = `/api/v1/mentorships/${candidateMentorship}/log`;
    const byMentor = await member.post(url, { note: 'Read the first chapter together', metOn: todayIso() });
    expect(byMentor.status, JSON.stringify(byMentor.body)).toBe(201);
    expect((await secretary.post(url, { note: 'Checked in' })).status).toBe(201);
    expect((await park.post(url, { note: 'x' })).status).toBe(404);
    expect((await reader.post(url, { note: 'x' })).status).toBe(404);
    expect((await outsider.post(url, { note: 'x' })).status).toBe(404);
    expect((await member.post(url, { note: '  ' })).status).toBe(400);
    const future = await member.post(url, { note: 'x', metOn: addDays(todayIso(), 2) });
    expect((await member.post(url, { note: 'x', metOn: addDays(todayIso(), -1) })).body.error.messageKey).toBe(
      'mentorship.metOnOutOfRange',
    );
    expect(future.body.error.messageKey).toBe('mentorship.metOnOutOfRange');
    // The mentee has an account: they read the log, and may not write it (403).
    await buildAccount(t.ctx.db, { login: 'candidate@test', personId: candidate.id, grants: [{ role: 'member', unitId: org.cellA1a.id }] });
    const mentee = await signIn(t.app, 'candidate@test', 'secret-pass');
    expect((await mentee.post(url, { note: 'x' })).status).toBe(403);
    const seen = await mentee.get(`/api/v1/mentorships/${candidateMentorship}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ canLog: false, canManage: false, goals: 'Study the charter', meetings: 2 });
    expect(seen.body.log.map((l: { note: string }) => l.note)).toEqual(['Checked in', 'Read the first chapter together']);
    for (const [who, status] of [
      [member, 200],
      [secretary, 200],
      [region, 200],
      [admin, 200],
      [park, 404],
      [reader, 404],
      [outsider, 404],
    ] as const) {
      expect((await who.get(`/api/v1/mentorships/${candidateMentorship}`)).status).toBe(status);
    }
    expect((await member.get(`/api/v1/mentorships/${candidateMentorship}`)).body.canLog).toBe(true);
    const mine = await member.get('/api/v1/me/mentorships');
    expect(mine.body.items.map((m: { id: number }) => m.id)).toContain(candidateMentorship);
    // The mentor's home carries their active mentorships in its one request.
    const home = await member.get('/api/v1/me/home');
    expect(home.body.mentorships.map((m: { id: number }) => m.id)).toContain(candidateMentorship);
    // The audit trail records the entry, never its note.
    const logged = await t.ctx.db.selectFrom('audit_log').select('after').where('action', '=', 'mentorship.log').execute();
    expect(logged).toHaveLength(2);
    expect(JSON.stringify(logged)).not.toContain('chapter');
  });

  it('reviews a mentorship at a review session of the cell, once each', async () => {
    const review = await buildMeeting(t.ctx.db, org.cellA1a.id, { kind: 'review' });
    const general = await buildMeeting(t.ctx.db, org.cellA1a.id, { kind: 'general' });
    const elsewhere = await buildMeeting(t.ctx.db, org.cellB1a.id, { kind: 'review' });
    const url = `/api/v1/mentorships/${candidateMentorship}/reviews`;
    expect((await secretary.post(url, { meetingId: general.id, note: 'x' })).body.error.messageKey).toBe('mentorship.notReviewSession');
    expect((await secretary.post(url, { meetingId: elsewhere.id, note: 'x' })).body.error.messageKey).toBe('mentorship.notReviewSession');
    expect((await member.post(url, { meetingId: review.id, note: 'x' })).status).toBe(403);
    const ok = await secretary.post(url, { meetingId: review.id, note: 'On track: two chapters read' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect((await secretary.post(url, { meetingId: review.id, note: 'again' })).status).toBe(409);
    const got = await member.get(`/api/v1/mentorships/${candidateMentorship}`);
    expect(got.body.reviews).toBe(1);
    expect(got.body.log.find((l: { kind: string }) => l.kind === 'review')).toMatchObject({
      meetingId: review.id,
      note: 'On track: two chapters read',
    });
  });

  it('counts per cell and summed for committees, with the children to drill down', async () => {
    await foldAllRollups(t.ctx.db);
    const cell = await secretary.get(`/api/v1/units/${org.cellA1a.id}/mentorship-counts`);
    expect(cell.status, JSON.stringify(cell.body)).toBe(200);
    expect(cell.body.figures).toMatchObject({
      active: 4,
      across: 1,
      meetings: 2,
      reviews: 1,
      candidates: 2,
      candidatesMentored: 1,
      youthGroups: 1,
      youthGroupsAssigned: 1,
      youngPeople: 2,
    });
    const district = await region.get(`/api/v1/units/${org.districtA1.id}/mentorship-counts?period=${current.slice(0, 7)}`);
    expect(district.status).toBe(200);
    expect(district.body.figures).toMatchObject({ active: 4, across: 1, candidates: 2, youthGroups: 1 });
    expect(district.body.children.map((c: { id: number }) => c.id).sort()).toEqual([org.cellA1a.id, org.cellA1b.id].sort());
    const a1a = district.body.children.find((c: { id: number }) => c.id === org.cellA1a.id);
    expect(a1a.figures.active).toBe(4);
    const regionCounts = await region.get(`/api/v1/units/${org.regionA.id}/mentorship-counts`);
    expect(regionCounts.body.figures.active).toBe(4);
    expect(regionCounts.body.children.find((c: { id: number }) => c.id === org.districtA1.id).figures.active).toBe(4);
    expect((await outsider.get(`/api/v1/units/${org.cellA1a.id}/mentorship-counts`)).status).toBe(404);
    expect((await secretary.get(`/api/v1/units/${org.cellA1a.id}/mentorship-counts?period=2999-01`)).status).toBe(400);
  });

  it('judges "every candidate has a mentor" and "every youth group has an assigned member", equal to the oracle', async () => {
    const base = { titleEn: 'Youth', titleKo: '청년', validFrom: current };
    expect(
      (await admin.post('/api/v1/standards', { ...base, code: 'cm-bad', kind: 'candidates_mentored', params: { min: 2 } })).status,
    ).toBe(400);
    expect(
      (await admin.post('/api/v1/standards', { ...base, code: 'yg-bad', kind: 'youth_groups_assigned', params: { x: 1 } })).status,
    ).toBe(400);
    const cm = await admin.post('/api/v1/standards', { ...base, code: 'every-candidate', kind: 'candidates_mentored', params: {} });
    expect(cm.status, JSON.stringify(cm.body)).toBeLessThan(300);
    const yg = await admin.post('/api/v1/standards', { ...base, code: 'groups-assigned', kind: 'youth_groups_assigned', params: {} });
    expect(yg.status, JSON.stringify(yg.body)).toBeLessThan(300);
    await materializePeriod(t.ctx.db, current);
    const verdicts = async (code: string) => {
      const res = await admin.get(`/api/v1/units/${org.districtA1.id}/compliance/cells?period=${current.slice(0, 7)}&standard=${code}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return Object.fromEntries(res.body.items.map((i: { cellId: number }) => [i.cellId, i]));
    };
    const oracle = async () => {
      await foldAllRollups(t.ctx.db);
      const expected = await bruteForceRollups(t.ctx.db, current, nextPeriod(current), todayIso(), [org.districtA1.id]);
      expect(await storedRollups(t.ctx.db, current, org.districtA1.id)).toEqual(expected);
    };
    expect((await verdicts('every-candidate'))[org.cellA1a.id]).toMatchObject({
      meets: false,
      detail: { kind: 'candidates_mentored', mentored: 1, candidates: 2 },
    });
    expect((await verdicts('every-candidate'))[org.cellA1b.id]).toMatchObject({ meets: true, detail: { candidates: 0 } });
    expect((await verdicts('groups-assigned'))[org.cellA1a.id]).toMatchObject({ meets: true, detail: { assigned: 1, groups: 1 } });
    await oracle();
    // The write-side contract: pairing the second candidate and unassigning the group move the verdicts at once.
    expect((await pair(secretary, { mentorId: org.P.id, menteeId: candidateB.id, kind: 'candidate' })).status).toBe(201);
    await secretary.patch(`/api/v1/youth-groups/${youthGroupId}`, { assignedPersonId: null });
    expect((await verdicts('every-candidate'))[org.cellA1a.id]).toMatchObject({ meets: true, detail: { mentored: 2, candidates: 2 } });
    expect((await verdicts('groups-assigned'))[org.cellA1a.id]).toMatchObject({ meets: false, detail: { assigned: 0, groups: 1 } });
    await oracle();
    const after = await verdicts('every-candidate');
    await materializePeriod(t.ctx.db, current);
    expect(await verdicts('every-candidate')).toEqual(after);
    await secretary.patch(`/api/v1/youth-groups/${youthGroupId}`, { assignedPersonId: org.M.id });
  });

  it('ends a mentorship with an outcome; the log is then closed', async () => {
    const url = `/api/v1/mentorships/${candidateMentorship}/end`;
    expect((await member.post(url, { outcome: 'goals-met' })).status).toBe(403);
    expect((await secretary.post(url, { outcome: 'graduated' })).status).toBe(400);
    expect((await secretary.post(url, { outcome: 'goals-met', endedOn: '2020-01-01' })).body.error.messageKey).toBe(
      'mentorship.endedOnOutOfRange',
    );
    const ended = await secretary.post(url, { outcome: 'goals-met' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({ outcome: 'goals-met', endedOn: todayIso(), canLog: false });
    expect((await secretary.post(url, { outcome: 'goals-met' })).status).toBe(409);
    const logged = await member.post(`/api/v1/mentorships/${candidateMentorship}/log`, { note: 'late' });
    expect(logged.status).toBe(409);
    expect(logged.body.error.messageKey).toBe('mentorship.ended');
    expect((await secretary.get(`/api/v1/cells/${org.cellA1a.id}/mentorships?status=ended`)).body.items).toHaveLength(1);
    const audit = await t.ctx.db.selectFrom('audit_log').select('after').where('action', '=', 'mentorship.end').executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ outcome: 'goals-met' });
  });

  it('the export carries the mentorships with their log; erasure removes the texts about or by the person', async () => {
    const exported = await member.get('/api/v1/me/export');
    expect(exported.status).toBe(200);
    const mine = exported.body.mentorships.asPairs.find((m: { mentee: string }) => m.mentee === 'Candidate Yoon');
    expect(mine).toMatchObject({ kind: 'candidate', goals: 'Study the charter', outcome: 'goals-met' });
    expect(mine.log.map((l: { note: string }) => l.note)).toContain('Read the first chapter together');
    const bySecretary = await secretary.get('/api/v1/me/export');
    expect(bySecretary.body.mentorships.notesWritten.map((n: { note: string }) => n.note)).toContain('Checked in');

    await erasePerson(t.ctx.db, systemActor(), candidate.id, t.ctx.feedbackKey);
    const left = await t.ctx.db.selectFrom('mentorship_log').select('note').where('mentorship_id', '=', candidateMentorship).execute();
    expect(left.length).toBe(3);
    expect(left.every((l) => l.note === '(erased)')).toBe(true);
    const row = await t.ctx.db
      .selectFrom('mentorships')
      .select(['goals', 'outcome'])
      .where('id', '=', candidateMentorship)
      .executeTakeFirst();
    expect(row).toEqual({ goals: null, outcome: 'goals-met' });
  });
  it('a mentor who leaves the cell: their open mentorships there end as withdrawn, their youth groups have nobody assigned', async () => {
    const db = t.ctx.db;
    const mentor = await buildPerson(db, org.cellA1a.id, { fullName: 'Leaving Mentor' });
    const mentee = await buildPerson(db, org.cellA1a.id, { fullName: 'Struggling Seo' });
    const paired = await pair(secretary, { mentorId: mentor.id, menteeId: mentee.id, kind: 'one-takes-one' });
    expect(paired.status, JSON.stringify(paired.body)).toBe(201);
    const group = await secretary.post(`/api/v1/cells/${org.cellA1a.id}/youth-groups`, {
      name: 'Left behind',
      assignedPersonId: mentor.id,
    });
    expect(group.status).toBe(201);
    const moved = await region.post(`/api/v1/people/${mentor.id}/transfer`, { toCellId: org.cellA1b.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const after = await secretary.get(`/api/v1/mentorships/${paired.body.id}`);
    expect(after.body).toMatchObject({ outcome: 'withdrawn', endedOn: todayIso() });
    const groups = (await secretary.get(`/api/v1/cells/${org.cellA1a.id}/youth-groups`)).body.items;
    expect(groups.find((g: { id: number }) => g.id === group.body.id).assigned).toBeNull();
    // The figures follow at once: the rows equal the oracle's.
    await foldAllRollups(db);
    const expected = await bruteForceRollups(db, current, nextPeriod(current), todayIso(), [org.districtA1.id]);
    expect(await storedRollups(db, current, org.districtA1.id)).toEqual(expected);
  });
});
