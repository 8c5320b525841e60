/**
 * Education's standard kinds through the registry (issue 12): "at least N education sessions a month"
 * (held study meetings on at least one programme theme) and "at least X % of members with a current
 * learning plan" (set or reviewed within 12 months). Saved, refused with message keys, judged per cell
 * from the writes' own refresh, the same after a rebuild.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { periodOf, previousPeriod, todayIso } from '../src/server/modules/compliance/periods.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildMeeting, holdMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const current = periodOf(todayIso());
const m1 = previousPeriod(current);
const month = (p: string) => p.slice(0, 7);

describe('the education standards', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  let secretary: Client;
  let themeId: number;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
    secretary = await signIn(t.app, 'secretary@test', 'secret-pass');
    themeId = (await admin.post('/api/v1/programmes', { title: 'P', themes: [{ title: 'T' }] })).body.themes[0].id;
  });
  afterAll(async () => {
    await t.close();
  });

  const sessions = { code: 'education-monthly', titleEn: 'An education session a month', titleKo: '매월 교양모임', validFrom: current };
  const plans = { code: 'plans-most', titleEn: 'Most members with a plan', titleKo: '학습계획', validFrom: current };

  it('are saved with their parameters; bad parameters are refused with a message key', async () => {
    const bad = await admin.post('/api/v1/standards', { ...sessions, kind: 'education_sessions_per_month', params: { min: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body.params.min' }] });
    const over = await admin.post('/api/v1/standards', { ...plans, kind: 'learning_plan_share', params: { min: 1.5 } });
    expect(over.status).toBe(400);
    await admin.post('/api/v1/meeting-kinds/study/retire', {});
    const retired = await admin.post('/api/v1/standards', { ...sessions, kind: 'education_sessions_per_month', params: { min: 1 } });
    expect(retired.body.error.messageKey).toBe('standard.kindRetired');
    expect((await admin.post('/api/v1/meeting-kinds/study/restore', {})).status).toBe(200);
    expect(
      (await admin.post('/api/v1/standards', { ...sessions, kind: 'education_sessions_per_month', params: { min: 1 } })).status,
    ).toBeLessThan(300);
    expect((await admin.post('/api/v1/standards', { ...plans, kind: 'learning_plan_share', params: { min: 0.6 } })).status).toBeLessThan(
      300,
    );
  });

  it('judge each cell: study meetings on a theme count, others not; plans count for the members who have one', async () => {
    const db = t.ctx.db;
    await sql`update standards set valid_from = '2000-01-01' where code in (${sessions.code}, ${plans.code})`.execute(db);
    for (const p of [m1, current]) await materializePeriod(db, p);
    const day = (n: number) => `${m1.slice(0, 8)}${String(n).padStart(2, '0')}T10:00:00Z`;
    // Cell A1a: a study meeting held last month, its theme set after (through the refresh). Cell A1b: one with no theme.
    const themed = await buildMeeting(db, org.cellA1a.id, { kind: 'study', startsAt: day(4) });
    await holdMeeting(db, themed.id);
    expect((await secretary.request('PUT', `/api/v1/meetings/${themed.id}/themes`, { themeIds: [themeId] })).status).toBe(200);
    await holdMeeting(db, (await buildMeeting(db, org.cellA1b.id, { kind: 'study', startsAt: day(6) })).id);
    // Two of cell A1a's three members get a plan: 67 % ≥ 60 %.
    for (const p of [org.M, org.P])
      expect((await secretary.request('PUT', `/api/v1/people/${p.id}/learning-plan`, { themeIds: [themeId] })).status).toBe(200);

    const cells = async (period: string, code: string) => {
      const res = await admin.get(`/api/v1/units/${org.districtA1.id}/compliance/cells?period=${month(period)}&standard=${code}`);
      return Object.fromEntries(res.body.items.map((i: { cellId: number; meets: boolean; detail: unknown }) => [i.cellId, i]));
    };
    const last = await cells(m1, sessions.code);
    expect(last[org.cellA1a.id]).toMatchObject({ meets: true, detail: { kind: 'education_sessions_per_month', held: 1, required: 1 } });
    expect(last[org.cellA1b.id]).toMatchObject({ meets: false, detail: { held: 0 } });
    const share = await cells(current, plans.code);
    expect(share[org.cellA1a.id]).toMatchObject({ meets: true, detail: { kind: 'learning_plan_share', current: 2, members: 3 } });
    // Emptying a plan is having none.
    await secretary.request('PUT', `/api/v1/people/${org.P.id}/learning-plan`, { themeIds: [] });
    expect((await cells(current, plans.code))[org.cellA1a.id]).toMatchObject({ meets: false, detail: { current: 1, members: 3 } });
    // A member added by CSV import counts at once, as one added by hand would.
    const region = await signIn(t.app, 'region@test', 'secret-pass');
    const imported = await region.request(
      'POST',
      `/api/v1/units/${org.cellA1a.id}/imports?importId=${crypto.randomUUID()}`,
      'full_name\nNew By Import\n',
      {
        'content-type': 'text/csv',
      },
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect((await cells(current, plans.code))[org.cellA1a.id]).toMatchObject({ detail: { current: 1, members: 4 } });

    const verdict = async (period: string) =>
      (await admin.get(`/api/v1/units/${org.districtA1.id}/compliance?period=${month(period)}`)).body.standards;
    await foldAllRollups(db);
    for (const p of [m1, current]) {
      const before = await verdict(p);
      await materializePeriod(db, p);
      expect(await verdict(p)).toEqual(before);
    }
  });
});
