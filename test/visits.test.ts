/**
 * Officials' planned visits through the API (issue 14; decision 0028): an official plans a visit to a
 * cell in their subtree, files the report with problems; the problems are tracked to a solution by the
 * cell's secretary and the officials; coverage per committee equals a recount, with its drill-down and
 * the cells not visited for longest. Bad input is refused whole; access holds for every role.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { addDays, todayIso } from '../src/server/modules/compliance/periods.ts';
import { erasePerson } from '../src/server/modules/people/privacy.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildAccount, buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

describe('planned visits', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let official: Client;
  let peer: Client;
  let region: Client;
  let reader: Client;
  let secretary: Client;
  let member: Client;
  let outsider: Client;
  let admin: Client;
  let officialPersonId: number;
  const today = todayIso();
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    // The district's official is on a cell's roll elsewhere (officials belong to a cell like anyone).
    const person = await buildPerson(t.ctx.db, org.cellA2a.id, { fullName: 'Official Han' });
    officialPersonId = person.id;
    await buildAccount(t.ctx.db, {
      login: 'official@test',
      personId: person.id,
      grants: [{ role: 'official', access: 'manage', unitId: org.districtA1.id }],
    });
    await buildAccount(t.ctx.db, { login: 'peer@test', grants: [{ role: 'official', access: 'manage', unitId: org.districtA1.id }] });
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    official = await as('official@test');
    peer = await as('peer@test');
    region = await as('region@test');
    reader = await as('reader@test');
    secretary = await as('secretary@test');
    member = await as('member@test');
    outsider = await as('outsider@test');
    admin = await as('admin@test');
  });
  afterAll(async () => t?.close());

  const count = async (table: 'visits' | 'visit_problems') =>
    Number((await t.ctx.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const plan = (c: Client, body: Record<string, unknown>) => c.post('/api/v1/visits', body);
  const planned = async (cellId = org.cellA1a.id) => {
    const res = await plan(official, { unitId: cellId, plannedOn: today, purpose: 'Talk with the members about the harvest' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };

  it('an official plans a visit to a cell of their subtree; anyone else is refused and nothing is saved', async () => {
    const id = await planned();
    expect(id).toBeGreaterThan(0);
    const before = await count('visits');
    const cases: Array<[Client, Record<string, unknown>, number, string]> = [
      [secretary, { unitId: org.cellA1a.id, plannedOn: today }, 403, 'visit.officialsOnly'],
      [member, { unitId: org.cellA1a.id, plannedOn: today }, 403, 'visit.officialsOnly'],
      [outsider, { unitId: org.cellA1a.id, plannedOn: today }, 404, 'cell.notFound'],
      [reader, { unitId: org.cellA1a.id, plannedOn: today }, 403, 'visit.officialsOnly'],
      [official, { unitId: org.cellA2a.id, plannedOn: today }, 404, 'cell.notFound'],
      [official, { unitId: org.cellB1a.id, plannedOn: today }, 404, 'cell.notFound'],
      [official, { unitId: org.districtA1.id, plannedOn: today }, 400, 'visit.notCell'],
      [official, { unitId: org.cellA1a.id, plannedOn: addDays(today, -1) }, 400, 'visit.plannedInPast'],
    ];
    for (const [c, body, status, key] of cases) {
      const res = await plan(c, body);
      expect(res.status, `${JSON.stringify(body)} ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.error.messageKey).toBe(key);
    }
    for (const body of [
      { unitId: '0x10', plannedOn: today },
      { unitId: org.cellA1a.id, plannedOn: '2026-13-01' },
      { unitId: org.cellA1a.id },
      { unitId: org.cellA1a.id, plannedOn: today, purpose: '' },
      { unitId: org.cellA1a.id, plannedOn: today, extra: 1 },
    ]) {
      const res = await plan(official, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await count('visits')).toBe(before);
    // The region's official (above) and the centre plan too.
    expect((await plan(region, { unitId: org.cellA1b.id, plannedOn: addDays(today, 3) })).status).toBe(201);
    expect((await plan(admin, { unitId: org.cellB1a.id, plannedOn: addDays(today, 3) })).status).toBe(201);
  });

  it('the visit is read by its official, officials above and the cell’s secretary; 404 for everyone else', async () => {
    const id = await planned();
    for (const c of [official, peer, region, reader, secretary, admin]) {
      const res = await c.get(`/api/v1/visits/${id}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ id, cellId: org.cellA1a.id, status: 'planned', report: null, problems: [] });
    }
    expect((await official.get(`/api/v1/visits/${id}`)).body.canAct).toBe(true);
    expect((await peer.get(`/api/v1/visits/${id}`)).body.canAct).toBe(false);
    expect((await region.get(`/api/v1/visits/${id}`)).body.canAct).toBe(true);
    expect((await secretary.get(`/api/v1/visits/${id}`)).body.canAct).toBe(false);
    for (const c of [member, outsider]) {
      const res = await c.get(`/api/v1/visits/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.error.messageKey).toBe('visit.notFound');
    }
    expect((await official.get('/api/v1/visits/999999')).status).toBe(404);
    expect((await official.get('/api/v1/visits/abc')).status).toBe(400);
  });

  it('a report with bad input, or for someone else’s visit, is refused and nothing is saved', async () => {
    const id = await planned();
    const good = { heldOn: today, membersMet: 2, findings: 'Meetings are regular', problems: [{ title: 'No room to meet' }] };
    const cases: Array<[Client, Record<string, unknown>, number, string]> = [
      [official, { ...good, heldOn: addDays(today, 1) }, 400, 'visit.heldInFuture'],
      [official, { ...good, membersMet: 4 }, 400, 'visit.membersMetOverRoll'],
      [official, { ...good, problems: [{ title: 'X', ownerPersonId: org.Q.id }] }, 400, 'visit.ownerNotInCell'],
      [official, { ...good, problems: [{ title: 'X', dueOn: addDays(today, -1) }] }, 400, 'visit.dueBeforeHeld'],
      [official, { ...good, heldOn: '2019-01-01' }, 400, 'visit.heldBeforeOpened'],
      [peer, good, 403, 'visit.notYours'],
      [secretary, good, 403, 'visit.notYours'],
      [member, good, 404, 'visit.notFound'],
      [outsider, good, 404, 'visit.notFound'],
    ];
    for (const [c, body, status, key] of cases) {
      const res = await c.post(`/api/v1/visits/${id}/report`, body);
      expect(res.status, `${key} ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.error.messageKey).toBe(key);
    }
    for (const body of [
      { ...good, membersMet: -1 },
      { ...good, membersMet: 1.5 },
      { ...good, problems: [{ title: '' }] },
      { ...good, heldOn: 'yesterday' },
      { heldOn: today },
    ]) {
      expect((await official.post(`/api/v1/visits/${id}/report`, body)).status, JSON.stringify(body)).toBe(400);
    }
    const v = await official.get(`/api/v1/visits/${id}`);
    expect(v.body).toMatchObject({ status: 'planned', report: null, problems: [] });
    expect(await count('visit_problems')).toBe(0);
  });

  it('the official files the report; the secretary owns the problem and marks it solved; audit rows follow', async () => {
    const id = await planned();
    const res = await official.post(`/api/v1/visits/${id}/report`, {
      heldOn: today,
      membersMet: 3,
      findings: 'The cell meets monthly; the hall is too small.',
      problems: [
        { title: 'No room to meet', detail: 'The factory hall is taken on Fridays' },
        { title: 'Late minutes', dueOn: addDays(today, 5) },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.problemIds).toHaveLength(2);
    const again = await official.post(`/api/v1/visits/${id}/report`, { heldOn: today, membersMet: 1, problems: [] });
    expect(again.status).toBe(409);
    expect(again.body.error.messageKey).toBe('visit.alreadyReported');
    const seen = await secretary.get(`/api/v1/visits/${id}`);
    expect(seen.body).toMatchObject({ status: 'held', heldOn: today, report: { membersMet: 3, heldOn: today } });
    const [p1, p2] = seen.body.problems;
    expect(p1).toMatchObject({
      title: 'No room to meet',
      status: 'open',
      owner: { id: org.S.id },
      dueOn: addDays(today, 30),
      canUpdate: true,
    });
    expect(p2.dueOn).toBe(addDays(today, 5));
    expect(p1.canReassign).toBe(false);
    // Solving needs a resolution; members and outsiders cannot find it; the secretary cannot reassign.
    let r = await secretary.patch(`/api/v1/visit-problems/${p1.id}`, { status: 'solved' });
    expect(r.status).toBe(400);
    expect(r.body.error.messageKey).toBe('problem.resolutionRequired');
    r = await member.patch(`/api/v1/visit-problems/${p1.id}`, { status: 'solved', resolution: 'x' });
    expect(r.status).toBe(404);
    r = await secretary.patch(`/api/v1/visit-problems/${p1.id}`, { dueOn: addDays(today, 60) });
    expect(r.status).toBe(403);
    expect(r.body.error.messageKey).toBe('problem.officialsReassign');
    r = await secretary.patch(`/api/v1/visit-problems/${p1.id}`, { status: 'in_progress' });
    expect(r.status).toBe(200);
    r = await secretary.patch(`/api/v1/visit-problems/${p1.id}`, { status: 'solved', resolution: 'We meet in the school on Fridays' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'solved', resolution: 'We meet in the school on Fridays', closedOn: today });
    // An official reassigns the other to themself with a later due day.
    r = await official.patch(`/api/v1/visit-problems/${p2.id}`, { ownerPersonId: officialPersonId, dueOn: addDays(today, 10) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ owner: { id: officialPersonId }, dueOn: addDays(today, 10) });
    expect((await official.patch(`/api/v1/visit-problems/${p2.id}`, {})).status).toBe(400);
    expect((await official.patch('/api/v1/visit-problems/999999', { status: 'open' })).status).toBe(404);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'unit_id'])
      .where((eb) =>
        eb.or([
          eb.and([eb('entity', '=', 'visit'), eb('entity_id', '=', String(id))]),
          eb.and([eb('entity', '=', 'visit_problem'), eb('entity_id', 'in', [String(p1.id), String(p2.id)])]),
        ]),
      )
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'visit.plan',
      'visit.report',
      'visit_problem.update',
      'visit_problem.update',
      'visit_problem.update',
    ]);
    expect(audit.every((a) => Number(a.unit_id) === org.cellA1a.id)).toBe(true);
    // The secretary's lists: the cell's visits and its open problems; the committee's open problems.
    const visits = await secretary.get(`/api/v1/units/${org.cellA1a.id}/visits?status=held`);
    expect(visits.status).toBe(200);
    expect(visits.body.items.map((v: { id: number }) => v.id)).toContain(id);
    const open = await secretary.get(`/api/v1/units/${org.cellA1a.id}/visit-problems`);
    expect(open.body.items.map((p: { id: number }) => p.id)).toEqual([p2.id]);
    const all = await region.get(`/api/v1/units/${org.regionA.id}/visit-problems?filter=all&limit=1`);
    expect(all.body.items).toHaveLength(1);
    expect(all.body.nextCursor).not.toBeNull();
    const rest = await region.get(`/api/v1/units/${org.regionA.id}/visit-problems?filter=all&limit=1&cursor=${all.body.nextCursor}`);
    expect(rest.body.items).toHaveLength(1);
    expect((await member.get(`/api/v1/units/${org.cellA1a.id}/visit-problems`)).status).toBe(404);
    expect((await member.get(`/api/v1/units/${org.cellA1a.id}/visits`)).status).toBe(404);
    expect((await region.get(`/api/v1/units/${org.regionA.id}/visit-problems?cursor=bad`)).status).toBe(400);
  });

  it('plans are rescheduled or cancelled before they are held, by their official or one above', async () => {
    const id = await planned();
    expect((await peer.patch(`/api/v1/visits/${id}`, { plannedOn: addDays(today, 2) })).status).toBe(403);
    const r = await official.patch(`/api/v1/visits/${id}`, { plannedOn: addDays(today, 2) });
    expect(r.status).toBe(200);
    expect((await official.get(`/api/v1/visits/${id}`)).body.plannedOn).toBe(addDays(today, 2));
    expect((await region.post(`/api/v1/visits/${id}/cancel`)).status).toBe(200);
    const report = await official.post(`/api/v1/visits/${id}/report`, { heldOn: today, membersMet: 1, problems: [] });
    expect(report.status).toBe(409);
    expect(report.body.error.messageKey).toBe('visit.cancelled');
    const mine = await official.get('/api/v1/me/visits?status=cancelled');
    expect(mine.body.items.map((v: { id: number }) => v.id)).toContain(id);
  });

  it('coverage per committee equals a recount, with a drill-down and the cells not visited for longest', async () => {
    await foldAllRollups(t.ctx.db);
    const period = today.slice(0, 7);
    const recount = async (path: string) => {
      const { rows } = await sql<{ cells: number; visited: number }>`
        select count(*)::int as cells,
          count(*) filter (where exists (select 1 from visits v where v.cell_id = u.id and v.status = 'held'
            and v.held_on >= ${`${period}-01`}::date))::int as visited
        from units u where u.kind = 'cell' and u.path <@ ${path}::ltree and u.closed_on is null and u.opened_on <= ${`${period}-01`}::date`.execute(
        t.ctx.db,
      );
      return rows[0]!;
    };
    const res = await region.get(`/api/v1/units/${org.regionA.id}/visits/coverage?period=${period}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const regionPath = (await sql<{ p: string }>`select path::text as p from units where id = ${org.regionA.id}`.execute(t.ctx.db)).rows[0]!
      .p;
    const expected = await recount(regionPath);
    expect({ cells: res.body.cells, visited: res.body.visited }).toEqual(expected);
    expect(expected.visited).toBe(1);
    expect(res.body.share).toBeCloseTo(expected.visited / expected.cells);
    expect(res.body.heldVisits).toBe(1);
    expect(res.body.openProblems).toBe(1);
    // Drill-down: each child's figures, summing to the unit's.
    const children = res.body.children as Array<{ unitId: number; cells: number; visited: number }>;
    expect(children.map((c) => c.unitId).sort()).toEqual([org.districtA1.id, org.districtA2.id].sort());
    expect(children.reduce((s, c) => s + c.visited, 0)).toBe(res.body.visited);
    const district = await official.get(`/api/v1/units/${org.districtA1.id}/visits/coverage?period=${period}&months=3`);
    expect(district.body).toMatchObject({ cells: 2, visited: 1, months: 3 });
    expect(district.body.children).toEqual([
      expect.objectContaining({ unitId: org.cellA1a.id, cells: 1, visited: 1, share: 1 }),
      expect.objectContaining({ unitId: org.cellA1b.id, cells: 1, visited: 0, share: 0 }),
    ]);
    // Never visited first, then by the last visit.
    expect(district.body.longestUnvisited.items.map((c: { cellId: number }) => c.cellId)).toEqual([org.cellA1b.id, org.cellA1a.id]);
    expect(district.body.longestUnvisited.items[1].lastVisitedOn).toBe(today);
    const centre = await admin.get(`/api/v1/units/${org.root}/visits/unvisited?limit=2`);
    expect(centre.status).toBe(200);
    expect(centre.body.items).toHaveLength(2);
    const next = await admin.get(`/api/v1/units/${org.root}/visits/unvisited?limit=10&cursor=${centre.body.nextCursor}`);
    const all = [...centre.body.items, ...next.body.items].map((c: { cellId: number }) => c.cellId);
    expect(all.at(-1)).toBe(org.cellA1a.id);
    expect(new Set(all).size).toBe(4);
    // A tampered day in a cursor is a 400 on every paged visits list, never a database error.
    for (const day of ['x', '2026-13-45', '2026-02-30']) {
      const bad = Buffer.from(JSON.stringify([day, 1])).toString('base64url');
      expect((await admin.get(`/api/v1/units/${org.root}/visits/unvisited?cursor=${bad}`)).status).toBe(400);
      expect((await admin.get(`/api/v1/units/${org.root}/visits?cursor=${bad}`)).status).toBe(400);
      expect((await admin.get(`/api/v1/units/${org.root}/visit-problems?cursor=${bad}`)).status).toBe(400);
    }
    expect((await official.get(`/api/v1/units/${org.regionB.id}/visits/coverage`)).status).toBe(404);
    expect((await official.get(`/api/v1/units/${org.districtA1.id}/visits/coverage?period=2026-13`)).status).toBe(400);
    expect((await official.get(`/api/v1/units/${org.districtA1.id}/visits/coverage?months=2`)).status).toBe(400);
  });

  it('the person’s export lists their visits and problems; erasure removes them from the rows', async () => {
    const exported = await secretary.get('/api/v1/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.visits.problemsOwned.map((p: { title: string }) => p.title)).toContain('No room to meet');
    const theirs = await official.get('/api/v1/me/export');
    expect(theirs.body.visits.planned.length).toBeGreaterThan(0);
    await erasePerson(t.ctx.db, systemActor(), officialPersonId, t.ctx.feedbackKey);
    const left = await t.ctx.db.selectFrom('visits').select('id').where('planned_by_person', '=', officialPersonId).execute();
    expect(left).toEqual([]);
    const owned = await t.ctx.db.selectFrom('visit_problems').select('id').where('owner_person_id', '=', officialPersonId).execute();
    expect(owned).toEqual([]);
  });

  it('a filed report is corrected within its window by its official: figures, findings, forgotten problems; the roll of the day holds', async () => {
    const cell = org.cellA1b.id;
    for (const n of ['Kang', 'Lim']) await buildPerson(t.ctx.db, cell, { fullName: `${n} Early` });
    await buildPerson(t.ctx.db, cell, { fullName: 'Moon Today', fromDate: today });
    const yesterday = addDays(today, -1);
    // An official of its own (the one above was erased by the test before).
    await buildAccount(t.ctx.db, { login: 'corrector@test', grants: [{ role: 'official', access: 'manage', unitId: org.districtA1.id }] });
    const official = await signIn(t.app, 'corrector@test', 'secret-pass');
    const planIn = async () => (await plan(official, { unitId: cell, plannedOn: today })).body.id as number;
    const id = await planIn();
    expect((await official.post(`/api/v1/visits/${id}/report`, { heldOn: today, membersMet: 3, problems: [] })).status).toBe(200);
    const other = await planIn();
    const url = `/api/v1/visits/${id}/report`;
    const refused: Array<[Client, string, Record<string, unknown>, number, string]> = [
      [secretary, url, { findings: 'x' }, 404, 'visit.notFound'],
      [member, url, { findings: 'x' }, 404, 'visit.notFound'],
      [peer, url, { findings: 'x' }, 403, 'visit.notYours'],
      [official, `/api/v1/visits/${other}/report`, { findings: 'x' }, 409, 'visit.notReported'],
      [official, url, {}, 400, 'visit.nothingToChange'],
      [official, url, { heldOn: addDays(today, 1) }, 400, 'visit.heldInFuture'],
      // Three were met today; only two were on the roll yesterday.
      [official, url, { heldOn: yesterday }, 400, 'visit.membersMetOverRoll'],
      [official, url, { addProblems: [{ title: 'Late', dueOn: addDays(today, -1) }] }, 400, 'visit.dueBeforeHeld'],
    ];
    for (const [c, u, body, status, key] of refused) {
      const res = await c.patch(u, body);
      expect(res.status, `${key} ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.error.messageKey).toBe(key);
    }
    const lastVisited = async () =>
      (
        await t.ctx.db
          .selectFrom('units')
          .select(sql<string | null>`last_visited_on::text`.as('d'))
          .where('id', '=', cell)
          .executeTakeFirstOrThrow()
      ).d;
    expect(await lastVisited()).toBe(today);
    const res = await official.patch(url, {
      heldOn: yesterday,
      membersMet: 2,
      findings: 'Corrected',
      addProblems: [{ title: 'Forgotten' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.problemIds).toHaveLength(1);
    const v = (await official.get(`/api/v1/visits/${id}`)).body;
    expect(v.report).toMatchObject({ heldOn: yesterday, membersMet: 2, findings: 'Corrected', correctableUntil: addDays(today, 30) });
    expect(v.problems).toEqual([expect.objectContaining({ title: 'Forgotten', raisedOn: yesterday })]);
    expect(await lastVisited()).toBe(yesterday);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('action', '=', 'visit.correct')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ heldOn: today, membersMet: 3, findings: null });
    // After the window the report stands as filed.
    await sql`update visits set reported_at = now() - interval '31 days' where id = ${id}`.execute(t.ctx.db);
    const late = await official.patch(url, { findings: 'Too late' });
    expect(late.status).toBe(409);
    expect(late.body.error.messageKey).toBe('visit.correctionClosed');
    expect((await official.get(`/api/v1/visits/${id}`)).body.report.findings).toBe('Corrected');
  });
});
