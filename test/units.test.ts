import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildCell, buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

describe('the organization tree', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  let region: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
    region = await signIn(t.app, 'region@test', 'secret-pass');
  });
  afterAll(async () => {
    await t.close();
  });

  it('browses from the top down to a cell with its members and secretary', async () => {
    const me = await admin.get('/api/v1/me');
    expect(me.body.roots).toEqual([{ id: org.root, name: 'Central Committee', kind: 'committee' }]);
    const regions = await admin.get(`/api/v1/units/${org.root}/children`);
    expect(regions.body.items.map((u: { name: string }) => u.name)).toEqual(['Region A', 'Region B']);
    const cell = await admin.get(`/api/v1/units/${org.cellA1a.id}`);
    expect(cell.body).toMatchObject({
      kind: 'cell',
      name: 'Cell A1a',
      memberCount: 3,
      secretary: { id: org.S.id, fullName: 'Secretary Kim' },
    });
    expect(cell.body.breadcrumb.map((u: { name: string }) => u.name)).toEqual(['Central Committee', 'Region A', 'District A1', 'Cell A1a']);
    const members = await admin.get(`/api/v1/units/${org.cellA1a.id}/members`);
    expect(members.body.items.map((m: { fullName: string; role: string }) => [m.fullName, m.role])).toEqual([
      ['Member Lee', 'member'],
      ['Member Park', 'member'],
      ['Secretary Kim', 'secretary'],
    ]);
  });

  it('shows a district official only their part of the breadcrumb and counts', async () => {
    const reader = await signIn(t.app, 'reader@test', 'secret-pass');
    const cell = await reader.get(`/api/v1/units/${org.cellA1a.id}`);
    expect(cell.body.breadcrumb.map((u: { name: string }) => u.name)).toEqual(['District A1', 'Cell A1a']);
    expect(cell.body.canManage).toBe(false);
    const me = await reader.get('/api/v1/me');
    expect(me.body.roots).toEqual([{ id: org.districtA1.id, name: 'District A1', kind: 'committee' }]);
    const district = await reader.get(`/api/v1/units/${org.districtA1.id}`);
    expect(district.body).toMatchObject({ cellCount: 2, memberCount: 3, childCount: 2 });
  });

  it('paginates children with an opaque cursor and rejects a forged one', async () => {
    const parent = (
      await admin.post('/api/v1/units', {
        parentId: org.regionB.id,
        kind: 'committee',
        name: 'Paging',
        code: 'PAGING',
        openedOn: '2020-01-01',
      })
    ).body;
    for (let i = 0; i < 7; i++) await buildCell(t.ctx.db, parent.id, { name: `Cell ${String(i).padStart(2, '0')}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: Array<{ name: string }>; nextCursor: string | null } } = await admin.get(
        `/api/v1/units/${parent.id}/children?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((u) => u.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Cell 00', 'Cell 01', 'Cell 02', 'Cell 03', 'Cell 04', 'Cell 05', 'Cell 06']);
    const forged = await admin.get(`/api/v1/units/${parent.id}/children?cursor=not-a-cursor`);
    expect(forged.status).toBe(400);
  });

  it('adds a cell, keeps Unicode names exactly, and refuses a duplicate code', async () => {
    const name = '강선제강소 3작업반 세포 — Café 🚂 e\u0301';
    const res = await region.post('/api/v1/units', {
      parentId: org.districtA2.id,
      kind: 'cell',
      name,
      code: 'KS-03',
      sector: 'metallurgy',
    });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe(name);
    expect((await region.get(`/api/v1/units/${res.body.id}`)).body.name).toBe(name);
    const dup = await region.post('/api/v1/units', { parentId: org.districtA2.id, kind: 'cell', name: 'Other', code: 'KS-03' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('conflict');
    const search = await region.get(`/api/v1/units/search?q=${encodeURIComponent('강선')}`);
    expect(search.body.items.map((u: { id: number }) => u.id)).toContain(res.body.id);
  });

  it('refuses to put a unit under a cell', async () => {
    const res = await admin.post('/api/v1/units', { parentId: org.cellA1a.id, kind: 'cell', name: 'Nested', code: 'NESTED' });
    expect(res.status).toBe(400);
  });

  it('moves a subtree: paths, depths and scope follow, history is kept', async () => {
    const district = (
      await admin.post('/api/v1/units', {
        parentId: org.regionB.id,
        kind: 'committee',
        name: 'Moving District',
        code: 'MOVD',
        openedOn: '2020-01-01',
      })
    ).body;
    const cell = await buildCell(t.ctx.db, district.id, { name: 'Moving Cell' });
    await buildPerson(t.ctx.db, cell.id);
    expect((await region.get(`/api/v1/units/${cell.id}`)).status).toBe(404);
    const moved = await admin.post(`/api/v1/units/${district.id}/move`, { newParentId: org.regionA.id });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(org.regionA.id);
    const seen = await region.get(`/api/v1/units/${cell.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.depth).toBe(3);
    expect(seen.body.breadcrumb.map((u: { name: string }) => u.name)).toEqual(['Region A', 'Moving District', 'Moving Cell']);
    const regionA = await admin.get(`/api/v1/units/${org.regionA.id}`);
    expect(regionA.body.memberCount).toBeGreaterThanOrEqual(4);
    const history = await t.ctx.db.selectFrom('unit_moves').selectAll().where('unit_id', '=', district.id).execute();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ from_parent_id: org.regionB.id, to_parent_id: org.regionA.id });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'unit.move')
      .where('entity_id', '=', String(district.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.account_id).not.toBeNull();
  });

  it('refuses to move a unit under itself or its own descendant', async () => {
    const res = await admin.post(`/api/v1/units/${org.regionA.id}/move`, { newParentId: org.districtA1.id });
    expect(res.status).toBe(400);
  });

  it('closes a unit only when it is empty, and keeps it visible as closed', async () => {
    const cell = await buildCell(t.ctx.db, org.districtA2.id, { name: 'Closing Cell' });
    const person = await buildPerson(t.ctx.db, cell.id);
    const withMembers = await admin.post(`/api/v1/units/${cell.id}/close`, {});
    expect(withMembers.status).toBe(409);
    await admin.post(`/api/v1/people/${person.id}/transfer`, { toCellId: org.cellA1b.id });
    const closed = await admin.post(`/api/v1/units/${cell.id}/close`, { closedOn: new Date().toISOString().slice(0, 10) });
    expect(closed.status).toBe(200);
    expect((await admin.post(`/api/v1/units/${cell.id}/close`, {})).status).toBe(409);
    const children = await admin.get(`/api/v1/units/${org.districtA2.id}/children`);
    expect(children.body.items.map((u: { id: number }) => u.id)).not.toContain(cell.id);
    const withClosed = await admin.get(`/api/v1/units/${org.districtA2.id}/children?includeClosed=true`);
    expect(withClosed.body.items.find((u: { id: number }) => u.id === cell.id)?.closedOn).toBeTruthy();
    const history = await admin.get(`/api/v1/people/${person.id}`);
    expect(history.body.memberships.map((m: { cell: { id: number } }) => m.cell.id)).toEqual([org.cellA1b.id, cell.id]);
    const busy = await admin.post(`/api/v1/units/${org.districtA1.id}/close`, {});
    expect(busy.status).toBe(409);
  });
});

describe('people and memberships over time', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let region: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    region = await signIn(t.app, 'region@test', 'secret-pass');
  });
  afterAll(async () => {
    await t.close();
  });

  it('adds a person to a cell and shows them on the roll', async () => {
    const res = await region.post('/api/v1/people', {
      fullName: '김철수',
      email: 'kim@example.org',
      birthYear: 1980,
      cellId: org.cellA1b.id,
      fromDate: '2024-03-01',
    });
    expect(res.status).toBe(201);
    expect(res.body.memberships).toEqual([
      expect.objectContaining({
        cell: { id: org.cellA1b.id, name: 'Cell A1b', kind: 'cell' },
        role: 'member',
        fromDate: '2024-03-01',
        toDate: null,
      }),
    ]);
    const roll = await region.get(`/api/v1/units/${org.cellA1b.id}/members`);
    expect(roll.body.items.map((m: { personId: number }) => m.personId)).toContain(res.body.id);
  });

  it('a transfer ends one membership and starts another; nothing is overwritten', async () => {
    const p = await buildPerson(t.ctx.db, org.cellA1a.id, { fromDate: '2022-01-01' });
    const res = await region.post(`/api/v1/people/${p.id}/transfer`, { toCellId: org.cellA2a.id, date: '2024-05-01' });
    expect(res.status).toBe(200);
    expect(
      res.body.memberships.map((m: { cell: { id: number }; fromDate: string; toDate: string | null }) => [m.cell.id, m.fromDate, m.toDate]),
    ).toEqual([
      [org.cellA2a.id, '2024-05-01', null],
      [org.cellA1a.id, '2022-01-01', '2024-05-01'],
    ]);
    const again = await region.post(`/api/v1/people/${p.id}/transfer`, { toCellId: org.cellA2a.id });
    expect(again.status).toBe(409);
    const early = await region.post(`/api/v1/people/${p.id}/transfer`, { toCellId: org.cellA1b.id, date: '2024-04-01' });
    expect(early.status).toBe(400);
  });

  it("hides memberships in cells outside the viewer's subtree", async () => {
    const admin = await signIn(t.app, 'admin@test', 'secret-pass');
    const p = await buildPerson(t.ctx.db, org.cellB1a.id, { fromDate: '2022-01-01' });
    await admin.post(`/api/v1/people/${p.id}/transfer`, { toCellId: org.cellA1b.id, date: '2023-01-01' });
    const seen = await region.get(`/api/v1/people/${p.id}`);
    expect(seen.body.memberships.map((m: { cell: { id: number } }) => m.cell.id)).toEqual([org.cellA1b.id]);
  });

  it('appoints and relieves a secretary, keeping the roll and the history', async () => {
    const cell = await buildCell(t.ctx.db, org.districtA1.id);
    const a = await buildPerson(t.ctx.db, cell.id, { fullName: 'First Secretary', fromDate: '2022-01-01' });
    const b = await buildPerson(t.ctx.db, cell.id, { fullName: 'Second Secretary', fromDate: '2022-01-01' });
    const first = await region.post(`/api/v1/units/${cell.id}/secretary`, { personId: a.id, date: '2023-01-01' });
    expect(first.body.secretary).toEqual({ id: a.id, fullName: 'First Secretary' });
    const second = await region.post(`/api/v1/units/${cell.id}/secretary`, { personId: b.id, date: '2024-01-01' });
    expect(second.body.secretary).toEqual({ id: b.id, fullName: 'Second Secretary' });
    expect(second.body.memberCount).toBe(2);
    const history = (await region.get(`/api/v1/people/${a.id}`)).body.memberships.map(
      (m: { role: string; fromDate: string; toDate: string | null }) => [m.role, m.fromDate, m.toDate],
    );
    expect(history).toEqual([
      ['member', '2024-01-01', null],
      ['secretary', '2023-01-01', '2024-01-01'],
      ['member', '2022-01-01', '2023-01-01'],
    ]);
    const deputy = await region.post(`/api/v1/units/${cell.id}/secretary`, { personId: a.id, deputy: true, date: '2024-02-01' });
    expect(deputy.body.deputies).toEqual([{ id: a.id, fullName: 'First Secretary' }]);
    const relieved = await region.post(`/api/v1/units/${cell.id}/secretary/relieve`, { personId: b.id, date: '2024-03-01' });
    expect(relieved.body.secretary).toBeNull();
    const outsider = await buildPerson(t.ctx.db, org.cellA1a.id);
    expect((await region.post(`/api/v1/units/${cell.id}/secretary`, { personId: outsider.id })).status).toBe(400);
  });

  it('lets a secretary edit people of their cell but not appoint a secretary', async () => {
    const secretary = await signIn(t.app, 'secretary@test', 'secret-pass');
    expect((await secretary.patch(`/api/v1/people/${org.P.id}`, { phone: '+82 10 1234 5678' })).body.phone).toBe('+82 10 1234 5678');
    expect((await secretary.get(`/api/v1/units/${org.cellA1a.id}`)).body).toMatchObject({ canManage: true, canRestructure: false });
    expect((await region.get(`/api/v1/units/${org.cellA1a.id}`)).body).toMatchObject({ canManage: true, canRestructure: true });
    expect((await region.get(`/api/v1/units/${org.regionA.id}`)).body).toMatchObject({ canManage: true, canRestructure: false });
    // Who sees the cell's people's work (its assignment board): officials, read-only ones too; not a plain member.
    const member = await signIn(t.app, 'member@test', 'secret-pass');
    const reader = await signIn(t.app, 'reader@test', 'secret-pass');
    expect((await secretary.get(`/api/v1/units/${org.cellA1a.id}`)).body.canSeePersonal).toBe(true);
    expect((await region.get(`/api/v1/units/${org.cellA1a.id}`)).body.canSeePersonal).toBe(true);
    expect((await member.get(`/api/v1/units/${org.cellA1a.id}`)).body).toMatchObject({ canManage: false, canSeePersonal: false });
    expect((await reader.get(`/api/v1/units/${org.cellA1a.id}`)).body).toMatchObject({ canManage: false, canSeePersonal: true });
    expect((await reader.get(`/api/v1/cells/${org.cellA1a.id}/assignments`)).status).toBe(200);
    expect((await secretary.post(`/api/v1/units/${org.cellA1a.id}/secretary`, { personId: org.P.id })).status).toBe(404);
  });

  it('audits every change with before and after', async () => {
    await region.patch(`/api/v1/people/${org.M.id}`, { workplace: 'Kangson Steel Works' });
    const row = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.update')
      .where('entity_id', '=', String(org.M.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect((row.before as { workplace: string | null }).workplace).toBeNull();
    expect((row.after as { workplace: string }).workplace).toBe('Kangson Steel Works');
    const account = await t.ctx.db.selectFrom('accounts').select('id').where('login', '=', 'region@test').executeTakeFirstOrThrow();
    expect(row.account_id).toBe(account.id);
  });
});
