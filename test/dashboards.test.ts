import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { cellOrderPlan, cellsInNameOrder, type CellOrderPlan } from '../src/server/modules/compliance/subtree.ts';
import { periodOf, todayIso } from '../src/server/modules/compliance/periods.ts';
import { listComplianceCells } from '../src/server/modules/compliance/service.ts';
import { addDecision } from '../src/server/modules/meetings/decisions.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildCell, buildCommittee, buildMeeting, holdMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const month = () => new Date().toISOString().slice(0, 7);
const today = () => new Date().toISOString().slice(0, 10);

describe('dashboards and monthly reports', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let region: Client;
  let secretary: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    region = await signIn(t.app, 'region@test', 'secret-pass');
    secretary = await signIn(t.app, 'secretary@test', 'secret-pass');
    const m = await buildMeeting(t.ctx.db, org.cellA1a.id, { startsAt: new Date(Date.now() - 60_000).toISOString() });
    await holdMeeting(t.ctx.db, m.id, { [org.P.id]: 'absent' });
    await addDecision(t.ctx.db, systemActor(), m.id, {
      text: 'Clean the yard',
      actions: [{ title: 'Bring tools', ownerPersonId: org.M.id, dueOn: '2099-01-01' }],
    });
    await foldAllRollups(t.ctx.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads the same cells under a committee by every plan (by ancestor, gathered, walked in name order)', async () => {
    for (const unit of [org.regionA, org.districtA1]) {
      const { path } = await t.ctx.db
        .selectFrom('units')
        .select(sql<string>`path::text`.as('path'))
        .where('id', '=', unit.id)
        .executeTakeFirstOrThrow();
      const read = (plan: CellOrderPlan, after?: [string, number], take = 1000) =>
        t.ctx.db
          .selectFrom(cellsInNameOrder(systemActor(), path, periodOf(todayIso()), plan, after, take))
          .select(['u.id', 'u.name'])
          .orderBy('u.name')
          .orderBy('u.id')
          .execute();
      const all = await read('gather');
      expect(all.length).toBeGreaterThan(1);
      expect(cellOrderPlan(path, true)).toBe('by-ancestor');
      const after: [string, number] = [all[0]!.name, all[0]!.id];
      for (const plan of ['by-ancestor', 'gather', 'walk'] as const) {
        expect(await read(plan), plan).toEqual(all);
        // A stretch after a key, cut at `take`, is the same slice of that order by every plan.
        expect(await read(plan, after, 1), plan).toEqual(all.slice(1, 2));
      }
    }
  });

  it('shows the heat grid of child units against the standards', async () => {
    const res = await region.get(`/api/v1/units/${org.regionA.id}/compliance/grid?period=${month()}`);
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: { unit: { name: string } }) => r.unit.name)).toEqual(['District A1', 'District A2']);
    const a1 = res.body.rows[0];
    expect(a1.figures['general-meeting-monthly']).toEqual({ cellsMeeting: 1, cellsTotal: 2 });
    expect(a1.all.cellsTotal).toBe(2);
    expect(res.body.standards.map((s: { code: string }) => s.code)).toContain('general-meeting-monthly');
  });

  it('lists the worst cells with what they lack, and the split by sector', async () => {
    const worst = await region.get(`/api/v1/units/${org.regionA.id}/compliance/worst?period=${month()}`);
    expect(worst.status).toBe(200);
    const names = worst.body.items.map((i: { cell: { name: string } }) => i.cell.name);
    expect(names).toContain('Cell A2a');
    const a2a = worst.body.items.find((i: { cell: { name: string } }) => i.cell.name === 'Cell A2a');
    expect(a2a.failing.map((f: { code: string }) => f.code)).toContain('general-meeting-monthly');
    expect(a2a.parent.name).toBe('District A2');
    const sectors = await region.get(`/api/v1/units/${org.regionA.id}/compliance/sectors?period=${month()}`);
    expect(sectors.body.rows).toEqual([expect.objectContaining({ sector: 'metallurgy', all: expect.objectContaining({ cellsTotal: 3 }) })]);
  });

  it('downloads the cells behind a figure as CSV, every row, with the figures in columns', async () => {
    const figure = (await region.get(`/api/v1/units/${org.regionA.id}/compliance?period=${month()}`)).body.standards.find(
      (s: { code: string }) => s.code === 'general-meeting-monthly',
    );
    const res = await region.get(`/api/v1/units/${org.regionA.id}/compliance/cells.csv?period=${month()}&standard=general-meeting-monthly`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/text\/csv/);
    expect(String(res.headers['content-disposition'])).toContain(`cellwork-${org.regionA.id}-general-meeting-monthly-${month()}.csv`);
    const rows = parse(String(res.body).replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(figure.cellsTotal);
    expect(rows.filter((r) => r.meets === 'yes')).toHaveLength(figure.cellsMeeting);
    expect(rows.find((r) => r.cellName === 'Cell A1a')).toMatchObject({
      standard: 'general-meeting-monthly',
      meets: 'yes',
      held: '1',
      required: '1',
    });
    const failing = parse(
      String(
        (
          await region.get(
            `/api/v1/units/${org.regionA.id}/compliance/cells.csv?period=${month()}&standard=general-meeting-monthly&meets=false`,
          )
        ).body,
      ).replace(/^\uFEFF/, ''),
      { columns: true },
    );
    expect(failing).toHaveLength(figure.cellsTotal - figure.cellsMeeting);
    expect((await region.get(`/api/v1/units/${org.regionB.id}/compliance/cells.csv?period=${month()}`)).status).toBe(404);
    expect((await region.get(`/api/v1/units/${org.regionA.id}/compliance/cells.csv?period=2026-13`)).status).toBe(400);
  });

  it('gives the secretary the cell dashboard and the member their actions', async () => {
    const res = await secretary.get(`/api/v1/cells/${org.cellA1a.id}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.body.standards.find((s: { code: string }) => s.code === 'general-meeting-monthly')).toMatchObject({ meets: true });
    expect(res.body.standards.find((s: { code: string }) => s.code === 'general-attendance-rate')).toMatchObject({
      meets: false,
      detail: { present: 2, expected: 3 },
    });
    expect(res.body.recentMeetings[0]).toMatchObject({ present: 2, expected: 3, status: 'held' });
    expect(res.body.openActions.map((a: { title: string }) => a.title)).toEqual(['Bring tools']);
    const member = await signIn(t.app, 'member@test', 'secret-pass');
    const mine = await member.get('/api/v1/me/actions');
    expect(mine.body.items).toEqual([expect.objectContaining({ title: 'Bring tools', cellName: 'Cell A1a', ownerName: 'Member Lee' })]);
  });

  it('generates, submits and freezes the monthly report; the committee sees it; CSV and PDF download', async () => {
    const draft = await secretary.get(`/api/v1/cells/${org.cellA1a.id}/reports/${month()}`);
    expect(draft.body).toMatchObject({ status: 'draft', canSubmit: true, figures: { members: 3, meetingsHeld: 1, attendanceRate: 0.667 } });
    const before = await region.get(`/api/v1/units/${org.districtA1.id}/reports?period=${month()}`);
    expect(before.body.items.map((i: { status: string }) => i.status)).toEqual(['missing', 'missing']);
    const submitted = await secretary.post(`/api/v1/cells/${org.cellA1a.id}/reports/${month()}/submit`, {
      notes: '세포총회 진행, 1명 결석',
      confirmEarly: true,
    });
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      notes: '세포총회 진행, 1명 결석',
      submittedBy: 'secretary@test',
      canSubmit: false,
    });
    expect((await secretary.post(`/api/v1/cells/${org.cellA1a.id}/reports/${month()}/submit`, {})).status).toBe(409);
    // Later facts do not change a submitted report.
    const m2 = await buildMeeting(t.ctx.db, org.cellA1a.id, { startsAt: new Date(Date.now() - 30_000).toISOString() });
    await holdMeeting(t.ctx.db, m2.id);
    const frozen = await region.get(`/api/v1/cells/${org.cellA1a.id}/reports/${month()}`);
    expect(frozen.body.figures.meetingsHeld).toBe(1);
    const list = await region.get(`/api/v1/units/${org.districtA1.id}/reports?period=${month()}`);
    expect(list.body.items.find((i: { cell: { id: number } }) => i.cell.id === org.cellA1a.id).status).toBe('submitted');
    const csv = await region.get(`/api/v1/cells/${org.cellA1a.id}/reports/${month()}.csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toMatch(/text\/csv/);
    expect(csv.body).toContain('summary,meetings_held,Meetings held,,,,1,');
    expect(csv.body).toContain('세포총회 진행');
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cells/${org.cellA1a.id}/reports/${month()}.pdf`,
      headers: (region as unknown as { cookie: string }).cookie ? { cookie: (region as unknown as { cookie: string }).cookie } : {},
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(2000);
  });

  it('refuses reports for months not begun and unknown file types', async () => {
    expect((await secretary.get(`/api/v1/cells/${org.cellA1a.id}/reports/2999-01`)).status).toBe(400);
    expect((await secretary.get(`/api/v1/cells/${org.cellA1a.id}/reports/${month()}.docx`)).status).toBe(400);
    expect((await secretary.get(`/api/v1/cells/${org.cellB1a.id}/reports/${month()}`)).status).toBe(404);
    void today;
  });
  // Last: it adds a committee under region A, which the tests above count.
  it('fills a page of the cells behind a figure when the first stretch of the name order holds none of them', async () => {
    const committee = await buildCommittee(t.ctx.db, org.regionA.id, { name: 'Stretch committee' });
    const cells = [];
    for (let i = 1; i <= 20; i++) cells.push(await buildCell(t.ctx.db, committee.id, { name: `Stretch ${String(i).padStart(2, '0')}` }));
    // The first ten by name held their general meeting this month; the last ten did not.
    for (const c of cells.slice(0, 10))
      await holdMeeting(t.ctx.db, (await buildMeeting(t.ctx.db, c.id, { startsAt: new Date(Date.now() - 60_000).toISOString() })).id);
    await foldAllRollups(t.ctx.db);
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listComplianceCells(t.ctx.db, systemActor(), committee.id, {
        period: periodOf(todayIso()),
        standard: 'general-meeting-monthly',
        meets: false,
        limit: 1,
        cursor,
      });
      names.push(...page.items.map((i) => i.cellName));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toEqual(cells.slice(10).map((c) => c.name));
  });
});
