/** Verdicts made through the real write paths (meetings held) and a plain recount of campaign standings from them. */
import { sql } from 'kysely';
import type { Db } from '../../src/server/db/database.ts';
import { ensurePeriod } from '../../src/server/modules/compliance/engine.ts';
import { foldAllRollups } from '../../src/server/modules/compliance/fold.ts';
import { buildMeeting, holdMeeting } from './factories.ts';

/** Holds a general meeting of the cell on the 10th of the month (everyone present unless listed absent). */
export async function holdGeneralIn(db: Db, cellId: number, period: string, absent: number[] = []) {
  await ensurePeriod(db, period);
  const m = await buildMeeting(db, cellId, { kind: 'general', startsAt: `${period.slice(0, 7)}-10T09:00:00.000Z` });
  await holdMeeting(db, m.id, Object.fromEntries(absent.map((id) => [id, 'absent' as const])));
}

/** Every month judged and every committee's roll-up folded. */
export async function settle(db: Db, periods: string[]) {
  for (const p of periods) await ensurePeriod(db, p);
  await foldAllRollups(db);
}

/**
 * The standings recounted from the cells' verdict rows alone: each participant's cells (itself, or the
 * cells now under it), per standard the share met over the months, weighted; ranks with ties shared.
 */
export async function recountStandings(
  db: Db,
  c: { unitIds: number[]; from: string; to: string; weights: Record<string, number> },
): Promise<Map<number, { score: number; rank: number }>> {
  const rows = (
    await sql<{ participant: number; standard_code: string; meets: boolean }>`
    select p.id as participant, cc.standard_code, cc.meets
    from units p join units c on c.path <@ p.path and c.kind = 'cell'
    join cell_compliance cc on cc.cell_id = c.id
    where p.id = any(${c.unitIds}::bigint[]) and cc.period between ${c.from}::date and ${c.to}::date`.execute(db)
  ).rows;
  const scores = new Map<number, number>();
  for (const id of c.unitIds) {
    let sum = 0;
    let weights = 0;
    for (const [code, w] of Object.entries(c.weights)) {
      const mine = rows.filter((r) => Number(r.participant) === id && r.standard_code === code);
      sum += w * (mine.length ? mine.filter((r) => r.meets).length / mine.length : 0);
      weights += w;
    }
    // A nudge so that float noise rounds half up as numeric does.
    scores.set(id, Math.round((10000 * sum) / weights + 1e-7) / 100);
  }
  const out = new Map<number, { score: number; rank: number }>();
  for (const [id, score] of scores) out.set(id, { score, rank: 1 + [...scores.values()].filter((s) => s > score).length });
  return out;
}
