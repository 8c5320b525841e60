/**
 * The rulebook registry end to end: a kind declared by a module (the worked example of docs/modules.md,
 * "at least N meetings of a kind per quarter") is saved, validated and judged; a write re-runs only the
 * metric sources reading the facts it changed; attendance is summed up the tree.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { periodOf, previousPeriod, todayIso } from '../src/server/modules/compliance/periods.ts';
import { addDecision, setActionStatus } from '../src/server/modules/meetings/decisions.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildMeeting, holdMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';
import { bruteForceRollups } from './helpers/brute-force.ts';
import { nextPeriod } from '../src/server/modules/compliance/periods.ts';

const current = periodOf(todayIso());
const m1 = previousPeriod(current);
const m2 = previousPeriod(m1);
const m3 = previousPeriod(m2);
const month = (p: string) => p.slice(0, 7);

describe('the rulebook registry', () => {
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

  const base = {
    code: 'consultative-quarterly',
    titleEn: 'A consultative meeting a quarter',
    titleKo: '분기마다 협의회',
    validFrom: `${current}`,
  };

  it('saves a standard of a registered kind; an unknown kind or bad parameters are a 400 with a message key', async () => {
    const saved = await admin.post('/api/v1/standards', {
      ...base,
      kind: 'meetings_per_quarter',
      params: { kind: 'consultative', min: 1 },
    });
    expect(saved.status).toBeLessThan(300);
    const listed = (await admin.get('/api/v1/standards')).body.items.find((s: { code: string }) => s.code === base.code);
    expect(listed).toMatchObject({ kind: 'meetings_per_quarter', params: { kind: 'consultative', min: 1 } });

    const unknown = await admin.post('/api/v1/standards', { ...base, kind: 'no_such_kind', params: { min: 1 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ messageKey: 'standard.unknownKind', params: { kind: 'no_such_kind' } });

    const tooFew = await admin.post('/api/v1/standards', {
      ...base,
      kind: 'meetings_per_quarter',
      params: { kind: 'consultative', min: 0 },
    });
    expect(tooFew.status).toBe(400);
    expect(tooFew.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body.params.min' }] });

    const noSuchMeeting = await admin.post('/api/v1/standards', {
      ...base,
      kind: 'meetings_per_quarter',
      params: { kind: 'nope', min: 1 },
    });
    expect(noSuchMeeting.status).toBe(400);
    expect(noSuchMeeting.body.error.messageKey).toBe('meetingKind.unknown');
  });

  it('judges a cell on the meetings of the three months ending with each month: a meeting held counts in its month and the two after', async () => {
    const db = t.ctx.db;
    // In force since long ago, so the past months are judged by it too.
    await sql`update standards set valid_from = '2000-01-01' where code = ${base.code}`.execute(db);
    for (const p of [m3, m2, m1, current]) await materializePeriod(db, p);
    const verdict = async (unitId: number, period: string) =>
      (await admin.get(`/api/v1/units/${unitId}/compliance?period=${month(period)}`)).body.standards.find(
        (s: { code: string }) => s.code === base.code,
      );
    for (const p of [m3, m2, m1, current]) expect(await verdict(org.districtA1.id, p), p).toMatchObject({ cellsMeeting: 0, cellsTotal: 2 });

    // Held two months ago, recorded now: the incremental path carries it forward to the later months.
    const m = await buildMeeting(db, org.cellA1a.id, { kind: 'consultative', startsAt: `${m2.slice(0, 8)}10T10:00:00Z` });
    await holdMeeting(db, m.id);
    await foldAllRollups(db);
    expect(await verdict(org.districtA1.id, m3)).toMatchObject({ cellsMeeting: 0, cellsTotal: 2 });
    for (const p of [m2, m1, current]) expect(await verdict(org.districtA1.id, p), p).toMatchObject({ cellsMeeting: 1, cellsTotal: 2 });

    const rows = await admin.get(`/api/v1/units/${org.districtA1.id}/compliance/cells?period=${month(m1)}&standard=${base.code}`);
    const byCell = Object.fromEntries(rows.body.items.map((i: { cellId: number; meets: boolean; detail: unknown }) => [i.cellId, i]));
    expect(byCell[org.cellA1a.id]).toMatchObject({ meets: true, detail: { kind: 'meetings_per_quarter', held: 1, required: 1 } });
    expect(byCell[org.cellA1b.id]).toMatchObject({ meets: false, detail: { kind: 'meetings_per_quarter', held: 0, required: 1 } });

    // A rebuild of each month from the raw rows says the same.
    for (const p of [m3, m2, m1, current]) {
      const before = await verdict(org.districtA1.id, p);
      await materializePeriod(db, p);
      expect(await verdict(org.districtA1.id, p), p).toEqual(before);
    }
  });

  it("a write re-runs only the sources reading the facts it changed, and judges on the cell's other stored metrics", async () => {
    const db = t.ctx.db;
    const cell = org.cellA1b.id;
    const m = await buildMeeting(db, cell, { kind: 'general', startsAt: new Date(Date.now() - 3_600_000).toISOString() });
    await holdMeeting(db, m.id);
    const metric = async (key: string) =>
      (
        await db
          .selectFrom('cell_metrics')
          .select('value')
          .where('cell_id', '=', cell)
          .where('period', '=', current)
          .where('key', '=', key)
          .executeTakeFirst()
      )?.value;
    expect(await metric('meetings_held:general')).toBe(1);
    // A stored figure no action can move: closing an action must neither recompute nor drop it.
    await db
      .updateTable('cell_metrics')
      .set({ value: 7 })
      .where('cell_id', '=', cell)
      .where('period', '=', current)
      .where('key', '=', 'meetings_held:general')
      .execute();
    const meeting = await addDecision(db, systemActor(), m.id, {
      text: 'Repair the roof',
      actions: [{ title: 'Buy tiles', dueOn: todayIso() }],
    });
    await setActionStatus(db, systemActor(), meeting.decisions[0]!.actions[0]!.id, 'done');
    expect(await metric('actions_due')).toBe(1);
    expect(await metric('actions_on_time')).toBe(1);
    expect(await metric('meetings_held:general')).toBe(7);
    // The verdicts were judged on it as stored.
    const general = await db
      .selectFrom('cell_compliance')
      .select(['x'])
      .where('cell_id', '=', cell)
      .where('period', '=', current)
      .where('standard_code', '=', 'general-meeting-monthly')
      .executeTakeFirstOrThrow();
    expect(general.x).toBe(7);
    // Saving attendance changes meetings: that source runs again.
    const again = await buildMeeting(db, cell, { kind: 'general', startsAt: new Date(Date.now() - 1_800_000).toISOString() });
    await holdMeeting(db, again.id);
    expect(await metric('meetings_held:general')).toBe(2);
  });

  it('sums attendance up the tree: a committee reads present and expected across its subtree', async () => {
    const db = t.ctx.db;
    const m = await buildMeeting(db, org.cellA1a.id, { kind: 'general', startsAt: new Date(Date.now() - 3_600_000).toISOString() });
    await holdMeeting(db, m.id, { [org.M.id]: 'absent' });
    await foldAllRollups(db);
    const sums = async (unitId: number, period: string) =>
      (await admin.get(`/api/v1/units/${unitId}/compliance?period=${month(period)}`)).body.sums as Record<string, number>;
    const a = await sums(org.cellA1a.id, current);
    const b = await sums(org.cellA1b.id, current);
    const district = await sums(org.districtA1.id, current);
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    expect(a).toMatchObject({ 'attendance_present:general': 2, 'attendance_expected:general': 3 });
    for (const k of keys) expect(district[k], k).toBe((a[k] ?? 0) + (b[k] ?? 0));
    expect((await sums(org.regionA.id, current))['attendance_expected:general']).toBe(district['attendance_expected:general']);
    // The same after a rebuild from the raw rows.
    await materializePeriod(db, current);
    expect(await sums(org.districtA1.id, current)).toEqual(district);
  });

  it('a stored standard of a kind no module declares is not judged by the engine, and fails the oracle', async () => {
    const db = t.ctx.db;
    await sql`insert into standards (code, kind, params, title_en, title_ko, valid_from)
      values ('orphan', 'not_registered', '{}', 'Orphan', '고아', '2000-01-01')`.execute(db);
    await materializePeriod(db, current);
    const codes = (await db.selectFrom('cell_compliance').select('standard_code').distinct().where('period', '=', current).execute()).map(
      (r) => r.standard_code,
    );
    expect(codes).not.toContain('orphan');
    await expect(bruteForceRollups(db, current, nextPeriod(current), todayIso(), [org.districtA1.id])).rejects.toThrow(
      'the oracle has no kind not_registered',
    );
    await sql`delete from standards where code = 'orphan'`.execute(db);
  });
});
