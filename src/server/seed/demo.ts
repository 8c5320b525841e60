/**
 * The demo: a small synthetic organization (400 cells, 6,000 members) and five accounts, one per kind
 * of user, all with the password 'demo'. Units and people are picked deterministically, so the same
 * logins land on the same units every time. The accounts are flagged `demo`: 'demo' is far below the
 * password policy, so on an external database they cannot sign in with it (modules/auth/service.ts).
 */
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { DB } from '../db/types.ts';
import { recordAudit } from '../modules/audit/service.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { seedActivity } from './activity.ts';
import { seedOrganization, type SeedProgress } from './organization.ts';
import { seedLibraryDemo } from '../modules/library/demo-content.ts';
import { seedEducationDemo } from '../modules/education/demo-content.ts';

/** Months of meetings, attendance and decisions the demo starts with, so its dashboards have a year to show. */
export const DEMO_MONTHS = 12;

export const DEMO_PASSWORD = 'demo';
export const DEMO_LOGINS = ['admin@demo', 'region@demo', 'district@demo', 'secretary@demo', 'member@demo', 'handler@demo'] as const;

export type DemoLogin = { login: string; role: string; unit: string | null };

type Unit = { id: number; name: string; path: string };

/** The district: a committee at least two levels below a region, with the most cells beneath it. */
async function pickDistrict(db: Kysely<DB>): Promise<{ region: Unit; district: Unit }> {
  const row = await sql<{ r_id: number; r_name: string; r_path: string; d_id: number; d_name: string; d_path: string }>`
    select r.id as r_id, r.name as r_name, r.path::text as r_path, d.id as d_id, d.name as d_name, d.path::text as d_path
    from units d
    join units r on r.depth = 1 and d.path <@ r.path
    where d.kind = 'committee' and d.depth >= 3
    order by (select count(*) from units c where c.kind = 'cell' and c.path <@ d.path) desc, d.id
    limit 1`.execute(db);
  const r = row.rows[0];
  if (!r) throw new Error('seedDemo: the tree has no committee two levels below a region');
  return { region: { id: r.r_id, name: r.r_name, path: r.r_path }, district: { id: r.d_id, name: r.d_name, path: r.d_path } };
}

/** The demo cell: the largest cell under the district (ties by id), which has a secretary and plain members. */
async function pickCell(db: Kysely<DB>, district: Unit): Promise<Unit & { secretaryId: number; memberId: number }> {
  const row = await sql<{ id: number; name: string; path: string; secretary_id: number; member_id: number }>`
    select u.id, u.name, u.path::text as path,
      (select m.person_id from memberships m where m.cell_id = u.id and m.to_date is null and m.role = 'secretary') as secretary_id,
      (select min(m.person_id) from memberships m where m.cell_id = u.id and m.to_date is null and m.role = 'member') as member_id
    from units u
    where u.kind = 'cell' and u.path <@ ${district.path}::ltree
    order by u.member_count desc, u.id
    limit 1`.execute(db);
  const c = row.rows[0];
  if (!c?.secretary_id || !c.member_id) throw new Error('seedDemo: no cell with a secretary and a member under the district');
  return { id: c.id, name: c.name, path: c.path, secretaryId: c.secretary_id, memberId: c.member_id };
}

/** A plain member of some cell inside `within` but outside `outside` (officials belong to a cell too). */
async function pickPlainMember(db: Kysely<DB>, within: string, outside: string, taken: number[]): Promise<number> {
  const row = await sql<{ person_id: number }>`
    select m.person_id from memberships m join units u on u.id = m.cell_id
    where m.to_date is null and m.role = 'member' and u.path <@ ${within}::ltree and not (u.path <@ ${outside}::ltree)
      and m.person_id <> all(${taken}::bigint[])
    order by u.id, m.person_id
    limit 1`.execute(db);
  const p = row.rows[0];
  if (!p) throw new Error(`seedDemo: no plain member found under ${within}`);
  return p.person_id;
}

export async function seedDemo(pool: pg.Pool, db: Kysely<DB>, onProgress?: (p: SeedProgress) => void): Promise<{ logins: DemoLogin[] }> {
  const organization = await seedOrganization(pool, { cells: 400, members: 6000, seed: 1, onProgress });
  const activity = await seedActivity(pool, { months: DEMO_MONTHS, seed: 1, onProgress });
  const { region, district } = await pickDistrict(db);
  const cell = await pickCell(db, district);
  const districtPerson = await pickPlainMember(db, district.path, cell.path, [cell.memberId, cell.secretaryId]);
  const regionPerson = await pickPlainMember(db, region.path, district.path, [cell.memberId, cell.secretaryId]);
  const passwordHash = await hashPassword(DEMO_PASSWORD); // argon2 is slow on purpose: hash once, reuse

  const plan: Array<{
    login: (typeof DEMO_LOGINS)[number];
    personId: number | null;
    role: 'admin' | 'official' | 'secretary' | 'member' | 'handler';
    access: 'read' | 'manage';
    unit: Unit | null;
  }> = [
    { login: 'admin@demo', personId: null, role: 'admin', access: 'manage', unit: null },
    { login: 'region@demo', personId: regionPerson, role: 'official', access: 'manage', unit: region },
    { login: 'district@demo', personId: districtPerson, role: 'official', access: 'manage', unit: district },
    { login: 'secretary@demo', personId: cell.secretaryId, role: 'secretary', access: 'manage', unit: cell },
    { login: 'member@demo', personId: cell.memberId, role: 'member', access: 'read', unit: cell },
    // Integrity cases (decision 0029): handles the cases of the district's committees (the demo cell's
    // secretary's among them), and sees nothing else of the organization: no person, no other grant.
    { login: 'handler@demo', personId: null, role: 'handler', access: 'read', unit: district },
  ];
  await db.transaction().execute(async (trx) => {
    for (const p of plan) {
      const account = await trx
        .insertInto('accounts')
        .values({ login: p.login.toLowerCase(), password_hash: passwordHash, person_id: p.personId, demo: true })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('grants')
        .values({ account_id: account.id, role: p.role, access: p.access, unit_id: p.unit?.id ?? null })
        .execute();
    }
    await recordAudit(trx, null, {
      action: 'seed.demo',
      entity: 'organization',
      entityId: null,
      after: { ...organization, activity, logins: plan.map((p) => ({ login: p.login, role: p.role, unitId: p.unit?.id ?? null })) },
    });
  });
  await seedLibraryDemo(db, cell.id);
  await seedEducationDemo(db, cell);
  return { logins: plan.map((p) => ({ login: p.login, role: p.role, unit: p.unit?.name ?? null })) };
}
