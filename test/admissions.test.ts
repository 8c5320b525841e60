/**
 * Admissions through the API (issue 13, task 7): nominating with sponsors from the cell's roll (full
 * members, long enough unless the cell is young), recommendations, criteria, training tasks, the
 * cell's vote at a held general meeting, the decision of the committee above, the candidate on the
 * roll, full membership after the candidacy, the rules as data, the pipeline figures up the tree, and
 * every refusal leaving nothing half saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { erasePerson } from '../src/server/modules/people/privacy.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { addDays, todayIso } from '../src/server/modules/compliance/periods.ts';
import { addMonths } from '../src/server/modules/admissions/service.ts';
import { changeMembership } from '../src/server/modules/units/memberships.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildCell, buildMeeting, buildPerson, holdMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const today = todayIso();
const thisMonth = today.slice(0, 7);

describe('admissions', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let secretary: Client;
  let member: Client;
  let outsider: Client;
  let reader: Client;
  let region: Client;
  let admin: Client;
  /** A general meeting of the cell held today, everyone present unless listed. */
  let heldToday: number;

  const heldMeeting = async (cellId: number, statuses: Record<number, 'present' | 'absent' | 'excused'> = {}, kind = 'general') => {
    const m = await buildMeeting(t.ctx.db, cellId, { kind, startsAt: `${today}T00:00:01Z` });
    await holdMeeting(t.ctx.db, m.id, statuses);
    return m.id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    secretary = await as('secretary@test');
    member = await as('member@test');
    outsider = await as('outsider@test');
    reader = await as('reader@test');
    region = await as('region@test');
    admin = await as('admin@test');
    heldToday = await heldMeeting(org.cellA1a.id);
  });
  afterAll(async () => t?.close());

  const nominate = (c: Client, body: Record<string, unknown>, cell = org.cellA1a.id) => c.post(`/api/v1/cells/${cell}/nominations`, body);
  const newcomer = (name: string) => ({
    person: { fullName: name, birthYear: 1999, workplace: 'Steel works' },
    sponsorIds: [org.M.id, org.P.id],
  });
  const vote = (c: Client, id: number, v: Partial<Record<'for' | 'against' | 'abstain', number>>, meetingId = heldToday) =>
    c.post(`/api/v1/nominations/${id}/vote`, { meetingId, for: 0, against: 0, abstain: 0, ...v });
  /** The full members (not candidates) present at today's meeting. */
  const presentFull = async () => {
    const meeting = (await secretary.get(`/api/v1/meetings/${heldToday}`)).body;
    return meeting.roll.filter((r: { role: string; status: string | null }) => r.role !== 'candidate' && r.status === 'present').length;
  };
  const peopleNamed = async (name: string) =>
    (await t.ctx.db.selectFrom('people').select('id').where('full_name', '=', name).execute()).length;

  it('nominates a new person with two sponsors from the roll; the record shows sponsors, criteria and the timeline', async () => {
    const res = await nominate(secretary, { ...newcomer('Nominee Han'), reason: 'Leads the shift brigade' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(Number), status: 'nominated' });
    const got = await secretary.get(`/api/v1/nominations/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ fullName: 'Nominee Han', kind: 'candidate', status: 'nominated', reason: 'Leads the shift brigade' });
    expect(got.body.person).toEqual({ birthYear: 1999, workplace: 'Steel works' });
    expect(got.body.sponsors.map((s: { personId: number }) => s.personId).sort()).toEqual([org.M.id, org.P.id].sort());
    expect(got.body.criteria.length).toBeGreaterThanOrEqual(4);
    expect(got.body.timeline).toHaveLength(1);
    expect(got.body.timeline[0]).toMatchObject({ step: 'nominated', by: 'Secretary Kim' });
    const list = await secretary.get(`/api/v1/cells/${org.cellA1a.id}/nominations`);
    expect(list.body.items.map((i: { id: number }) => i.id)).toContain(res.body.id);
    // The nominee is not on the roll yet.
    const roll = await secretary.get(`/api/v1/units/${org.cellA1a.id}/members`);
    expect(roll.body.items.map((m: { fullName: string }) => m.fullName)).not.toContain('Nominee Han');
  });

  it('refuses bad sponsors and nominees, saving nothing', async () => {
    const otherCell = await nominate(secretary, { ...newcomer('Nominee Bad1'), sponsorIds: [org.M.id, org.Q.id] });
    expect(otherCell.status).toBe(400);
    expect(otherCell.body.error).toMatchObject({ messageKey: 'nomination.sponsorNotMember', details: { notMembers: [org.Q.id] } });
    expect(await peopleNamed('Nominee Bad1')).toBe(0);
    const candidate = await buildPerson(t.ctx.db, org.cellA1a.id, {
      fullName: 'Candidate Yoon',
      role: 'candidate',
      fromDate: '2022-01-01',
    });
    const bad2 = await nominate(secretary, { ...newcomer('Nominee Bad2'), sponsorIds: [org.M.id, candidate.id] });
    expect(bad2.body.error?.messageKey).toBe('nomination.sponsorNotMember');
    const fresh = await buildPerson(t.ctx.db, org.cellA1a.id, { fullName: 'Fresh Member', fromDate: addDays(today, -30) });
    const bad3 = await nominate(secretary, { ...newcomer('Nominee Bad3'), sponsorIds: [org.M.id, fresh.id] });
    expect(bad3.status).toBe(400);
    expect(bad3.body.error).toMatchObject({ messageKey: 'nomination.sponsorTooRecent', params: { months: 12 } });
    // Sponsoring oneself: the nominee named among the sponsors.
    const self = await nominate(secretary, { kind: 'full_membership', personId: candidate.id, sponsorIds: [candidate.id, org.M.id] });
    expect(self.status).toBe(400);
    expect(self.body.error.messageKey).toBe('nomination.sponsorIsNominee');
    expect((await nominate(secretary, { ...newcomer('Nominee Bad4'), sponsorIds: [org.M.id] })).status).toBe(400);
    expect((await nominate(secretary, { sponsorIds: [org.M.id, org.P.id] })).status).toBe(400);
    // Someone already on a roll cannot be nominated as a candidate.
    const onRoll = await nominate(secretary, { personId: org.S.id, sponsorIds: [org.M.id, org.P.id] });
    expect(onRoll.status).toBe(409);
    expect(onRoll.body.error.messageKey).toBe('nomination.alreadyOnRoll');
    for (const name of ['Nominee Bad2', 'Nominee Bad3', 'Nominee Bad4']) expect(await peopleNamed(name)).toBe(0);
    // Members, other cells' members and read-only officials cannot nominate; the secretary not in another cell.
    expect((await nominate(member, newcomer('Nominee Bad5'))).status).toBe(404);
    expect((await nominate(outsider, newcomer('Nominee Bad5'))).status).toBe(404);
    expect((await nominate(reader, newcomer('Nominee Bad5'))).status).toBe(404);
    expect((await nominate(secretary, { ...newcomer('Nominee Bad5'), sponsorIds: [org.Q.id, org.M.id] }, org.cellB1a.id)).status).toBe(404);
    expect(await peopleNamed('Nominee Bad5')).toBe(0);
  });

  it("waives the sponsors' membership length in a cell younger than the rule", async () => {
    const young = await buildCell(t.ctx.db, org.districtA1.id, { openedOn: addDays(today, -60) });
    const a = await buildPerson(t.ctx.db, young.id, { fromDate: addDays(today, -50) });
    const b = await buildPerson(t.ctx.db, young.id, { fromDate: addDays(today, -40) });
    const res = await nominate(region, { person: { fullName: 'Young Cell Nominee' }, sponsorIds: [a.id, b.id] }, young.id);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('records recommendations, criteria checks and training tasks; the first task starts the training', async () => {
    const { id } = (await nominate(secretary, newcomer('Nominee Trained'))).body;
    const rec = await secretary.post(`/api/v1/nominations/${id}/recommendations`, {
      sponsorId: org.M.id,
      text: 'Reliable at work for five years',
    });
    expect(rec.status, JSON.stringify(rec.body)).toBe(200);
    // The sponsor may write their own; someone who is no sponsor may not be named.
    expect((await member.post(`/api/v1/nominations/${id}/recommendations`, { sponsorId: org.M.id, text: 'Mine' })).status).toBe(200);
    expect((await member.post(`/api/v1/nominations/${id}/recommendations`, { sponsorId: org.P.id, text: 'Not mine' })).status).toBe(404);
    const notSponsor = await secretary.post(`/api/v1/nominations/${id}/recommendations`, { sponsorId: org.S.id, text: 'x' });
    expect(notSponsor.body.error.messageKey).toBe('nomination.notSponsor');
    const before = (await secretary.get(`/api/v1/nominations/${id}`)).body;
    const criterion = before.criteria[0].id;
    const check = await secretary.post(`/api/v1/nominations/${id}/checks`, {
      criterionId: criterion,
      note: 'Both letters on file',
      checkedOn: today,
    });
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect((await secretary.post(`/api/v1/nominations/${id}/checks`, { criterionId: 999999 })).status).toBe(400);
    expect(
      (await secretary.post(`/api/v1/nominations/${id}/checks`, { criterionId: criterion, checkedOn: addDays(today, 3) })).status,
    ).toBe(400);
    expect((await member.post(`/api/v1/nominations/${id}/checks`, { criterionId: criterion })).status).toBe(404);
    const task = await secretary.post(`/api/v1/nominations/${id}/tasks`, {
      title: 'Organise the reading circle',
      dueOn: addDays(today, 20),
    });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    const done = await secretary.post(`/api/v1/nominations/${id}/tasks/${task.body.id}/done`, {});
    expect(done.status).toBe(200);
    expect((await secretary.post(`/api/v1/nominations/${id}/tasks/999999/done`, {})).status).toBe(404);
    const after = (await secretary.get(`/api/v1/nominations/${id}`)).body;
    expect(after).toMatchObject({ status: 'in_training', trainingFrom: today });
    expect(after.sponsors.find((s: { personId: number }) => s.personId === org.M.id).recommendation).toBe('Mine');
    expect(after.criteria[0]).toMatchObject({ checkedOn: today, note: 'Both letters on file' });
    expect(after.tasks).toEqual([{ id: task.body.id, title: 'Organise the reading circle', dueOn: addDays(today, 20), doneOn: today }]);
    expect(after.timeline.map((e: { step: string }) => e.step)).toEqual([
      'nominated',
      'recommendation',
      'recommendation',
      'criterion',
      'task',
      'task_done',
    ]);
    // Members do not read nominations.
    expect((await member.get(`/api/v1/nominations/${id}`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/nominations/${id}`)).status).toBe(404);
  });

  it('takes the vote at a held general meeting of the cell, never more votes than members present, once', async () => {
    const { id } = (await nominate(secretary, newcomer('Nominee Voted'))).body;
    const other = await heldMeeting(org.cellA1b.id);
    const foreign = await vote(secretary, id, { for: 1 }, other);
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.messageKey).toBe('nomination.meetingNotFound');
    const planned = await buildMeeting(t.ctx.db, org.cellA1a.id, { kind: 'general', startsAt: `${today}T00:00:01Z` });
    expect((await vote(secretary, id, { for: 1 }, planned.id)).body.error.messageKey).toBe('nomination.meetingNotHeld');
    const study = await heldMeeting(org.cellA1a.id, {}, 'study');
    expect((await vote(secretary, id, { for: 1 }, study)).body.error.messageKey).toBe('nomination.meetingNotHeld');
    const full = await presentFull();
    const tooMany = await vote(secretary, id, { for: full, against: 1 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.messageKey).toBe('nomination.votesExceedPresent');
    expect((await vote(member, id, { for: 1 })).status).toBe(404);
    const ok = await vote(secretary, id, { for: full - 1, against: 1 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'voted', vote: { passed: true, present: full, quorumMet: true } });
    const twice = await vote(secretary, id, { for: full });
    expect(twice.status).toBe(409);
    expect(twice.body.error.messageKey).toBe('nomination.alreadyVoted');
  });

  it('a vote without a majority of those present does not pass, and nothing can be decided on it', async () => {
    const { id } = (await nominate(secretary, newcomer('Nominee Failed'))).body;
    const res = await vote(secretary, id, { for: 1, against: 2 });
    expect(res.body).toMatchObject({ status: 'not_passed', vote: { passed: false } });
    const d = await region.post(`/api/v1/nominations/${id}/decision`, { decision: 'approved' });
    expect(d.status).toBe(409);
    expect(d.body.error.messageKey).toBe('nomination.notVoted');
  });

  it('an official managing a committee above approves; the person joins the roll as a candidate from that day', async () => {
    const { id } = (await nominate(secretary, newcomer('Nominee Approved'))).body;
    const early = await region.post(`/api/v1/nominations/${id}/decision`, { decision: 'approved' });
    expect(early.status).toBe(409);
    expect(early.body.error.messageKey).toBe('nomination.notVoted');
    expect((await vote(secretary, id, { for: 3 })).body.status).toBe('voted');
    // Awaiting the region's decision: listed for the official, not for the cell's secretary.
    expect((await region.get('/api/v1/nominations/awaiting')).body.items.map((i: { id: number }) => i.id)).toContain(id);
    expect((await secretary.get('/api/v1/nominations/awaiting')).body.items).toEqual([]);
    expect((await secretary.get(`/api/v1/nominations/${id}`)).body.canDecide).toBe(false);
    expect((await region.get(`/api/v1/nominations/${id}`)).body.canDecide).toBe(true);
    const bySecretary = await secretary.post(`/api/v1/nominations/${id}/decision`, { decision: 'approved' });
    expect(bySecretary.status).toBe(403);
    expect(bySecretary.body.error.messageKey).toBe('nomination.notAbove');
    expect((await reader.post(`/api/v1/nominations/${id}/decision`, { decision: 'approved' })).status).toBe(403);
    expect((await member.post(`/api/v1/nominations/${id}/decision`, { decision: 'approved' })).status).toBe(404);
    expect((await outsider.post(`/api/v1/nominations/${id}/decision`, { decision: 'approved' })).status).toBe(404);
    const ok = await region.post(`/api/v1/nominations/${id}/decision`, { decision: 'approved', reason: 'Criteria met, training done' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const roll = await secretary.get(`/api/v1/units/${org.cellA1a.id}/members?limit=100`);
    expect(roll.body.items.find((m: { fullName: string }) => m.fullName === 'Nominee Approved')).toMatchObject({
      role: 'candidate',
      fromDate: today,
    });
    const twice = await region.post(`/api/v1/nominations/${id}/decision`, { decision: 'rejected' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.messageKey).toBe('nomination.alreadyDecided');
    const got = (await region.get(`/api/v1/nominations/${id}`)).body;
    expect(got).toMatchObject({ status: 'approved', decidedOn: today, decisionReason: 'Criteria met, training done' });
    expect(got.timeline.at(-1)).toMatchObject({ step: 'approved', detail: { reason: 'Criteria met, training done' } });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'nomination')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['nomination.nominated', 'nomination.vote_passed', 'nomination.approved']);
  });

  it('a rejection keeps the person off the roll, with its reason', async () => {
    const { id } = (await nominate(secretary, newcomer('Nominee Rejected'))).body;
    await vote(secretary, id, { for: 3 });
    const res = await admin.post(`/api/v1/nominations/${id}/decision`, { decision: 'rejected', reason: 'Training not done' });
    expect(res.status).toBe(200);
    const roll = await secretary.get(`/api/v1/units/${org.cellA1a.id}/members?limit=100`);
    expect(roll.body.items.map((m: { fullName: string }) => m.fullName)).not.toContain('Nominee Rejected');
  });

  it('after the candidacy period the cell proposes full membership the same way; the role changes, history kept', async () => {
    const early = await buildPerson(t.ctx.db, org.cellA1a.id, {
      fullName: 'Candidate Early',
      role: 'candidate',
      fromDate: addDays(today, -100),
    });
    const notYet = await nominate(secretary, { kind: 'full_membership', personId: early.id, sponsorIds: [org.M.id, org.P.id] });
    expect(notYet.status).toBe(409);
    expect(notYet.body.error).toMatchObject({
      messageKey: 'nomination.candidacyNotOver',
      params: { date: addMonths(addDays(today, -100), 12) },
    });
    expect((await nominate(secretary, { kind: 'full_membership', personId: org.M.id, sponsorIds: [org.S.id, org.P.id] })).status).toBe(409);
    const since = addMonths(today, -13);
    const cand = await buildPerson(t.ctx.db, org.cellA1a.id, { fullName: 'Candidate Ready', role: 'candidate', fromDate: since });
    const res = await nominate(secretary, { kind: 'full_membership', personId: cand.id, sponsorIds: [org.M.id, org.P.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await vote(secretary, res.body.id, { for: 3 });
    expect((await region.post(`/api/v1/nominations/${res.body.id}/decision`, { decision: 'approved' })).status).toBe(200);
    const person = await secretary.get(`/api/v1/people/${cand.id}`);
    const rows = person.body.memberships.map((m: { role: string; fromDate: string; toDate: string | null }) => [
      m.role,
      m.fromDate,
      m.toDate,
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['candidate', since, today],
        ['member', today, null],
      ]),
    );
  });

  it('the rules are data: the centre sets them, nobody else', async () => {
    expect((await secretary.get('/api/v1/admission-rules')).body).toEqual({
      sponsorMinMonths: 12,
      candidacyMonths: 12,
      votePassShare: 0.5,
      voteBasis: 'present',
    });
    const rules = { sponsorMinMonths: 0, candidacyMonths: 6, votePassShare: 0.75, voteBasis: 'present' };
    expect((await region.request('PUT', '/api/v1/admission-rules', rules)).status).toBe(404);
    expect((await admin.request('PUT', '/api/v1/admission-rules', { ...rules, votePassShare: 1.5 })).status).toBe(400);
    expect((await admin.request('PUT', '/api/v1/admission-rules', rules)).status).toBe(200);
    // Now a month-old member may sponsor; three quarters of those present are needed to pass.
    const fresh = await buildPerson(t.ctx.db, org.cellA1a.id, { fromDate: addDays(today, -20) });
    const { id } = (await nominate(secretary, { person: { fullName: 'Nominee Rules' }, sponsorIds: [org.M.id, fresh.id] })).body;
    expect(id).toEqual(expect.any(Number));
    const meetingId = await heldMeeting(org.cellA1a.id);
    const present = (await secretary.get(`/api/v1/meetings/${meetingId}`)).body.roll.filter(
      (r: { role: string }) => r.role !== 'candidate',
    ).length;
    const majority = Math.floor(present / 2) + 1;
    expect(majority).toBeLessThanOrEqual(present * 0.75);
    const res = await vote(secretary, id, { for: majority, against: present - majority }, meetingId);
    expect(res.body).toMatchObject({ status: 'not_passed', vote: { present, quorumMet: true, passed: false } });
    await admin.request('PUT', '/api/v1/admission-rules', {
      sponsorMinMonths: 12,
      candidacyMonths: 12,
      votePassShare: 0.5,
      voteBasis: 'present',
    });
  });

  it('committees add criteria for their subtree; the centre for everyone', async () => {
    const added = await region.post('/api/v1/admission-criteria', { title: 'Worked a season in the region', unitId: org.regionA.id });
    expect(added.status).toBe(201);
    expect((await secretary.post('/api/v1/admission-criteria', { title: 'x', unitId: org.cellA1a.id })).status).toBe(403);
    expect((await region.post('/api/v1/admission-criteria', { title: 'x' })).status).toBe(404);
    expect((await region.post('/api/v1/admission-criteria', { title: 'x', unitId: org.regionB.id })).status).toBe(404);
    const inA = await secretary.get(`/api/v1/admission-criteria?unitId=${org.cellA1a.id}`);
    expect(inA.body.items.map((c: { title: string }) => c.title)).toContain('Worked a season in the region');
    const inB = await outsider.get(`/api/v1/admission-criteria?unitId=${org.cellB1a.id}`);
    expect(inB.body.items.map((c: { title: string }) => c.title)).not.toContain('Worked a season in the region');
  });

  it('erasing the nominee keeps the nomination (the figures stay true) without what was written about them', async () => {
    const { id } = (await nominate(secretary, { ...newcomer('Nominee Erased'), reason: 'A private reason' })).body;
    await secretary.post(`/api/v1/nominations/${id}/recommendations`, { sponsorId: org.M.id, text: 'Written about them' });
    const personId = (await secretary.get(`/api/v1/nominations/${id}`)).body.personId;
    await erasePerson(t.ctx.db, systemActor(), personId, t.ctx.feedbackKey);
    const after = (await secretary.get(`/api/v1/nominations/${id}`)).body;
    expect(after).toMatchObject({ id, status: 'nominated', reason: null });
    expect(after.sponsors.every((s: { recommendation: string | null }) => s.recommendation === null)).toBe(true);
    expect(after.timeline.every((e: { detail: unknown }) => e.detail === null)).toBe(true);
  });

  it("a sponsor finds the nominations they sponsor and writes their own recommendation, nobody else's", async () => {
    const { id } = (await nominate(secretary, newcomer('Nominee Sponsored'))).body;
    const mine = await member.get('/api/v1/me/sponsorships');
    expect(mine.status).toBe(200);
    const item = mine.body.items.find((i: { nominationId: number }) => i.nominationId === id);
    expect(item).toMatchObject({ cellId: org.cellA1a.id, nomineeName: 'Nominee Sponsored', status: 'nominated', recommendation: null });
    // The sponsor writes theirs without reading the whole record (the nominee's personal file).
    expect((await member.get(`/api/v1/nominations/${id}`)).status).toBe(404);
    expect((await member.post(`/api/v1/nominations/${id}/recommendations`, { sponsorId: org.M.id, text: 'Steady at work' })).status).toBe(
      200,
    );
    expect((await member.post(`/api/v1/nominations/${id}/recommendations`, { sponsorId: org.P.id, text: 'Not mine' })).status).toBe(404);
    const after = (await member.get('/api/v1/me/sponsorships')).body.items.find((i: { nominationId: number }) => i.nominationId === id);
    expect(after).toMatchObject({ recommendation: 'Steady at work', recommendedOn: today });
    expect((await outsider.get('/api/v1/me/sponsorships')).body.items).toEqual([]);
    // The lists page by a cursor; a tampered one is a 400, not a database error.
    const first = await secretary.get(`/api/v1/cells/${org.cellA1a.id}/nominations?limit=1`);
    expect(first.body.items).toHaveLength(1);
    const second = await secretary.get(`/api/v1/cells/${org.cellA1a.id}/nominations?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    for (const day of ['abc', '2026-13-45', '2026-02-30']) {
      const cursor = Buffer.from(JSON.stringify([day, 1])).toString('base64url');
      expect((await secretary.get(`/api/v1/cells/${org.cellA1a.id}/nominations?cursor=${cursor}`)).status).toBe(400);
      expect((await region.get(`/api/v1/nominations/awaiting?cursor=${cursor}`)).status).toBe(400);
    }
  });

  it('the secretary withdraws an open nomination: it closes with its reason, its record kept; nothing more is done on it', async () => {
    const { id } = (await nominate(secretary, newcomer('Nominee Withdrawn'))).body;
    expect((await member.post(`/api/v1/nominations/${id}/withdraw`, {})).status).toBe(404);
    expect((await secretary.post(`/api/v1/nominations/${id}/withdraw`, { reason: 'x'.repeat(2001) })).status).toBe(400);
    const res = await secretary.post(`/api/v1/nominations/${id}/withdraw`, { reason: 'Moved to another city' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id, status: 'withdrawn' });
    const got = (await secretary.get(`/api/v1/nominations/${id}`)).body;
    expect(got).toMatchObject({ status: 'withdrawn', withdrawnOn: today, withdrawalReason: 'Moved to another city' });
    expect(got.timeline.at(-1)).toMatchObject({ step: 'withdrawn' });
    expect((await secretary.post(`/api/v1/nominations/${id}/withdraw`, {})).status).toBe(409);
    expect((await vote(secretary, id, { for: 1 })).status).toBe(409);
    expect((await secretary.post(`/api/v1/nominations/${id}/tasks`, { title: 'Late', dueOn: today })).status).toBe(409);
    expect((await member.get('/api/v1/me/sponsorships')).body.items.map((i: { nominationId: number }) => i.nominationId)).not.toContain(id);
    // The person may be nominated again later.
    expect((await nominate(secretary, { personId: got.personId, sponsorIds: [org.M.id, org.P.id] })).status).toBe(201);
  });

  it('finds former members and young people of the cell to nominate; never current members, nor people the reader does not manage', async () => {
    const db = t.ctx.db;
    const returning = await buildPerson(db, org.cellA1a.id, { fullName: 'Returning Ryu' });
    await changeMembership(db, returning.id, null, today);
    const elsewhere = await buildPerson(db, org.cellB1a.id, { fullName: 'Returning Elsewhere' });
    await changeMembership(db, elsewhere.id, null, today);
    const group = await secretary.post(`/api/v1/cells/${org.cellA1a.id}/youth-groups`, { name: 'Young pioneers' });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    expect(
      (await secretary.post(`/api/v1/youth-groups/${group.body.id}/young-people`, { fullName: 'Returning Youth', birthYear: 2007 })).status,
    ).toBe(201);
    const search = async (c: Client, q: string) => {
      const res = await c.get(`/api/v1/cells/${org.cellA1a.id}/nominees?q=${encodeURIComponent(q)}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items as Array<{ personId: number; fullName: string; from: string; youth: boolean }>;
    };
    const found = await search(secretary, 'Returning');
    expect(found.map((p) => p.fullName).sort()).toEqual(['Returning Ryu', 'Returning Youth']);
    expect(found.find((p) => p.youth)?.from).toBe('Young pioneers');
    expect(found.find((p) => !p.youth)?.from).toBe('Cell A1a');
    expect((await search(secretary, 'Member Lee')).length).toBe(0);
    expect((await search(admin, 'Returning')).map((p) => p.fullName)).toContain('Returning Elsewhere');
    expect((await member.get(`/api/v1/cells/${org.cellA1a.id}/nominees`)).status).toBe(404);
    expect((await secretary.get(`/api/v1/cells/${org.cellA1a.id}/nominees?q=${'x'.repeat(101)}`)).status).toBe(400);
    // The search's rule is the nomination's: the young person can be nominated, the one elsewhere not.
    const youth = found.find((p) => p.youth)!;
    expect((await nominate(secretary, { personId: youth.personId, sponsorIds: [org.M.id, org.P.id] })).status).toBe(201);
    expect((await nominate(secretary, { personId: elsewhere.id, sponsorIds: [org.M.id, org.P.id] })).status).toBe(404);
  });

  it('the pipeline figures roll up the tree and drill down to the children', async () => {
    await foldAllRollups(t.ctx.db);
    const rows = await t.ctx.db
      .selectFrom('nominations as n')
      .innerJoin('units as u', 'u.id', 'n.cell_id')
      .select(['n.cell_id', 'n.status', 'n.nominated_on', 'n.voted_on', 'n.decided_on'])
      .execute();
    // Every nomination of this file is in a cell of district A1, region A, this month.
    const nominated = rows.filter((r) => r.nominated_on.startsWith(thisMonth)).length;
    expect(nominated).toBe(rows.length);
    const region = await admin.get(`/api/v1/units/${org.regionA.id}/admissions/summary?period=${thisMonth}`);
    expect(region.status, JSON.stringify(region.body)).toBe(200);
    expect(region.body.figures.nominated).toBe(nominated);
    expect(region.body.figures.approved).toBe(rows.filter((r) => r.status === 'approved').length);
    expect(region.body.figures.rejected).toBe(rows.filter((r) => r.status === 'rejected').length);
    expect(region.body.figures.voteFailed).toBe(rows.filter((r) => r.status === 'not_passed').length);
    expect(region.body.figures.withdrawn).toBe(rows.filter((r) => r.status === 'withdrawn').length);
    expect(region.body.figures.withdrawn).toBeGreaterThan(0);
    expect(region.body.figures.open.awaitingDecision).toBe(rows.filter((r) => r.status === 'voted').length);
    expect(region.body.figures.meanDays.toDecision).toBe(0);
    const district = region.body.children.find((c: { unit: { id: number } }) => c.unit.id === org.districtA1.id);
    expect(district.figures).toEqual(region.body.figures);
    const drill = await secretary.get(`/api/v1/units/${org.cellA1a.id}/admissions/summary?period=${thisMonth}`);
    expect(drill.status).toBe(200);
    expect(drill.body.figures.approved).toBe(rows.filter((r) => r.status === 'approved' && Number(r.cell_id) === org.cellA1a.id).length);
    expect((await member.get(`/api/v1/units/${org.cellA1a.id}/admissions/summary`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/units/${org.regionA.id}/admissions/summary`)).status).toBe(404);
  });
});
