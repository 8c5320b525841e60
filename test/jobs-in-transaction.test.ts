/** A job sent inside a transaction exists exactly when that transaction commits (jobs/enqueue.ts). */
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../src/server/db/database.ts';
import { sendInTransaction } from '../src/server/jobs/enqueue.ts';
import { createTestApp } from './helpers/app.ts';

describe("jobs sent inside the caller's transaction", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let boss: PgBoss;
  const queue = 'registry-fan-out-test';
  beforeAll(async () => {
    t = await createTestApp();
    const { host, port, user, password, database, connectionString } = t.ctx.connection;
    boss = new PgBoss({
      host,
      port,
      user,
      database,
      connectionString,
      max: 2,
      schema: 'pgboss',
      password: typeof password === 'string' ? password : undefined,
    });
    boss.on('error', () => undefined);
    await boss.start();
    await boss.createQueue(queue);
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, wait: true });
    await t.close();
  });

  it('a job sent in a rolled-back transaction is never seen; one sent in a committed transaction is', async () => {
    const db = t.ctx.db;
    await expect(
      inTransaction(db, async (trx) => {
        await sendInTransaction(boss, trx, queue, { attempt: 'rolled back' });
        // Not visible outside the transaction before it ends either.
        expect(await boss.fetch(queue)).toEqual([]);
        throw new Error('the write fails');
      }),
    ).rejects.toThrow('the write fails');
    expect(await boss.fetch(queue)).toEqual([]);

    const id = await inTransaction(db, (trx) => sendInTransaction(boss, trx, queue, { attempt: 'committed' }));
    expect(id).toEqual(expect.any(String));
    const jobs = await boss.fetch<{ attempt: string }>(queue);
    expect(jobs.map((j) => ({ id: j.id, data: j.data }))).toEqual([{ id, data: { attempt: 'committed' } }]);
  });
});
