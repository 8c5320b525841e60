/**
 * Small factories that build data through the same services the API uses (as the command line's
 * system actor), so test data obeys every rule the product does.
 */
import { sql } from 'kysely';
import { systemActor } from '../../src/server/access/actor.ts';
import type { Db } from '../../src/server/db/database.ts';
import { createAccount, createGrant } from '../../src/server/modules/accounts/service.ts';
import { createPerson } from '../../src/server/modules/people/service.ts';
import { createUnit } from '../../src/server/modules/units/service.ts';
import type { GrantAccess, GrantRole, Sector } from '../../src/shared/enums.ts';

let counter = 0;
const next = () => ++counter;
const actor = systemActor();

export async function buildRoot(db: Db, name = 'Central Committee') {
  const { rows } = await sql<{ id: number }>`insert into units (id, parent_id, kind, name, code, path, depth, opened_on)
    values (nextval(pg_get_serial_sequence('units', 'id')), null, 'committee', ${name}, ${`ROOT${next()}`}, '1', 0, '2000-01-01')
    returning id`.execute(db);
  const id = rows[0]!.id;
  await sql`update units set path = ${String(id)}::ltree where id = ${id}`.execute(db);
  return id;
}

export async function buildCommittee(
  db: Db,
  parentId: number,
  overrides: { name?: string; code?: string; sector?: Sector; openedOn?: string } = {},
) {
  const n = next();
  return createUnit(db, actor, {
    parentId,
    kind: 'committee',
    name: overrides.name ?? `Committee ${n}`,
    code: overrides.code ?? `C${n}`,
    sector: overrides.sector,
    openedOn: overrides.openedOn ?? '2020-01-01',
  });
}

export async function buildCell(
  db: Db,
  parentId: number,
  overrides: { name?: string; code?: string; sector?: Sector; openedOn?: string } = {},
) {
  const n = next();
  return createUnit(db, actor, {
    parentId,
    kind: 'cell',
    name: overrides.name ?? `Cell ${n}`,
    code: overrides.code ?? `CELL${n}`,
    sector: overrides.sector ?? 'metallurgy',
    openedOn: overrides.openedOn ?? '2020-01-01',
  });
}

export async function buildPerson(
  db: Db,
  cellId: number,
  overrides: { fullName?: string; email?: string; memberNo?: string; role?: 'member' | 'candidate'; fromDate?: string } = {},
) {
  const n = next();
  return createPerson(db, actor, {
    fullName: overrides.fullName ?? `Person ${n}`,
    email: overrides.email,
    memberNo: overrides.memberNo,
    cellId,
    role: overrides.role ?? 'member',
    fromDate: overrides.fromDate ?? '2021-01-01',
  });
}

export async function buildAccount(
  db: Db,
  opts: {
    login?: string;
    password?: string;
    personId?: number;
    grants?: Array<{ role: GrantRole; access?: GrantAccess; unitId?: number }>;
  } = {},
) {
  const login = opts.login ?? `user${next()}@test`;
  const account = await createAccount(db, actor, { login, password: opts.password ?? 'secret-pass', personId: opts.personId ?? null });
  for (const g of opts.grants ?? [])
    await createGrant(db, actor, account.id, { role: g.role, access: g.access ?? 'read', unitId: g.unitId ?? null });
  return { ...account, login, password: opts.password ?? 'secret-pass' };
}

export async function buildMeeting(db: Db, cellId: number, overrides: { kind?: string; startsAt?: string; title?: string } = {}) {
  const { createMeeting } = await import('../../src/server/modules/meetings/service.ts');
  return createMeeting(
    db,
    actor,
    cellId,
    {
      kind: overrides.kind ?? 'general',
      startsAt: overrides.startsAt ?? new Date(Date.now() - 86_400_000).toISOString(),
      title: overrides.title,
    },
    'UTC',
  );
}

/** Records a held meeting: everyone on the roll present unless listed otherwise. */
export async function holdMeeting(db: Db, meetingId: number, statuses: Record<number, 'present' | 'excused' | 'absent'> = {}) {
  const { getMeeting } = await import('../../src/server/modules/meetings/service.ts');
  const { saveAttendance } = await import('../../src/server/modules/meetings/attendance.ts');
  const m = await getMeeting(db, actor, meetingId);
  return saveAttendance(db, actor, meetingId, {
    records: m.roll.map((r) => ({ personId: r.personId, status: statuses[r.personId] ?? 'present' })),
    version: m.version,
  });
}
