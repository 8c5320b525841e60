/**
 * The committees' counts of requests for help equal a recount from the raw rows (decision 0026): after
 * random sequences of asking, answering (by the secretary or a cell-mate, answered or resolved),
 * confirming, reopening and withdrawing across a small tree, spread over this month and the last, the
 * summary of every unit (open, answered, median days) and of its children is what the rows say.
 * Refused steps (a withdrawn request answered, a private one answered by a cell-mate…) change nothing.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor, systemActor, type Actor } from '../src/server/access/actor.ts';
import { AppError } from '../src/server/errors.ts';
import { ensurePeriod } from '../src/server/modules/compliance/engine.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { addDays, dataEnd, periodOf, previousPeriod, todayIso } from '../src/server/modules/compliance/periods.ts';
import { answerRequest, askForHelp, moveOwnRequest } from '../src/server/modules/help-requests/service.ts';
import { getHelpSummary } from '../src/server/modules/help-requests/summary.ts';
import { createTestApp } from './helpers/app.ts';
import { buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

type Op =
  | { kind: 'ask'; who: number; shared: boolean; advance: number }
  | { kind: 'answer'; req: number; by: 'secretary' | 'mate'; resolve: boolean; advance: number }
  | { kind: 'withdraw' | 'confirm' | 'reopen'; req: number; advance: number };

const session = { csrfToken: null, sessionId: null };
/** An actor with no account row (audit rows record none): a person, and a secretary grant on a cell if given. */
const personActor = (personId: number, secretaryOf?: { id: number; path: string }): Actor =>
  buildActor(
    { id: 0, login: `p${personId}`, personId },
    secretaryOf ? [{ id: 0, role: 'secretary', access: 'manage', unitId: secretaryOf.id, path: secretaryOf.path }] : [],
    session,
  );

/** The lower median of whole days, 30 standing for "30 or more". */
function median(days: number[]): number | null {
  if (days.length === 0) return null;
  const sorted = days.map((d) => Math.min(d, 30)).sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1]!;
}

const dayDiff = (a: string, b: string) => Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);

