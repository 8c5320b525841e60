/**
 * The synthetic organization: a realistic committee tree down to `cells` cells holding `members` people,
 * with memberships and some history, written with COPY in one transaction. Used by the demo, by tests
 * and by the benchmarks (the design point is 300,000 cells and 6,500,000 members).
 *
 * Memory stays bounded whatever the size: rows are generated cell by cell into ~64 KB chunks and
 * streamed; only per-committee objects and a few bytes per cell are kept.
 */
import type pg from 'pg';
import { copyChunks, ProgressThrottle, type SeedProgress } from './copy.ts';
import { MEMBERSHIP_COLUMNS, membershipChunks, PEOPLE_COLUMNS, peopleChunks, type PeopleTally } from './people.ts';
import { planOrganization, UNIT_COLUMNS, unitChunks } from './units.ts';

export type { SeedProgress } from './copy.ts';

export type SeedOptions = {
  /** Number of cells (the leaves of the tree). */
  cells: number;
  /** Total number of people; cells hold between 3 and 60 each. */
  members: number;
  /** PRNG seed; the same seed gives the same organization. Default 1. */
  seed?: number;
  /**
   * Called at most about ten times a second with the current phase ('units', 'people', 'memberships',
   * 'analyze'; done and total count that phase's rows), and once at the end with phase 'done'.
   */
  onProgress?: (p: SeedProgress) => void;
};

export type SeedResult = { committees: number; cells: number; people: number; memberships: number; rows: number; ms: number };

const SEEDED_TABLES = ['units', 'people', 'memberships'] as const;

export async function seedOrganization(pool: pg.Pool, opts: SeedOptions): Promise<SeedResult> {
  const { cells, members } = opts;
  const seed = (opts.seed ?? 1) >>> 0;
  if (!Number.isInteger(cells) || cells < 1) throw new Error(`seedOrganization: cells must be a positive integer, got ${cells}`);
  if (!Number.isInteger(members)) throw new Error(`seedOrganization: members must be an integer, got ${members}`);
  const started = performance.now();
  const org = planOrganization(cells, members, seed); // throws when members do not fit 3..60 per cell
  const progress = new ProgressThrottle(opts.onProgress);
  const unitTotal = org.committees.length + cells;

  const client = await pool.connect();
  let failed: unknown;
  const tally: PeopleTally = { people: 0, memberships: 0 };
  try {
    await client.query('begin');
    // Keeps a concurrent seed (or unit creation) out until we commit.
    await client.query('lock table units in share row exclusive mode');
    const {
      rows: [state],
    } = await client.query<{ has_units: boolean; people: string; memberships: string }>(
      `select exists (select 1 from units) as has_units,
        (select coalesce(max(id), 0) from people) as people, (select coalesce(max(id), 0) from memberships) as memberships`,
    );
    if (state?.has_units) {
      throw new Error('seedOrganization refuses to run: the units table is not empty (seed a fresh database)');
    }
    const firstPersonId = Number(state?.people ?? 0) + 1;
    const firstMembershipId = Number(state?.memberships ?? 0) + 1;

    progress.report('units', 0, unitTotal);
    await copyChunks(
      client,
      `copy ${UNIT_COLUMNS} from stdin`,
      unitChunks(org, seed, (n) => progress.report('units', n, unitTotal)),
    );
    progress.report('people', 0, members);
    await copyChunks(
      client,
      `copy ${PEOPLE_COLUMNS} from stdin`,
      peopleChunks(org, seed, firstPersonId, tally, (n) => progress.report('people', n, members)),
    );
    progress.report('memberships', 0, tally.memberships);
    await copyChunks(
      client,
      `copy ${MEMBERSHIP_COLUMNS} from stdin`,
      membershipChunks(org, seed, firstPersonId, firstMembershipId, (n) => progress.report('memberships', n, tally.memberships)),
    );
    for (const table of SEEDED_TABLES) {
      // Explicit ids were written, so move each identity past them for later inserts.
      await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), (select coalesce(max(id), 0) + 1 from ${table}), false)`);
    }
    await client.query('commit');
  } catch (err) {
    failed = err;
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    // A client whose COPY failed half-way may be out of sync: destroy it rather than reuse it.
    client.release(failed instanceof Error ? failed : undefined);
  }
  const rows = unitTotal + tally.people + tally.memberships;
  progress.report('analyze', 0, 1);
  await pool.query(`analyze ${SEEDED_TABLES.join(', ')}`);
  progress.report('done', rows, rows, true);
  return {
    committees: org.committees.length,
    cells,
    people: tally.people,
    memberships: tally.memberships,
    rows,
    ms: Math.round(performance.now() - started),
  };
}
