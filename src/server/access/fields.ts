/**
 * Field-level access: what a reader sees of the people they may see (docs/decisions/0013). Scope
 * (scope.ts) decides whether a person, a meeting or a follow-up exists for the reader; this decides
 * which of its fields about people they get. Two levels:
 * - shared with the cell: names, roles, membership dates, attendance statuses;
 * - personal: contact details and the rest of the person's record, absence reasons, follow-ups.
 * Personal data is for the person themself and for readers whose grant covers the person's cell with
 * a role that needs it (`personalPaths`: secretary, official, admin); a member grant gives names only.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from './actor.ts';

/** A person's fields beyond their name that only personal readers get; absent from the response otherwise. */
export const PERSONAL_FIELDS = ['email', 'phone', 'birthYear', 'workplace', 'joinedOn', 'memberNo'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** The actor may read the personal data of the people on the roll of the cell at `cellPath`. */
export function seesPersonalDataIn(actor: Actor, cellPath: string): boolean {
  return actor.all || actor.personalPaths.some((r) => cellPath === r || cellPath.startsWith(`${r}.`));
}

/** A person's record without the personal fields, unless `personal`. */
export function personFields<T extends Record<PersonalField, unknown>>(record: T, personal: boolean): T | Omit<T, PersonalField> {
  if (personal) return record;
  const shared: Partial<T> = { ...record };
  for (const f of PERSONAL_FIELDS) delete shared[f];
  return shared as Omit<T, PersonalField>;
}

/**
 * A meeting's roll as the reader may see it: everyone's status, and the reasons for absence only to
 * personal readers of the cell; a member sees their own reason and no one else's.
 */
export function rollFields<T extends { personId: number; reason: string | null }>(
  actor: Actor,
  cellPath: string,
  roll: T[],
): Array<T | Omit<T, 'reason'>> {
  if (seesPersonalDataIn(actor, cellPath)) return roll;
  return roll.map((r) => {
    if (r.personId === actor.personId) return r;
    const { reason: _hidden, ...shared } = r;
    return shared;
  });
}

/**
 * The follow-ups of a cell the reader may see, as a condition on the follow-up's person: all of
 * them for personal readers of the cell; for anyone else, only whether they themselves are followed up.
 */
export function followUpsVisible(actor: Actor, cellPath: string, personIdColumn: string): Expression<SqlBool> {
  if (seesPersonalDataIn(actor, cellPath)) return sql<SqlBool>`true`;
  if (actor.personId === null) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(personIdColumn)} = ${actor.personId}`;
}
