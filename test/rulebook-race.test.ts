/** A rulebook change that lands while a month is being built for the first time is not lost. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { isMaterialized, materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { periodOf, todayIso } from '../src/server/modules/compliance/periods.ts';
import { saveStandard } from '../src/server/modules/compliance/rulebook.ts';
import { createTestApp } from './helpers/app.ts';
import { buildMeeting, holdMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

describe("the rulebook and a month's first build", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    const m = await buildMeeting(t.ctx.db, org.cellA1a.id, { startsAt: new Date(Date.now() - 60_000).toISOString() });
    await holdMeeting(t.ctx.db, m.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a change saved while the month is first being built is applied to that month', async () => {
    const period = periodOf(todayIso());
    expect(await isMaterialized(t.ctx.db, period)).toBe(false);
    // The month's first build, held open after it has judged every cell by the rule of one meeting.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let built!: () => void;
    const judged = new Promise<void>((resolve) => {
      built = resolve;
    });
    const build = t.ctx.db.transaction().execute(async (trx) => {
      await materializePeriod(trx, period);
      built();
      await gate;
    });
    await judged;
    // Meanwhile an administrator asks for two general meetings a month, from this month on.
    const save = saveStandard(t.ctx.db, systemActor(), {
      code: 'general-meeting-monthly',
      kind: 'meetings_per_month',
      params: { kind: 'general', min: 2 },
      titleEn: 'Two general meetings a month',
      titleKo: '매월 세포총회 2회 이상',
      validFrom: period,
      retire: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await Promise.all([build, save]);
    // Cell A1a met once this month: by the rule in force now, it does not meet the standard.
    const verdict = await t.ctx.db
      .selectFrom('cell_compliance')
      .select(['meets', 'x'])
      .where('cell_id', '=', org.cellA1a.id)
      .where('period', '=', period)
      .where('standard_code', '=', 'general-meeting-monthly')
      .executeTakeFirstOrThrow();
    expect(verdict).toEqual({ meets: false, x: 1 });
  });
});