describe('help request counts (property)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let cells: Array<{ id: number; path: string; secretary: Actor; members: Actor[] }>;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    const d = t.ctx.db;
    const pathOf = async (id: number) =>
      (await d.selectFrom('units').select(sql`path::text`.as('p')).where('id', '=', id).executeTakeFirstOrThrow()).p as string;
    cells = [];
    for (const cell of [org.cellA1a, org.cellA1b, org.cellA2a, org.cellB1a]) {
      const path = await pathOf(cell.id);
      const sec = await buildPerson(d, cell.id, { fullName: `Sec ${cell.id}`, fromDate: '2020-01-01' });
      const a = await buildPerson(d, cell.id, { fullName: `A ${cell.id}`, fromDate: '2020-01-01' });
      const b = await buildPerson(d, cell.id, { fullName: `B ${cell.id}`, fromDate: '2020-01-01' });
      cells.push({
        id: cell.id,
        path,
        secretary: personActor(sec.id, { id: cell.id, path }),
        members: [personActor(a.id), personActor(b.id)],
      });
    }
    const today = todayIso();
    await ensurePeriod(d, previousPeriod(periodOf(today)));
    await ensurePeriod(d, periodOf(today));
  });
  afterAll(async () => t?.close());

  /** What the rows say for the cells under `path` in a month. */
  async function recount(path: string, period: string) {
    const end = dataEnd(period);
    const d = t.ctx.db;
    const requests = await d
      .selectFrom('help_requests as r')
      .innerJoin('units as u', 'u.id', 'r.cell_id')
      .select([
        'r.cell_id',
        'r.id',
        sql<string>`to_char(r.asked_on, 'YYYY-MM-DD')`.as('asked'),
        sql<string | null>`to_char(r.first_answered_on, 'YYYY-MM-DD')`.as('first'),
      ])
      .where(sql<boolean>`u.path <@ ${path}::ltree`)
      .execute();
    const steps = await d
      .selectFrom('help_request_steps')
      .select(['cell_id', 'request_id', 'id', 'status', sql<string>`to_char(on_day, 'YYYY-MM-DD')`.as('day')])
      .orderBy('id')
      .execute();
    let open = 0;
    const days: number[] = [];
    for (const r of requests) {
      const mine = steps.filter((s) => Number(s.request_id) === Number(r.id) && s.day < end);
      if (mine.at(-1)?.status === 'open') open++;
      if (r.first && r.first >= period && r.first < end) days.push(dayDiff(r.first, r.asked));
    }
    return { open, answered: days.length, medianDaysToAnswer: median(days) };
  }

  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('ask' as const), who: fc.nat(7), shared: fc.boolean(), advance: fc.nat(4) }),
    fc.record({
      kind: fc.constant('answer' as const),
      req: fc.nat(20),
      by: fc.constantFrom('secretary' as const, 'mate' as const),
      resolve: fc.boolean(),
      advance: fc.nat(4),
    }),
    fc.record({ kind: fc.constantFrom('withdraw' as const, 'confirm' as const, 'reopen' as const), req: fc.nat(20), advance: fc.nat(4) }),
  );

  it('every unit and child reads the recount of its rows, this month and the last', async () => {
    const d = t.ctx.db;
    const today = todayIso();
    const units = [org.root, org.regionA.id, org.districtA1.id, org.districtA2.id, org.cellA1a.id];
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        // Days move forward through the sequence, from about six weeks ago to today.
        let day = addDays(today, -45);
        const asked: Array<{ id: number; cell: number; asker: number }> = [];
        for (const op of ops) {
          const next = addDays(day, op.advance * 3);
          day = next > today ? today : next;
          try {
            if (op.kind === 'ask') {
              const cell = cells[Math.floor(op.who / 2) % cells.length]!;
              const who = op.who % 2;
              const r = await askForHelp(
                d,
                cell.members[who]!,
                { subject: 'S', text: 'T', visibility: op.shared ? 'cell' : 'secretary' },
                day,
              );
              asked.push({ id: r.id, cell: cells.indexOf(cell), asker: who });
            } else if (asked.length > 0) {
              const r = asked[op.req % asked.length]!;
              const cell = cells[r.cell]!;
              if (op.kind === 'answer') {
                const by = op.by === 'secretary' ? cell.secretary : cell.members[1 - r.asker]!;
                await answerRequest(d, by, r.id, { text: 'A', status: op.resolve ? 'resolved' : 'answered' }, day);
              } else {
                await moveOwnRequest(d, cell.members[r.asker]!, r.id, op.kind, day);
              }
            }
          } catch (e) {
            if (!(e instanceof AppError) || e.status >= 500) throw e;
          }
        }
        await foldAllRollups(d);
        for (const period of [previousPeriod(periodOf(today)), periodOf(today)]) {
          for (const unit of units) {
            const s = await getHelpSummary(d, systemActor(), unit, period);
            const path = (await d.selectFrom('units').select(sql`path::text`.as('p')).where('id', '=', unit).executeTakeFirstOrThrow())
              .p as string;
            expect({ unit, period, ...figures(s) }).toEqual({ unit, period, ...(await recount(path, period)) });
            for (const child of s.children) {
              const cp = (
                await d.selectFrom('units').select(sql`path::text`.as('p')).where('id', '=', child.unitId).executeTakeFirstOrThrow()
              ).p as string;
              expect({ child: child.unitId, period, ...figures(child) }).toEqual({
                child: child.unitId,
                period,
                ...(await recount(cp, period)),
              });
            }
          }
        }
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});

const figures = (f: { open: number; answered: number; medianDaysToAnswer: number | null }) => ({
  open: f.open,
  answered: f.answered,
  medianDaysToAnswer: f.medianDaysToAnswer,
});
