/**
 * The library's standard kind through the registry (issue 11): "at least N reading sessions a month",
 * a reading session being a study meeting held in the month. Saved, refused with message keys, judged
 * per cell and rolled up, the same after a rebuild.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { periodOf, previousPeriod, todayIso } from '../src/server/modules/compliance/periods.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildMeeting, holdMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const current = periodOf(todayIso());
const m1 = previousPeriod(current);
const month = (p: string) => p.slice(0, 7);

describe('the reading sessions standard', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
  });
  afterAll(async () => {
    await t.close();
  });

  const base = { code: 'reading-twice', titleEn: 'Two reading sessions a month', titleKo: '매월 학습모임 2회', validFrom: current };

  it('is saved with its parameters; bad parameters and a retired study kind are refused with a message key', async () => {
    const tooMany = await admin.post('/api/v1/standards', { ...base, kind: 'reading_sessions_per_month', params: { min: 32 } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body.params.min' }] });
    const withKind = await admin.post('/api/v1/standards', {
      ...base,
      kind: 'reading_sessions_per_month',
      params: { min: 1, kind: 'general' },
    });
    expect(withKind.status).toBe(400);

    await admin.post('/api/v1/meeting-kinds/study/retire', {});
    const retired = await admin.post('/api/v1/standards', { ...base, kind: 'reading_sessions_per_month', params: { min: 2 } });
    expect(retired.status).toBe(400);
    expect(retired.body.error.messageKey).toBe('standard.kindRetired');
    expect((await admin.post('/api/v1/meeting-kinds/study/restore', {})).status).toBe(200);

    const saved = await admin.post('/api/v1/standards', { ...base, kind: 'reading_sessions_per_month', params: { min: 2 } });
    expect(saved.status).toBeLessThan(300);
    const listed = (await admin.get('/api/v1/standards')).body.items.find((s: { code: string }) => s.code === base.code);
    expect(listed).toMatchObject({ kind: 'reading_sessions_per_month', params: { min: 2 } });
  });

  it('judges each cell on the study meetings held in the month; other kinds and meetings not held do not count', async () => {
    const db = t.ctx.db;
    await sql`update standards set valid_from = '2000-01-01' where code = ${base.code}`.execute(db);
    for (const p of [m1, current]) await materializePeriod(db, p);
    const day = (n: number) => `${m1.slice(0, 8)}${String(n).padStart(2, '0')}T10:00:00Z`;
    // Cell A1a: two study sessions held last month. Cell A1b: one held, one scheduled only, and a general meeting.
    for (const n of [3, 17]) await holdMeeting(db, (await buildMeeting(db, org.cellA1a.id, { kind: 'study', startsAt: day(n) })).id);
    await holdMeeting(db, (await buildMeeting(db, org.cellA1b.id, { kind: 'study', startsAt: day(5) })).id);
    await buildMeeting(db, org.cellA1b.id, { kind: 'study', startsAt: day(12) });
    await holdMeeting(db, (await buildMeeting(db, org.cellA1b.id, { kind: 'general', startsAt: day(20) })).id);
    await foldAllRollups(db);

    const cells = async (period: string) => {
      const res = await admin.get(`/api/v1/units/${org.districtA1.id}/compliance/cells?period=${month(period)}&standard=${base.code}`);
      return Object.fromEntries(res.body.items.map((i: { cellId: number; meets: boolean; detail: unknown }) => [i.cellId, i]));
    };
    const last = await cells(m1);
    expect(last[org.cellA1a.id]).toMatchObject({ meets: true, detail: { kind: 'reading_sessions_per_month', held: 2, required: 2 } });
    expect(last[org.cellA1b.id]).toMatchObject({ meets: false, detail: { kind: 'reading_sessions_per_month', held: 1, required: 2 } });
    // Monthly, not carried forward: this month nobody has met it yet.
    const now = await cells(current);
    expect(now[org.cellA1a.id]).toMatchObject({ meets: false, detail: { held: 0 } });

    const verdict = async (period: string) =>
      (await admin.get(`/api/v1/units/${org.districtA1.id}/compliance?period=${month(period)}`)).body.standards.find(
        (s: { code: string }) => s.code === base.code,
      );
    expect(await verdict(m1)).toMatchObject({ cellsMeeting: 1, cellsTotal: 2 });
    // A rebuild from the raw rows says the same.
    const before = await verdict(m1);
    await materializePeriod(db, m1);
    expect(await verdict(m1)).toEqual(before);
  });
});
