/**
 * Scoped readers take branded values only access/lookups.ts mints (decision 0014). The `@ts-expect-error`
 * lines are checked by `npm run typecheck`: if an unscoped read were accepted, the directive would be
 * unused and the type check would fail. At run time, the lookups answer only inside the actor's scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../src/server/access/actor.ts';
import { findUnitInScope, requireCell, type ScopedCell } from '../src/server/access/lookups.ts';
import { cellStandards } from '../src/server/modules/meetings/dashboard.ts';
import { selectMembers } from '../src/server/modules/units/queries.ts';
import { createTestApp } from './helpers/app.ts';
import { buildOrg, type Org } from './helpers/org.ts';

describe('scoped lookups', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('mint a scoped cell only inside the scope, and readers refuse anything else at compile time', async () => {
    const a = org.accounts.secretary;
    const secretary = await loadActor(t.ctx.db, { id: a.id, login: a.login, personId: null }, { csrfToken: null, sessionId: null });
    const cell: ScopedCell<'read'> = await requireCell(t.ctx.db, secretary, org.cellA1a.id, 'read');
    expect((await selectMembers(t.ctx.db, cell, { limit: 10 })).length).toBeGreaterThan(0);
    await expect(requireCell(t.ctx.db, secretary, org.cellB1a.id, 'read')).rejects.toMatchObject({ messageKey: 'cell.notFound' });
    expect(await findUnitInScope(t.ctx.db, secretary, org.districtA1.id)).toBeUndefined();
    const raw = await t.ctx.db.selectFrom('units').selectAll().where('id', '=', org.cellB1a.id).executeTakeFirstOrThrow();
    if (Date.now() < 0) {
      // @ts-expect-error a bare id is not a scoped cell
      await cellStandards(t.ctx.db, org.cellB1a.id, '2026-01-01');
      // @ts-expect-error a row read without the actor's scope is not a scoped cell
      await selectMembers(t.ctx.db, { ...raw, path: '' }, { limit: 10 });
      // @ts-expect-error a cell found for reading is not one found for managing
      const managed: ScopedCell<'manage'> = cell;
      void managed;
    }
  });
});
