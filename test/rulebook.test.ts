import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildMeeting, holdMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';
import { pino } from 'pino';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { prepareNextPeriod, recomputeCurrentPeriod } from '../src/server/jobs/definitions.ts';
import { addDays, nextPeriod } from '../src/server/modules/compliance/periods.ts';

const now = new Date();
const month = now.toISOString().slice(0, 7);
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);

describe('the rulebook', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
    // Last month: cell A1a met once. Both months computed under the default rule (1 meeting a month).
    const m = await buildMeeting(t.ctx.db, org.cellA1a.id, { startsAt: `${lastMonth}-10T10:00:00Z` });
    await holdMeeting(t.ctx.db, m.id);
    const m2 = await buildMeeting(t.ctx.db, org.cellA1a.id, { startsAt: new Date(Date.now() - 60_000).toISOString() });
    await holdMeeting(t.ctx.db, m2.id);
    await materializePeriod(t.ctx.db, `${lastMonth}-01`);
  });
  afterAll(async () => {
    await t.close();
  });

  const figure = async (period: string) =>
    (await admin.get(`/api/v1/units/${org.districtA1.id}/compliance?period=${period}`)).body.standards.find(
      (s: { code: string }) => s.code === 'general-meeting-monthly',
    );

  it('a change applies from this month; last month keeps being judged by the old rule', async () => {
    expect(await figure(lastMonth)).toMatchObject({ cellsMeeting: 1, cellsTotal: 2 });
    expect(await figure(month)).toMatchObject({ cellsMeeting: 1, cellsTotal: 2 });
    const res = await admin.post('/api/v1/standards', {
      code: 'general-meeting-monthly',
      kind: 'meetings_per_month',
      params: { kind: 'general', min: 2 },
      titleEn: 'Two general meetings a month',
      titleKo: '매월 세포총회 2회 이상',
      validFrom: `${month}-01`,
    });
    expect(res.status).toBe(200);
    expect(await figure(month)).toMatchObject({ cellsMeeting: 0, cellsTotal: 2, title: 'Two general meetings a month' });
    expect(await figure(lastMonth)).toMatchObject({
      cellsMeeting: 1,
      cellsTotal: 2,
      title: 'A general membership meeting at least once a month',
    });
    const versions = (await admin.get('/api/v1/standards')).body.items.filter(
      (s: { code: string }) => s.code === 'general-meeting-monthly',
    );
    expect(versions.map((v: { validFrom: string; validTo: string | null }) => [v.validFrom, v.validTo])).toEqual([
      ['2000-01-01', `${month}-01`],
      [`${month}-01`, null],
    ]);
    // Saving the same rule again (the keys in another order, from a later month) adds no version.
    const again = await admin.post('/api/v1/standards', {
      code: 'general-meeting-monthly',
      kind: 'meetings_per_month',
      params: { min: 2, kind: 'general' },
      titleEn: 'Two general meetings a month',
      titleKo: '매월 세포총회 2회 이상',
      validFrom: nextPeriod(`${month}-01`),
    });
    expect(again.body).toEqual({ id: res.body.id });
    const still = (await admin.get('/api/v1/standards')).body.items.filter((s: { code: string }) => s.code === 'general-meeting-monthly');
    expect(still).toHaveLength(2);
  });

  it('refuses to rewrite past months, bad parameters, and non-administrators', async () => {
    const base = {
      code: 'x-rule',
      kind: 'attendance_rate',
      params: { kind: 'general', min: 0.5 },
      titleEn: 'X',
      titleKo: 'X',
      validFrom: `${month}-01`,
    };
    expect((await admin.post('/api/v1/standards', { ...base, validFrom: `${lastMonth}-01` })).status).toBe(400);
    expect((await admin.post('/api/v1/standards', { ...base, validFrom: `${month}-15` })).status).toBe(400);
    expect((await admin.post('/api/v1/standards', { ...base, params: { kind: 'general', min: 5 } })).status).toBe(400);
    expect((await admin.post('/api/v1/standards', { ...base, params: { weeks: 3 } })).status).toBe(400);
    expect((await admin.post('/api/v1/standards', { ...base, extra: 1 })).status).toBe(400);
    // A rule about a kind of meeting no one can hold: unknown, or retired.
    expect((await admin.post('/api/v1/standards', { ...base, params: { kind: 'no-such-kind', min: 0.5 } })).status).toBe(400);
    expect((await admin.post('/api/v1/meeting-kinds/technical/retire', {})).status).toBe(200);
    const retired = await admin.post('/api/v1/standards', { ...base, params: { kind: 'technical', min: 0.5 } });
    expect(retired.status).toBe(400);
    expect(retired.body.error.message).toMatch(/retired/);
    expect((await admin.post('/api/v1/meeting-kinds/technical/restore', {})).status).toBe(200);
    expect((await admin.post('/api/v1/standards', { ...base, params: { kind: 'technical', min: 0.5 } })).status).toBe(200);
    const region = await signIn(t.app, 'region@test', 'secret-pass');
    expect((await region.post('/api/v1/standards', base)).status).toBe(404);
  });

  it('scopes a standard to a sector, and retires it', async () => {
    const res = await admin.post('/api/v1/standards', {
      code: 'fisheries-tech',
      kind: 'meetings_per_month',
      params: { kind: 'technical', min: 1 },
      scopeSector: 'fisheries',
      titleEn: 'A technical session a month (fisheries)',
      titleKo: '수산 부문 매월 기술학습',
      validFrom: `${month}-01`,
    });
    expect(res.status).toBe(200);
    const codes = (await admin.get(`/api/v1/units/${org.districtA1.id}/compliance?period=${month}`)).body.standards.map(
      (s: { code: string }) => s.code,
    );
    expect(codes).not.toContain('fisheries-tech'); // no fisheries cells here
    const retire = await admin.post('/api/v1/standards', {
      code: 'fisheries-tech',
      kind: 'meetings_per_month',
      params: { kind: 'technical', min: 1 },
      titleEn: 'x',
      titleKo: 'x',
      validFrom: `${month}-01`,
      retire: true,
    });
    expect(retire.body).toEqual({ id: null });
    const left = (await admin.get('/api/v1/standards')).body.items.filter((s: { code: string }) => s.code === 'fisheries-tech');
    expect(left).toEqual([]);
  });

  it('the nightly job rebuilds this month from the raw rows, with the same figures, and vacuums it', async () => {
    const figures = () => admin.get(`/api/v1/units/${org.root}/compliance?period=${month}`).then((r) => r.body.standards);
    const before = await figures();
    expect(before.length).toBeGreaterThan(0);
    const at = async () =>
      (await t.ctx.db.selectFrom('metric_periods').select('materialized_at').where('period', '=', `${month}-01`).executeTakeFirstOrThrow())
        .materialized_at;
    const builtBefore = await at();
    await recomputeCurrentPeriod.handle({}, { db: t.ctx.db, log: pino({ level: 'silent' }) });
    expect(new Date(await at()).getTime()).toBeGreaterThan(new Date(builtBefore).getTime());
    expect(await figures()).toEqual(before);
  });

  it("on a month's last evening the job builds the next month ahead, judged as of midnight", async () => {
    const next = nextPeriod(`${month}-01`);
    const built = async () =>
      (await t.ctx.db.selectFrom('metric_periods').select('period').where('period', '=', next).executeTakeFirst()) !== undefined;
    const log = pino({ level: 'silent' });
    await prepareNextPeriod.handle({ today: addDays(next, -2) }, { db: t.ctx.db, log });
    expect(await built()).toBe(false); // not the last day yet
    await prepareNextPeriod.handle({ today: addDays(next, -1) }, { db: t.ctx.db, log });
    expect(await built()).toBe(true);
    const root = await t.ctx.db
      .selectFrom('unit_figures')
      .select(['standard_code', 'cells_total', 'cells_meeting'])
      .where('unit_id', '=', org.root)
      .where('period', '=', next)
      .execute();
    const open = await t.ctx.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', 'cell')
      .where('closed_on', 'is', null)
      .executeTakeFirstOrThrow();
    // Every open cell is counted, and none has held its monthly meeting yet.
    expect(root.find((r) => r.standard_code === 'general-meeting-monthly')).toEqual({
      standard_code: 'general-meeting-monthly',
      cells_total: Number(open.n),
      cells_meeting: 0,
    });
  });
});
