/**
 * Re-briefing through the API and the real job queue: a directive drafted with `rebrief` opens a new
 * round when one is due, fanned out to the members on the rolls then, reported separately per round,
 * told to the members again; no more rounds than scheduled, none before it is due, none once withdrawn.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED_KIND, publishedKey } from '../src/server/modules/directives/notify.ts';
import { REBRIEF_JOB, openDueRounds } from '../src/server/modules/directives/rounds.ts';
import { changeMembership } from '../src/server/modules/units/memberships.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Org;
let region: Client;
let member: Client;
const waitLong = { timeout: 60_000, interval: 200 };

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  org = await buildOrg(t.ctx.db);
  region = await signIn(t.app, 'region@test', 'secret-pass');
  member = await signIn(t.app, 'member@test', 'secret-pass');
}, 60_000);
afterAll(async () => t?.close());

const rounds = async (id: number) => (await region.get(`/api/v1/directives/${id}`)).body.rounds as Array<{ round: number; fanOut: string }>;
const reach = async (id: number, round: number) => {
  const res = await region.get(`/api/v1/directives/${id}/reach?unit=${org.regionA.id}&round=${round}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
/** Time passes: the directive's latest round opened more than a month ago. */
const monthPasses = (id: number) =>
  sql`update directive_rounds set opened_at = opened_at - interval '1 month 1 day'
    where directive_id = ${id} and round = (select max(round) from directive_rounds where directive_id = ${id})`.execute(t.ctx.db);

async function draftAndPublish(title: string, rebrief: { everyMonths: number; times: number } | null) {
  const res = await region.post('/api/v1/directives', {
    title,
    body: '<p>Again and again.</p>',
    target: { unitIds: [org.regionA.id] },
    acknowledgeWithinDays: 7,
    rebrief,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.rebrief).toEqual(rebrief);
  expect((await region.post(`/api/v1/directives/${res.body.id}/publish`)).status).toBe(202);
  await expect.poll(async () => (await rounds(res.body.id)).map((r) => r.fanOut), waitLong).toEqual(['done']);
  return res.body.id as number;
}

describe('re-briefing', () => {
  it('opens the next round when due, to the members on the rolls then, each round reported apart; no more than scheduled', async () => {
    const id = await draftAndPublish('Monthly reminder of the charter', { everyMonths: 1, times: 1 });
    expect(await openDueRounds(t.ctx.db, t.ctx.jobs!.boss, 'UTC')).toEqual([]); // not due yet
    expect((await member.post(`/api/v1/directives/${id}/acknowledgment`)).status).toBeLessThan(300);

    // Between the rounds, Park leaves and a newcomer joins (and gets round 1 as a joiner).
    await t.ctx.db.transaction().execute((trx) => changeMembership(trx, org.P.id, null, new Date().toISOString().slice(0, 10)));
    const newcomer = await buildPerson(t.ctx.db, org.cellA1a.id, { fullName: 'Member Newcomer' });
    await monthPasses(id);
    await t.ctx.jobs!.boss.send(REBRIEF_JOB, {});
    await expect.poll(async () => (await rounds(id)).map((r) => r.fanOut), waitLong).toEqual(['done', 'done']);

    expect(await reach(id, 1)).toMatchObject({ members: 4, acknowledged: 1, notReached: 3, round: 1 });
    expect(await reach(id, 2)).toMatchObject({ members: 3, acknowledged: 0, notReached: 3, round: 2 });
    const { rows } = await sql<{ person_id: string }>`select person_id from directive_deliveries where directive_id = ${id} and round = 2
      order by person_id`.execute(t.ctx.db);
    expect(rows.map((r) => Number(r.person_id))).toEqual([org.S.id, org.M.id, newcomer.id].sort((a, b) => a - b));
    // The member's inbox shows the new round, to acknowledge again; they are told again, once.
    const inbox = (await member.get('/api/v1/me/directives')).body.items.find((i: { id: number }) => i.id === id);
    expect(inbox).toMatchObject({ round: 2, acknowledgedAt: null });
    // The members are told once the round's fan-out has ended, by a job of its own.
    const told = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from notifications n join notification_events e on e.id = n.event_id
      where e.kind = ${PUBLISHED_KIND} and e.dedupe_key = ${publishedKey(id, 2)}`.execute(t.ctx.db)
      ).rows[0]!.n;
    await expect.poll(told, waitLong).toBe(3);

    // The schedule said once more: a month later nothing opens.
    await monthPasses(id);
    expect(await openDueRounds(t.ctx.db, t.ctx.jobs!.boss, 'UTC')).toEqual([]);
    expect((await rounds(id)).length).toBe(2);
  }, 120_000);

  it('opens nothing for a withdrawn directive nor one conveyed once', async () => {
    const once = await draftAndPublish('Once only', null);
    const withdrawn = await draftAndPublish('Withdrawn schedule', { everyMonths: 1, times: 3 });
    expect((await region.post(`/api/v1/directives/${withdrawn}/withdraw`)).status).toBeLessThan(300);
    await monthPasses(once);
    await monthPasses(withdrawn);
    expect(await openDueRounds(t.ctx.db, t.ctx.jobs!.boss, 'UTC')).toEqual([]);
  }, 120_000);

  it('refuses a malformed schedule', async () => {
    const bad = await region.post('/api/v1/directives', {
      title: 'Bad schedule',
      body: '<p>x</p>',
      target: { unitIds: [org.regionA.id] },
      rebrief: { everyMonths: 0, times: 2 },
    });
    expect(bad.status).toBe(400);
  });
});
