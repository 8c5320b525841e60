/**
 * Unit targets through the API (issue 15, task 5; decision 0030): a district sets a target split over
 * its cells, units report progress, the achieved figure is the sum of each unit's latest report under
 * the target, with the status against time elapsed; every bad input is a clear 4xx and saves nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { addDays, todayIso } from '../src/server/modules/compliance/periods.ts';
import { moveUnit } from '../src/server/modules/units/service.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildAccount, buildCell } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

describe('unit targets', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let official: Client;
  let region: Client;
  let reader: Client;
  let secretary: Client;
  let member: Client;
  let outsider: Client;
  let admin: Client;
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const jan1 = `${year}-01-01`;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    await buildAccount(t.ctx.db, { login: 'official@test', grants: [{ role: 'official', access: 'manage', unitId: org.districtA1.id }] });
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    official = await as('official@test');
    region = await as('region@test');
    reader = await as('reader@test');
    secretary = await as('secretary@test');
    member = await as('member@test');
    outsider = await as('outsider@test');
    admin = await as('admin@test');
  });
  afterAll(async () => t?.close());

  const count = async (table: 'targets' | 'target_progress' | 'target_latest') =>
    Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.ctx.db)).rows[0]!.n);
  const body = (over: Record<string, unknown> = {}) => ({
    year,
    sector: 'agriculture',
    indicator: 'Grain yield',
    measure: 'tonnes',
    figure: 100,
    ...over,
  });
  const setTarget = async (over: Record<string, unknown> = {}, c = official, unitId = org.districtA1.id) => {
    const res = await c.post(`/api/v1/units/${unitId}/targets`, body(over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number; partIds: number[]; splitSum: number; splitDifference: number };
  };
  const report = (c: Client, targetId: number, b: Record<string, unknown>) => c.post(`/api/v1/targets/${targetId}/progress`, b);
  const list = async (c: Client, unitId: number) => {
    const res = await c.get(`/api/v1/units/${unitId}/targets?year=${year}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as Array<Record<string, any>>;
  };

  it('a district splits a target over its two cells; the sum against the figure is shown; parts are the cells’ targets', async () => {
    const made = await setTarget({
      split: [
        { unitId: org.cellA1a.id, figure: 70 },
        { unitId: org.cellA1b.id, figure: 20 },
      ],
    });
    expect(made.splitSum).toBe(90);
    expect(made.splitDifference).toBe(-10);
    expect(made.partIds).toHaveLength(2);
    const items = await list(official, org.districtA1.id);
    const mine = items.find((i) => i.id === made.id)!;
    expect(mine).toMatchObject({ indicator: 'Grain yield', figure: 100, achieved: 0, splitSum: 90, from: jan1, to: `${year}-12-31` });
    const cellItems = await list(secretary, org.cellA1a.id);
    expect(cellItems.map((i) => [i.figure, i.parentId])).toEqual([[70, made.id]]);
  });

  it('achieved is the sum of the latest report of each unit under the target, whichever part it was filed on', async () => {
    const made = await setTarget({ indicator: 'Cloth woven', measure: 'metres', split: [{ unitId: org.cellA1a.id, figure: 60 }] });
    const [part] = made.partIds;
    // The secretary files on the cell's part; the official for the other cell on the district's target.
    expect((await report(secretary, part!, { unitId: org.cellA1a.id, asOf: jan1, value: 10 })).status).toBe(201);
    expect((await report(secretary, made.id, { unitId: org.cellA1a.id, asOf: today, value: 25, note: 'Second field in' })).status).toBe(
      201,
    );
    // An older day filed later does not replace the latest.
    expect((await report(secretary, part!, { unitId: org.cellA1a.id, asOf: jan1, value: 5 })).status).toBe(201);
    expect((await report(official, made.id, { unitId: org.cellA1b.id, asOf: today, value: 7 })).status).toBe(201);
    const district = (await list(official, org.districtA1.id)).find((i) => i.id === made.id)!;
    expect(district.achieved).toBe(32);
    const cell = (await list(secretary, org.cellA1a.id)).find((i) => i.id === part)!;
    expect(cell.achieved).toBe(25);
    const page = await official.get(`/api/v1/targets/${made.id}`);
    expect(page.status).toBe(200);
    expect(page.body.parts.map((p: any) => [p.unitName, p.achieved, p.figure])).toEqual([
      ['Cell A1a', 25, 60],
      ['Cell A1b', 7, null],
    ]);
    // The same figures as CSV, for the committee's spreadsheet.
    const csv = await official.get(`/api/v1/units/${org.districtA1.id}/targets.csv?year=${today.slice(0, 4)}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = (csv.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('id,unit,year,quarter,sector,indicator,measure,figure,achieved,expected,status,split_sum,units_behind');
    const line = lines.find((l) => l.startsWith(`${made.id},`))!;
    expect(line).toContain(',Cloth woven,metres,');
    expect(line.split(',')[8]).toBe('32');
    expect((await outsider.get(`/api/v1/units/${org.districtA1.id}/targets.csv?year=${today.slice(0, 4)}`)).status).toBe(404);
    // The chart: at each report day, the latest of each unit by then.
    expect(page.body.chart.at(-1)).toEqual({ on: today, achieved: 32 });
    if (jan1 !== today) expect(page.body.chart[0]).toEqual({ on: jan1, achieved: 5 });
    const reports = await official.get(`/api/v1/targets/${made.id}/reports?unitId=${org.cellA1a.id}`);
    expect(reports.body.items.map((r: any) => [r.value, r.latest])).toEqual([
      [25, true],
      [5, false],
      [10, false],
    ]);
  });

  it('status follows the straight line to the figure; past periods short of it are overdue; the split parts behind are listed', async () => {
    const made = await setTarget({
      indicator: 'Fish caught',
      sector: 'fisheries',
      figure: 1000,
      split: [{ unitId: org.cellA1a.id, figure: 500 }],
    });
    const item = (await list(official, org.districtA1.id)).find((i) => i.id === made.id)!;
    const elapsed = item.elapsed as number;
    expect(item.expected).toBeCloseTo(1000 * elapsed, 0);
    expect(item.status).toBe(elapsed > 0.05 ? 'behind' : 'on_track');
    if (elapsed > 0.05) expect(item.behindUnits.map((u: any) => u.unitName)).toEqual(['Cell A1a']);
    await report(official, made.id, { unitId: org.cellA1a.id, asOf: today, value: 1000 });
    const met = (await list(official, org.districtA1.id)).find((i) => i.id === made.id)!;
    expect(met.status).toBe('met');
    const last = await setTarget({ indicator: 'Fish caught', sector: 'fisheries', year: year - 1 });
    const res = await official.get(`/api/v1/units/${org.districtA1.id}/targets?year=${year - 1}`);
    expect(res.body.items.find((i: any) => i.id === last.id).status).toBe('overdue');
  });

  it('a cell that moves takes its reports with it (the current tree)', async () => {
    const moving = await buildCell(t.ctx.db, org.districtA1.id, { name: 'Cell A1m' });
    const a1 = await setTarget({ indicator: 'Coal mined', sector: 'coal', figure: 50 });
    const region = await setTarget({ indicator: 'Coal mined', sector: 'coal', figure: 500 }, admin, org.regionA.id);
    await report(admin, a1.id, { unitId: moving.id, asOf: today, value: 9 });
    await report(admin, region.id, { unitId: moving.id, asOf: today, value: 4 });
    const achieved = async (unitId: number, id: number) => (await list(admin, unitId)).find((i) => i.id === id)!.achieved;
    expect(await achieved(org.districtA1.id, a1.id)).toBe(9);
    await moveUnit(t.ctx.db, systemActor(), moving.id, org.districtA2.id);
    // Out of district A1: its report no longer counts there; still in region A: counts there.
    expect(await achieved(org.districtA1.id, a1.id)).toBe(0);
    expect(await achieved(org.regionA.id, region.id)).toBe(4);
  });

  it('bad targets are refused with a clear 4xx and nothing is saved', async () => {
    const before = await count('targets');
    const cases: Array<[Client, number, Record<string, unknown>, number, string]> = [
      [official, org.districtA1.id, { figure: 0 }, 400, 'target.figureNotPositive'],
      [official, org.districtA1.id, { figure: -5 }, 400, 'target.figureNotPositive'],
      [official, org.districtA1.id, { figure: 2e15 }, 400, 'target.figureTooLarge'],
      [official, org.districtA1.id, { figure: 1.23456 }, 400, 'target.figureTooPrecise'],
      [official, org.districtA1.id, { figure: 1e-7 }, 400, 'target.figureTooPrecise'],
      [official, org.districtA1.id, { figure: 'NaN' }, 400, 'request.invalidInputAt'],
      [official, org.districtA1.id, { figure: null }, 400, 'request.invalidInputAt'],
      [official, org.districtA1.id, { sector: 'astrology' }, 400, 'request.invalidInputAt'],
      [official, org.districtA1.id, { indicator: '  ' }, 400, 'request.invalidInputAt'],
      [official, org.districtA1.id, { quarter: 5 }, 400, 'request.invalidInputAt'],
      [official, org.districtA1.id, { year: 1999 }, 400, 'request.invalidInputAt'],
      [official, org.districtA1.id, { split: [{ unitId: org.cellB1a.id, figure: 5 }] }, 400, 'target.splitOutside'],
      [official, org.districtA1.id, { split: [{ unitId: org.cellA2a.id, figure: 5 }] }, 400, 'target.splitOutside'],
      [region, org.regionA.id, { split: [{ unitId: org.cellA1a.id, figure: 5 }] }, 400, 'target.splitOutside'],
      [official, org.districtA1.id, { split: [{ unitId: org.districtA1.id, figure: 5 }] }, 400, 'target.splitOutside'],
      [
        official,
        org.districtA1.id,
        {
          split: [
            { unitId: org.cellA1a.id, figure: 5 },
            { unitId: org.cellA1a.id, figure: 5 },
          ],
        },
        400,
        'target.splitDuplicate',
      ],
      [official, org.districtA1.id, { split: [{ unitId: org.cellA1a.id, figure: 0 }] }, 400, 'target.figureNotPositive'],
      [
        official,
        org.districtA1.id,
        {
          split: [
            { unitId: org.cellA1a.id, figure: 5 },
            { unitId: org.cellA1b.id, figure: -1 },
          ],
        },
        400,
        'target.figureNotPositive',
      ],
      [secretary, org.cellA1a.id, {}, 403, 'target.officialsOnly'],
      [reader, org.districtA1.id, {}, 403, 'target.officialsOnly'],
      [member, org.cellA1a.id, {}, 403, 'target.officialsOnly'],
      [official, org.districtA2.id, {}, 404, 'unit.notFound'],
      [outsider, org.districtA1.id, {}, 404, 'unit.notFound'],
    ];
    for (const [c, unitId, over, status, key] of cases) {
      const res = await c.post(`/api/v1/units/${unitId}/targets`, body(over));
      expect(res.status, `${JSON.stringify(over)} ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.error.messageKey).toBe(key);
    }
    expect(await count('targets')).toBe(before);
  });

  it('bad progress is refused with a clear 4xx and nothing is saved; progress for a unit not under the target is refused', async () => {
    const made = await setTarget({
      indicator: 'Patients treated',
      sector: 'public-health',
      measure: 'patients',
      split: [{ unitId: org.cellA1a.id, figure: 10 }],
    });
    const a2 = await setTarget({ indicator: 'Patients treated', sector: 'public-health', measure: 'patients' }, region, org.districtA2.id);
    const [part] = made.partIds;
    const before = [await count('target_progress'), await count('target_latest')];
    const ok = { unitId: org.cellA1a.id, asOf: today, value: 3 };
    const cases: Array<[Client, number, Record<string, unknown>, number, string]> = [
      [secretary, made.id, { ...ok, value: -1 }, 400, 'target.valueNegative'],
      [secretary, made.id, { ...ok, value: 1e16 }, 400, 'target.figureTooLarge'],
      [secretary, made.id, { ...ok, value: 0.00001 }, 400, 'target.figureTooPrecise'],
      [secretary, made.id, { ...ok, value: '3' }, 400, 'request.invalidInputAt'],
      [secretary, made.id, { ...ok, asOf: addDays(today, 1) }, 400, 'target.asOfInFuture'],
      [secretary, made.id, { ...ok, asOf: `${year - 1}-12-31` }, 400, 'target.asOfOutsidePeriod'],
      [secretary, made.id, { ...ok, asOf: '2026-02-30' }, 400, 'request.invalidInputAt'],
      [secretary, made.id, { ...ok, unitId: org.cellA1b.id }, 404, 'unit.notFound'],
      [secretary, part!, { ...ok, unitId: org.districtA1.id }, 404, 'unit.notFound'],
      [official, part!, { ...ok, unitId: org.cellA1b.id }, 400, 'target.unitNotUnder'],
      [region, a2.id, { ...ok, unitId: org.cellA1a.id }, 400, 'target.unitNotUnder'],
      [secretary, a2.id, ok, 404, 'target.notFound'],
      [outsider, made.id, ok, 404, 'target.notFound'],
      [member, made.id, ok, 403, 'target.notYourUnit'],
      [reader, made.id, ok, 403, 'target.notYourUnit'],
      [official, made.id, { ...ok, unitId: org.cellB1a.id }, 404, 'unit.notFound'],
    ];
    for (const [c, id, b, status, key] of cases) {
      const res = await report(c, id, b);
      expect(res.status, `${JSON.stringify(b)} ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.error.messageKey).toBe(key);
    }
    expect([await count('target_progress'), await count('target_latest')]).toEqual(before);
  });

  it('reads: the unit’s readers see its targets; a cell sees the targets it reports on; others get 404', async () => {
    const made = await setTarget({ indicator: 'Electricity generated', sector: 'power', measure: 'MWh' });
    expect((await reader.get(`/api/v1/targets/${made.id}`)).status).toBe(200);
    expect((await secretary.get(`/api/v1/targets/${made.id}`)).status).toBe(200);
    expect((await outsider.get(`/api/v1/targets/${made.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/units/${org.districtA1.id}/targets?year=${year}`)).status).toBe(404);
    expect((await official.get(`/api/v1/units/${org.districtA1.id}/targets?year=26`)).body.error.messageKey).toBe('request.invalidInputAt');
    const reportable = await secretary.get(`/api/v1/units/${org.cellA1a.id}/reportable-targets?year=${year}`);
    expect(reportable.status).toBe(200);
    expect(reportable.body.canReport).toBe(true);
    const names = reportable.body.items.map((i: any) => i.indicator);
    expect(names).toContain('Electricity generated');
    // A target split to the cell is reported through the cell's part, not listed twice.
    expect(names.filter((n: string) => n === 'Grain yield')).toHaveLength(1);
  });

  it('the catalogue of indicators is read by anyone signed in and kept by the centre', async () => {
    const res = await member.get('/api/v1/target-indicators');
    expect(res.body.items.map((i: any) => i.name)).toContain('Steel output');
    expect((await region.post('/api/v1/target-indicators', { name: 'Apples picked', measure: 'tonnes' })).status).toBe(403);
    const added = await admin.post('/api/v1/target-indicators', { name: 'Apples picked', measure: 'tonnes', sector: 'agriculture' });
    expect(added.status).toBe(201);
    expect((await admin.post('/api/v1/target-indicators', { name: 'apples PICKED', measure: 't' })).status).toBe(409);
    expect((await admin.delete(`/api/v1/target-indicators/${added.body.id}`)).status).toBe(200);
    expect((await member.get('/api/v1/target-indicators')).body.items.map((i: any) => i.name)).not.toContain('Apples picked');
  });
});
