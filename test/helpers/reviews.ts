/** A review session in cell A1a with extra members who have accounts, for the review tests. */
import type { TestApp } from './app.ts';
import { signIn, type Client } from './client.ts';
import { buildAccount, buildMeeting, buildPerson } from './factories.ts';
import type { Org } from './org.ts';
import type { Db } from '../../src/server/db/database.ts';

/** `n` members of cell A1a, each signed in. */
export async function buildReviewers(db: Db, app: TestApp, org: Org, n: number, prefix = 'reviewer') {
  const out: Array<{ personId: number; client: Client }> = [];
  for (let i = 0; i < n; i++) {
    const person = await buildPerson(db, org.cellA1a.id, { fullName: `${prefix} ${i}` });
    const login = `${prefix}${i}-${person.id}@test`;
    await buildAccount(db, { login, personId: person.id, grants: [{ role: 'member', unitId: org.cellA1a.id }] });
    out.push({ personId: person.id, client: await signIn(app, login, 'secret-pass') });
  }
  return out;
}

/** A review meeting of cell A1a held yesterday (open for the next two weeks). */
export const buildReview = (db: Db, cellId: number) => buildMeeting(db, cellId, { kind: 'review' });
