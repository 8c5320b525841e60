/**
 * notify: a notification to every member with an open membership (what a directive's reminder to
 * everyone costs), through `notifyWhere` in one transaction, next to the limit measured in the same run
 * on the same table: a bare `INSERT … SELECT` of the same (person, event) rows into `notifications`.
 * The app also records the event, checks the webhook endpoints and, with mail configured,
 * queues one outbox row per member with an address; the second app figure is with mail on. Each run
 * starts from empty tables, so every insert writes the full set. Target: app (in-app only) ≤ 1.5 × bare.
 */
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.ts';
import { createNotifier } from '../src/server/modules/notifications/service.ts';
import { openBenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { printResult, printTable } from './lib/report.ts';
import { peakRssMb, round2 } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const TARGET = 1.5;

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  try {
    console.log(`notify bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    const db = bench.db;
    const recipients = () => db.selectFrom('memberships').select('person_id').where('to_date', 'is', null);
    const base = loadConfig({ CELLWORK_LOG_LEVEL: 'silent' });
    const withoutMail = createNotifier({ boss: undefined, config: base });
    const withMail = createNotifier({
      boss: undefined,
      config: { ...base, notifications: { ...base.notifications, mail: { url: 'smtp://127.0.0.1:9', from: 'bench@cellwork' } } },
    });
    const payload = { key: 'notifications.kinds.demo', params: { title: 'bench' } };

    const timed = async <T>(fn: () => Promise<T>): Promise<{ s: number; result: T }> => {
      const started = performance.now();
      const result = await fn();
      return { s: (performance.now() - started) / 1000, result };
    };
    const bare = () =>
      db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('notification_events')
          .values({ kind: 'bench-bare', payload: JSON.stringify(payload) })
          .returning('id')
          .executeTakeFirstOrThrow();
        const r = await sql`insert into notifications (person_id, event_id)
          select m.person_id, ${id}::bigint from memberships m where m.to_date is null`.execute(trx);
        return Number(r.numAffectedRows ?? 0);
      });
    const app = (notifier: typeof withMail) =>
      db.transaction().execute((trx) => notifier.notifyWhere(trx, { kind: 'bench', payload, recipients: recipients() }));

    // Each insert starts from an empty table (the same index depth), after a checkpoint, with the
    // source rows read once beforehand so no run pays for a cold cache alone.
    const fresh = async () => {
      await sql`truncate notifications, mail_outbox`.execute(db);
      await sql`checkpoint`.execute(db);
    };
    await sql`select count(*) from memberships where to_date is null`.execute(db);
    await fresh();
    const b = await timed(bare);
    await fresh();
    const a = await timed(() => app(withoutMail));
    await fresh();
    const m = await timed(() => app(withMail));

    printTable(
      [{ header: 'what', align: 'left' }, { header: 'rows' }, { header: 'mail rows' }, { header: 'seconds' }, { header: 'rows/s' }],
      [
        ['bare INSERT … SELECT (limit)', b.result, 0, round2(b.s), Math.round(b.result / b.s)],
        ['notifyWhere, in-app', a.result.notified, a.result.mailed, round2(a.s), Math.round(a.result.notified / a.s)],
        ['notifyWhere, in-app + mail queued', m.result.notified, m.result.mailed, round2(m.s), Math.round(m.result.notified / m.s)],
      ],
    );
    const ratio = round2(a.s / b.s);
    console.log(`ratio in-app / bare: ${ratio} (target ≤ ${TARGET}); with mail: ${round2(m.s / b.s)}; peak RSS ${peakRssMb()} MB`);
    printResult({ bench: 'notify', scale, value: round2(a.s), unit: 's', limit: round2(b.s), ratio });
  } finally {
    await bench.close();
  }
}
