/**
 * Directives' notifications on the real job queue, with mail to a real SMTP server in this process:
 * members are told when a directive reaches them (once, however often the fan-out runs, and when they
 * join later), and reminded before the deadline with their secretary (once, however often the job
 * runs; never for a withdrawn directive, nor for members who acknowledged or were briefed).
 */
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { loadConfig } from '../src/server/config.ts';
import { createContext, type AppContext } from '../src/server/context.ts';
import { buildApp } from '../src/server/http/app.ts';
import { FAN_OUT_JOB, deliverToNewMembers } from '../src/server/modules/directives/fanout.ts';
import { PUBLISHED_KIND, publishedKey } from '../src/server/modules/directives/notify.ts';
import { REMINDER_JOB, REMINDER_KIND, SECRETARY_REMINDER_KIND, directiveReminders } from '../src/server/modules/directives/reminders.ts';
import { createDirective, publishDirective, withdrawDirective } from '../src/server/modules/directives/service.ts';
import type { TestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { createTestDatabase } from './helpers/database.ts';
import { buildAccount, buildCell, buildCommittee, buildPerson, buildRoot } from './helpers/factories.ts';
import { TestMailServer } from './helpers/smtp.ts';

const log = pino({ level: 'silent' });
const waitLong = { timeout: 60_000, interval: 200 };

describe('directive notifications', () => {
  const smtp = new TestMailServer();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ctx: AppContext;
  let app: TestApp;
  let districtId: number;
  let cellA: number;
  let cellB: number;
  const p: Record<string, number> = {};
  const clients: Record<string, Client> = {};

  /** Who holds a notification of `kind` with `dedupeKey`, sorted person ids. */
  async function notified(kind: string, dedupeKey: string): Promise<number[]> {
    const { rows } = await sql<{ person_id: string }>`select n.person_id from notifications n
      join notification_events e on e.id = n.event_id where e.kind = ${kind} and e.dedupe_key = ${dedupeKey}
      order by n.person_id`.execute(ctx.db);
    return rows.map((r) => Number(r.person_id));
  }
  const ids = (...names: string[]) => names.map((n) => p[n]!).sort((a, b) => a - b);

  async function publish(title: string, withinDays: number) {
    const d = await createDirective(ctx.db, systemActor(), {
      title,
      body: '<p>Text</p>',
      target: { unitIds: [districtId] },
      acknowledgeWithinDays: withinDays,
      issuingUnitId: districtId,
    });
    await publishDirective(ctx.db, ctx.jobs!.boss, systemActor(), d.id, 'UTC');
    await waitFanOut(d.id);
    return d.id;
  }
  async function waitFanOut(id: number) {
    await expect
      .poll(
        async () =>
          (await sql<{ s: string }>`select fanout_state as s from directive_rounds where directive_id = ${id}`.execute(ctx.db)).rows[0]?.s,
        waitLong,
      )
      .toBe('done');
  }

  beforeAll(async () => {
    await smtp.start();
    database = await createTestDatabase();
    const config = loadConfig({
      CELLWORK_LOG_LEVEL: 'silent',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Cellwork <cellwork@test>',
      CELLWORK_PUBLIC_URL: 'https://cellwork.example.org/',
      CELLWORK_NOTIFY_RETRY_SECONDS: '1',
    });
    ctx = await createContext(config, { connection: database.connection, log });
    app = (await buildApp(ctx, { logger: false })) as TestApp;
    await app.ready();
    const root = await buildRoot(ctx.db);
    const district = await buildCommittee(ctx.db, root, { name: 'District' });
    const other = await buildCommittee(ctx.db, root, { name: 'Other district' });
    districtId = district.id;
    cellA = (await buildCell(ctx.db, district.id, { name: 'Cell A' })).id;
    cellB = (await buildCell(ctx.db, district.id, { name: 'Cell B' })).id;
    const cellC = (await buildCell(ctx.db, other.id, { name: 'Cell C' })).id;
    for (const [name, cell, email] of [
      ['SecA', cellA, true],
      ['Lee', cellA, true],
      ['Kim', cellA, false],
      ['SecB', cellB, true],
      ['Park', cellB, true],
      ['Outside', cellC, true],
    ] as const) {
      p[name] = (
        await buildPerson(ctx.db, cell, { fullName: `Member ${name}`, email: email ? `${name.toLowerCase()}@example.org` : undefined })
      ).id;
    }
    await sql`update memberships set role = 'secretary' where person_id = any(${[p.SecA!, p.SecB!]}::bigint[]) and to_date is null`.execute(
      ctx.db,
    );
    for (const [name, role, unitId] of [
      ['SecA', 'secretary', cellA],
      ['SecB', 'secretary', cellB],
      ['Park', 'member', cellB],
    ] as const) {
      const a = await buildAccount(ctx.db, { personId: p[name]!, grants: [{ role, unitId }] });
      clients[name] = await signIn(app, a.login, a.password);
    }
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await ctx?.close();
    await database?.drop();
    await smtp.stop();
  });

  it('a published directive tells each targeted member exactly once, by mail where they have an address, also when the fan-out runs again', async () => {
    const id = await publish('Harvest mobilisation', 7);
    const everyone = ids('SecA', 'Lee', 'Kim', 'SecB', 'Park');
    // Told once the fan-out has ended, by a job of its own.
    await expect.poll(() => notified(PUBLISHED_KIND, publishedKey(id, 1)), waitLong).toEqual(everyone);
    // Mail for the four with an address, through SMTP.
    await expect.poll(() => smtp.received.filter((m) => m.subject.includes('Harvest mobilisation')).length, waitLong).toBe(4);
    expect(smtp.received.find((m) => m.to.includes('lee@example.org'))?.body).toContain('/inbox');

    // The fan-out job again, twice: once as a retry of a finished round, once from the start (a resumed run).
    await ctx.jobs!.boss.send(FAN_OUT_JOB, { directiveId: id, round: 1 });
    await sql`update directive_rounds set fanout_state = 'running', fanout_cursor = 0 where directive_id = ${id}`.execute(ctx.db);
    await ctx.jobs!.boss.send(FAN_OUT_JOB, { directiveId: id, round: 1 });
    await waitFanOut(id);
    // Every notice job the runs sent has run: nobody told twice.
    await expect
      .poll(
        async () =>
          (
            await sql<{
              n: number;
            }>`select count(*)::int as n from pgboss.job where name = 'directive-notify-published' and state <> 'completed'`.execute(ctx.db)
          ).rows[0]!.n,
        waitLong,
      )
      .toBe(0);
    expect(await notified(PUBLISHED_KIND, publishedKey(id, 1))).toEqual(everyone);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from notification_events where kind = ${PUBLISHED_KIND}
      and dedupe_key = ${publishedKey(id, 1)}`.execute(ctx.db);
    expect(rows[0]!.n).toBe(1);

    // A member joining a targeted cell receives the directive and is told once, however often the hook runs.
    p.Newcomer = (await buildPerson(ctx.db, cellB, { fullName: 'Member Newcomer' })).id;
    await ctx.db.transaction().execute((trx) => deliverToNewMembers(trx, [p.Newcomer!]));
    expect(await notified(PUBLISHED_KIND, publishedKey(id, 1))).toEqual(ids('SecA', 'Lee', 'Kim', 'SecB', 'Park', 'Newcomer'));
    // Mail only once per person.
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.filter((m) => m.subject.includes('Harvest mobilisation')).length).toBe(4);
  }, 90_000);

  it('reminds, before the deadline, members neither acknowledged nor briefed and their secretary, once; never a withdrawn directive', async () => {
    const due = await publish('Due soon', 1);
    const later = await publish('Due later', 7);
    const withdrawn = await publish('Withdrawn one', 1);
    await withdrawDirective(ctx.db, systemActor(), withdrawn);
    // Cell B is fully reached: Park acknowledges, the newcomer and the secretary are briefed in person.
    expect((await clients.Park!.post(`/api/v1/directives/${due}/acknowledgment`)).status).toBeLessThan(300);
    const today = new Date().toISOString().slice(0, 10);
    const briefing = await clients.SecB!.post(`/api/v1/directives/${due}/briefings`, {
      personIds: [p.Newcomer!, p.SecB!],
      briefedOn: today,
    });
    expect(briefing.status, JSON.stringify(briefing.body)).toBeLessThan(300);
    const key = (id: number) => {
      const deadline = new Date(Date.now() + 86_400_000 * (id === later ? 7 : 1)).toISOString().slice(0, 10);
      return `directive:${id}:round:1:reminder:${deadline}`;
    };

    const reminderMail = () => smtp.received.filter((m) => !m.subject.includes('new directive'));
    const before = reminderMail().length;
    await ctx.jobs!.boss.send(REMINDER_JOB, {});
    await expect.poll(() => notified(REMINDER_KIND, key(due)), waitLong).toEqual(ids('SecA', 'Lee', 'Kim'));
    expect(await notified(SECRETARY_REMINDER_KIND, key(due))).toEqual(ids('SecA'));
    expect(await notified(REMINDER_KIND, key(withdrawn))).toEqual([]);
    expect(await notified(REMINDER_KIND, key(later))).toEqual([]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from notification_events
      where kind like 'directive.reminder%' and dedupe_key not like ${`directive:${due}:%`}`.execute(ctx.db);
    expect(rows[0]!.n).toBe(0);
    // Mail: the member reminder to SecA and Lee (Kim has no address), the secretary's to SecA.
    await expect.poll(() => reminderMail().length - before, waitLong).toBe(3);
    const reminders = reminderMail().slice(before);
    expect(
      reminders
        .filter((m) => m.subject === 'Cellwork reminder: Due soon')
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual(['lee@example.org', 'seca@example.org']);
    expect(reminders.find((m) => m.subject.includes('have not yet been reached'))?.to).toEqual(['seca@example.org']);

    // Again: nobody is reminded twice.
    const again = { db: ctx.db, log, boss: ctx.jobs!.boss, config: ctx.config };
    await directiveReminders.handle({}, again);
    expect(await notified(REMINDER_KIND, key(due))).toEqual(ids('SecA', 'Lee', 'Kim'));
    expect(await notified(SECRETARY_REMINDER_KIND, key(due))).toEqual(ids('SecA'));
    await new Promise((r) => setTimeout(r, 300));
    expect(reminderMail().length - before).toBe(3);
  }, 120_000);
});
