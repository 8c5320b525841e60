/**
 * A small organization with one account per role, used by the access tests:
 *
 *   root ─ regionA ─ districtA1 ─ cellA1a (secretary S, member M, P)
 *        │         │            └ cellA1b
 *        │         └ districtA2 ─ cellA2a
 *        └ regionB ─ districtB1 ─ cellB1a (Q)
 */
import type { Db } from '../../src/server/db/database.ts';
import { appointSecretary } from '../../src/server/modules/units/officers.ts';
import { systemActor } from '../../src/server/access/actor.ts';
import { buildAccount, buildCell, buildCommittee, buildPerson, buildRoot } from './factories.ts';

export type Org = Awaited<ReturnType<typeof buildOrg>>;
export const ROLES = ['anonymous', 'member', 'secretary', 'districtReader', 'regionManager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export async function buildOrg(db: Db) {
  const root = await buildRoot(db);
  const regionA = await buildCommittee(db, root, { name: 'Region A' });
  const regionB = await buildCommittee(db, root, { name: 'Region B' });
  const districtA1 = await buildCommittee(db, regionA.id, { name: 'District A1' });
  const districtA2 = await buildCommittee(db, regionA.id, { name: 'District A2' });
  const districtB1 = await buildCommittee(db, regionB.id, { name: 'District B1' });
  const cellA1a = await buildCell(db, districtA1.id, { name: 'Cell A1a' });
  const cellA1b = await buildCell(db, districtA1.id, { name: 'Cell A1b' });
  const cellA2a = await buildCell(db, districtA2.id, { name: 'Cell A2a' });
  const cellB1a = await buildCell(db, districtB1.id, { name: 'Cell B1a' });
  const S = await buildPerson(db, cellA1a.id, { fullName: 'Secretary Kim' });
  const M = await buildPerson(db, cellA1a.id, { fullName: 'Member Lee' });
  const P = await buildPerson(db, cellA1a.id, { fullName: 'Member Park' });
  const Q = await buildPerson(db, cellB1a.id, { fullName: 'Outsider Choi' });
  await appointSecretary(db, systemActor(), cellA1a.id, { personId: S.id, deputy: false, date: '2021-06-01' });
  const accounts = {
    member: await buildAccount(db, { login: 'member@test', personId: M.id, grants: [{ role: 'member', unitId: cellA1a.id }] }),
    secretary: await buildAccount(db, {
      login: 'secretary@test',
      personId: S.id,
      grants: [{ role: 'secretary', access: 'manage', unitId: cellA1a.id }],
    }),
    districtReader: await buildAccount(db, { login: 'reader@test', grants: [{ role: 'official', access: 'read', unitId: districtA1.id }] }),
    regionManager: await buildAccount(db, { login: 'region@test', grants: [{ role: 'official', access: 'manage', unitId: regionA.id }] }),
    admin: await buildAccount(db, { login: 'admin@test', grants: [{ role: 'admin', access: 'manage' }] }),
    outsider: await buildAccount(db, { login: 'outsider@test', personId: Q.id, grants: [{ role: 'member', unitId: cellB1a.id }] }),
  };
  return { root, regionA, regionB, districtA1, districtA2, districtB1, cellA1a, cellA1b, cellA2a, cellB1a, S, M, P, Q, accounts };
}
