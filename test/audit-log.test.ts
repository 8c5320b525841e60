/** GET /api/v1/audit: who sees which rows, the filters, keyset pages, erasure kept, reads audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildAccount, buildCell, buildCommittee, buildMeeting, buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

type Entry = {
  id: number;
  at: string;
  action: string;
  entity: string;
  entityId: string | null;
  entityLabel: string | null;
  unit: { id: number } | null;
  actor: { login: string; fullName: string | null } | null;
  before: any;
  after: any;
};

describe('the audit trail through the API', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  let region: Client;
  let reader: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
    region = await signIn(t.app, 'region@test', 'secret-pass');
    reader = await signIn(t.app, 'reader@test', 'secret-pass');
  });
  afterAll(async () => {
    await t.close();
  });

  /** Every page of a read, following the cursor. */
  async function readAll(client: Client, query: string, limit = 500): Promise<Entry[]> {
    const items: Entry[] = [];
    let cursor: string | null = null;
    do {
      const res = await client.get(`/api/v1/audit?limit=${limit}${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }
  const changes = (items: Entry[]) => items.filter((e) => e.action !== 'audit.read').map((e) => e.id);
  const unitIds = (items: Entry[]) => new Set(items.map((e) => e.unit?.id ?? null));
  /** The units whose changes are filed under `path`, straight from the table. */
  const rowsUnder = async (unitId: number) => {
    const { rows } = await sql<{ id: number }>`select l.id from audit_log l, units u
      where u.id = ${unitId} and l.unit_path <@ u.path and l.action <> 'audit.read' order by l.at desc, l.id desc`.execute(t.ctx.db);
    return rows.map((r) => r.id);
  };

  it('shows the administrator every row, the global ones too, with who, what and when', async () => {
    await admin.post('/api/v1/meeting-kinds', { code: 'youth', nameEn: 'Youth session', nameKo: '청년 모임', quorum: null });
    const items = await readAll(admin, '');
    const total = await t.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '<>', 'audit.read')
      .executeTakeFirstOrThrow();
    expect(items.filter((e) => e.action !== 'audit.read')).toHaveLength(Number(total.n));
    const kind = items.find((e) => e.action === 'meeting-kind.save');
    expect(kind).toMatchObject({
      entity: 'meeting_kind',
      entityId: 'youth',
      unit: null,
      actor: { login: 'admin@test' },
      after: { nameEn: 'Youth session' },
    });
    expect(kind!.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    const created = items.find((e) => e.action === 'person.create' && e.entityId === String(org.M.id));
    expect(created).toMatchObject({ entity: 'person', entityLabel: 'Member Lee', unit: { id: org.cellA1a.id }, actor: null });
  });

  it('shows an official only the rows of their subtree, at every depth', async () => {
    await region.patch(`/api/v1/units/${org.cellA2a.id}`, { name: 'Cell A2a renamed' });
    const ofReader = await readAll(reader, '');
    expect(ofReader.map((e) => e.id)).toEqual(await rowsUnder(org.districtA1.id));
    expect(ofReader.length).toBeGreaterThan(3);
    expect(unitIds(ofReader)).toEqual(new Set([org.districtA1.id, org.cellA1a.id, org.cellA1b.id]));
    const ofRegion = (await readAll(region, '')).filter((e) => e.action !== 'audit.read');
    expect(ofRegion.map((e) => e.id)).toEqual(await rowsUnder(org.regionA.id));
    expect(ofRegion.some((e) => e.action === 'unit.update' && e.unit?.id === org.cellA2a.id)).toBe(true);
    expect(ofRegion.some((e) => e.unit === null || e.unit.id === org.cellB1a.id)).toBe(false);
    const oneCell = await readAll(reader, `unitId=${org.cellA1a.id}`);
    expect(changes(oneCell)).toEqual(await rowsUnder(org.cellA1a.id));
  });

  it('files each kind of change under the unit it belongs to', async () => {
    const meeting = await buildMeeting(t.ctx.db, org.cellA1b.id);
    const p = await buildPerson(t.ctx.db, org.cellA1b.id);
    const account = await buildAccount(t.ctx.db, { personId: p.id, grants: [{ role: 'member', unitId: org.cellA1b.id }] });
    const rows = await readAll(reader, `unitId=${org.cellA1b.id}`);
    const unitOf = (action: string, entityId: number) => rows.find((e) => e.action === action && e.entityId === String(entityId))?.unit?.id;
    expect(unitOf('meeting.create', meeting.id)).toBe(org.cellA1b.id);
    expect(unitOf('account.create', account.id)).toBe(org.cellA1b.id);
    const grant = rows.find((e) => e.action === 'grant.create' && e.after?.accountId === account.id);
    expect(grant?.unit?.id).toBe(org.cellA1b.id);
    expect(
      (await readAll(reader, `unitId=${org.cellA1a.id}`)).some((e) => e.entityId === String(meeting.id) && e.entity === 'meeting'),
    ).toBe(false);
  });

  it('reads a subtree deeper than the indexed committee depths', async () => {
    const c3 = await buildCommittee(t.ctx.db, org.districtA1.id, { name: 'Level 3' });
    const c4 = await buildCommittee(t.ctx.db, c3.id, { name: 'Level 4' });
    const c5 = await buildCommittee(t.ctx.db, c4.id, { name: 'Level 5' });
    const deepCell = await buildCell(t.ctx.db, c5.id, { name: 'Deep cell' });
    await buildPerson(t.ctx.db, deepCell.id, { fullName: 'Deep Member' });
    const deep = await readAll(reader, `unitId=${c5.id}`);
    expect(changes(deep)).toEqual(await rowsUnder(c5.id));
    expect(unitIds(deep)).toEqual(new Set([c5.id, deepCell.id]));
    expect(changes(await readAll(reader, `unitId=${c4.id}`))).toEqual(await rowsUnder(c4.id));
    expect(changes(await readAll(reader, `unitId=${deepCell.id}`))).toEqual(await rowsUnder(deepCell.id));
  });

  it("refuses members and secretaries, and units outside the official's subtree", async () => {
    const member = await signIn(t.app, 'member@test', 'secret-pass');
    const secretary = await signIn(t.app, 'secretary@test', 'secret-pass');
    expect((await member.get('/api/v1/audit')).status).toBe(404);
    expect((await secretary.get(`/api/v1/audit?unitId=${org.cellA1a.id}`)).status).toBe(404);
    expect((await reader.get(`/api/v1/audit?unitId=${org.cellA2a.id}`)).status).toBe(404);
    expect((await region.get(`/api/v1/audit?unitId=${org.cellB1a.id}`)).status).toBe(404);
    expect((await admin.get('/api/v1/audit?unitId=999999')).status).toBe(404);
  });

  it('filters by person, actor, entity, action and days', async () => {
    const p = await buildPerson(t.ctx.db, org.cellA1b.id, { fullName: 'Filter Me' });
    await region.patch(`/api/v1/people/${p.id}`, { workplace: 'Mill 3' });
    const aboutP = await readAll(reader, `personId=${p.id}`);
    expect(aboutP.map((e) => e.action)).toEqual(['person.update', 'person.create']);
    expect(aboutP[0]).toMatchObject({ actor: { login: 'region@test' }, before: { workplace: null }, after: { workplace: 'Mill 3' } });
    const regionAccount = org.accounts.regionManager.id;
    const byRegion = await readAll(admin, `actorId=${regionAccount}`);
    expect(byRegion.length).toBeGreaterThan(0);
    expect(byRegion.every((e) => e.actor?.login === 'region@test')).toBe(true);
    const meetings = await readAll(admin, 'entity=meeting_kind');
    expect(meetings.length).toBeGreaterThan(0);
    expect(meetings.every((e) => e.entity === 'meeting_kind')).toBe(true);
    // The member-work and people modules' entities filter too (they were refused as unknown before).
    const scale = await admin.request('PUT', '/api/v1/assignment-scale', { min: 1, max: 5 });
    expect(scale.status, JSON.stringify(scale.body)).toBe(200);
    const scales = await readAll(admin, 'entity=assignment_scale');
    expect(scales.length).toBeGreaterThan(0);
    expect(scales.every((e) => e.entity === 'assignment_scale')).toBe(true);
    for (const entity of ['assignment', 'nomination', 'mentorship', 'youth_group', 'help_request', 'directive', 'programme'])
      expect((await admin.get(`/api/v1/audit?entity=${entity}`)).status).toBe(200);
    const updates = await readAll(reader, 'action=person.update');
    expect(updates.map((e) => e.entityId)).toEqual([String(p.id)]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await readAll(reader, `personId=${p.id}&from=${today}&to=${today}`)).toHaveLength(2);
    expect(await readAll(reader, `personId=${p.id}&to=2020-01-01`)).toHaveLength(0);
    expect(await readAll(reader, `personId=${p.id}&from=2999-01-01`)).toHaveLength(0);
  });

  it('keeps its pages stable while changes keep arriving', async () => {
    const before = await rowsUnder(org.districtA1.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    let page = 0;
    do {
      const res = await reader.get(`/api/v1/audit?limit=2&entity=person${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((e: Entry) => e.id));
      cursor = res.body.nextCursor;
      // A change in the subtree between two pages lands above the first page, never inside the walk.
      await buildPerson(t.ctx.db, org.cellA1a.id, { fullName: `Arrived ${page++}` });
    } while (cursor);
    const personRows = await t.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('id', 'in', before)
      .where('entity', '=', 'person')
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    expect(seen).toEqual(personRows.map((r) => r.id));
    expect(page).toBeGreaterThan(2);
  });

  it('records each page read with its filters', async () => {
    const res = await reader.get(`/api/v1/audit?limit=2&entity=person&unitId=${org.cellA1a.id}`);
    expect(res.status).toBe(200);
    const row = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'audit.read')
      .where('account_id', '=', org.accounts.districtReader.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      entity: 'audit',
      unit_id: org.cellA1a.id,
      after: { entity: 'person', unitId: org.cellA1a.id, page: 'first', rows: 2 },
    });
    const next = await reader.get(`/api/v1/audit?limit=2&entity=person&unitId=${org.cellA1a.id}&cursor=${res.body.nextCursor}`);
    expect(next.status).toBe(200);
    const reads = await t.ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'audit.read')
      .where('account_id', '=', org.accounts.districtReader.id)
      .where('id', '>', row.id)
      .execute();
    expect(reads).toEqual([{ after: expect.objectContaining({ page: 'next' }) }]);
    const seenByAdmin = await readAll(admin, 'action=audit.read');
    expect(seenByAdmin.some((e) => e.actor?.login === 'reader@test')).toBe(true);
  });

  it('does not bring an erased person back through before and after', async () => {
    const p = await buildPerson(t.ctx.db, org.cellA1b.id, { fullName: 'Gone Soon', email: 'gone@example.org' });
    const account = await buildAccount(t.ctx.db, {
      login: 'gone@test',
      personId: p.id,
      grants: [{ role: 'official', access: 'read', unitId: org.districtA1.id }],
    });
    const gone = await signIn(t.app, account.login, account.password);
    await readAll(gone, '');
    expect((await admin.post(`/api/v1/people/${p.id}/erase`, {})).status).toBe(204);
    const items = await readAll(admin, '');
    const text = JSON.stringify(items);
    expect(text).not.toMatch(/Gone Soon|gone@example\.org|gone@test/);
    const theirRead = items.find((e) => e.action === 'audit.read' && e.actor?.fullName === '(erased)');
    expect(theirRead?.actor?.login).toMatch(/^erased-/);
    const accountRow = items.find((e) => e.entity === 'account' && e.entityId === String(account.id) && e.action === 'account.create');
    expect(accountRow).toMatchObject({ before: null, after: { erased: true } });
  });

  it('names in before and after only the units the reader may read; a tree path starts at their top unit', async () => {
    const cell = await buildCell(t.ctx.db, org.districtB1.id, { name: 'Cell moving in' });
    const oldPath = `${org.root}.${org.regionB.id}.${org.districtB1.id}.${cell.id}`;
    expect((await admin.post(`/api/v1/units/${cell.id}/move`, { newParentId: org.districtA1.id })).status).toBe(200);
    const p = await buildPerson(t.ctx.db, org.cellB1a.id, { fullName: 'Coming Over', fromDate: '2021-01-01' });
    expect((await admin.post(`/api/v1/people/${p.id}/transfer`, { toCellId: org.cellA1a.id })).status).toBe(200);
    const seen = async (client: Client) => {
      const items = await readAll(client, `unitId=${org.districtA1.id}`);
      const move = items.find((e) => e.action === 'unit.move' && e.entityId === String(cell.id));
      const transfer = items.find((e) => e.action === 'person.transfer' && e.entityId === String(p.id));
      return {
        move: { before: move?.before, after: move?.after },
        transfer: { before: transfer?.before?.cell_id, after: transfer?.after?.cell_id },
      };
    };
    const A1 = org.districtA1.id;
    expect(await seen(admin)).toEqual({
      move: {
        before: { parentId: org.districtB1.id, path: oldPath },
        after: { parentId: A1, path: `${org.root}.${org.regionA.id}.${A1}.${cell.id}` },
      },
      transfer: { before: org.cellB1a.id, after: org.cellA1a.id },
    });
    expect(await seen(region)).toEqual({
      move: { before: { parentId: null, path: null }, after: { parentId: A1, path: `${org.regionA.id}.${A1}.${cell.id}` } },
      transfer: { before: null, after: org.cellA1a.id },
    });
    expect(await seen(reader)).toEqual({
      move: { before: { parentId: null, path: null }, after: { parentId: A1, path: `${A1}.${cell.id}` } },
      transfer: { before: null, after: org.cellA1a.id },
    });
  });

  it('answers 400 to filters it cannot read', async () => {
    for (const q of [
      'entity=bogus',
      'unitId=abc',
      'unitId=0',
      'personId=-1',
      'from=2026-13-01',
      'from=2026-05-02&to=2026-05-01',
      'action=DROP%20TABLE',
      'limit=0',
      'limit=100000',
      'cursor=garbage',
      `cursor=${Buffer.from('["yesterday",1]').toString('base64url')}`,
      'colour=red',
    ]) {
      const res = await admin.get(`/api/v1/audit?${q}`);
      expect([q, res.status]).toEqual([q, 400]);
    }
  });
});
