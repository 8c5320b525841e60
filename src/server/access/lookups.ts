/**
 * Scoped lookups: the only way to turn an id from a request into a unit, a cell or a person. What they
 * return is branded: the brands are unique symbols declared here and minted nowhere else, so a reader
 * that takes a `ScopedCell` cannot be handed a cell read without the actor's scope (that fails the type
 * check). The brand also says what was checked: `ScopedUnit<'manage'>` only comes from a manage lookup.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { PersonRow, UnitRow } from '../db/types.ts';
import { notFound } from '../errors.ts';
import type { Actor } from './actor.ts';
import { mayRestructure } from './policies.ts';
import { pathInScope, personInScope, type Need } from './scope.ts';

declare const unitBrand: unique symbol;
declare const cellBrand: unique symbol;
declare const personBrand: unique symbol;

/** A unit the actor may see (or, with `'manage'`/`'personal'`, do more with): its row and its path as text. */
export type ScopedUnit<N extends Need = Need> = UnitRow & { path: string; readonly [unitBrand]: N };
/** A scoped unit that is a cell. */
export type ScopedCell<N extends Need = Need> = ScopedUnit<N> & { kind: 'cell'; readonly [cellBrand]: true };
/** A person the actor may see (or manage). */
export type ScopedPerson<N extends Need = Need> = PersonRow & { readonly [personBrand]: N };

/** Loads a unit the actor may see (or manage), or undefined: callers answer 404. */
export async function findUnitInScope<N extends Need = 'read'>(
  db: Db,
  actor: Actor,
  id: number,
  need?: N,
): Promise<ScopedUnit<N> | undefined> {
  const row = await db
    .selectFrom('units as u')
    .selectAll('u')
    .select(sql<string>`u.path::text`.as('path'))
    .where('u.id', '=', id)
    .where(pathInScope(actor, 'u.path', need ?? 'read'))
    .executeTakeFirst();
  return row as ScopedUnit<N> | undefined;
}

export function isCell<N extends Need>(unit: ScopedUnit<N>): unit is ScopedCell<N> {
  return unit.kind === 'cell';
}

/** A cell the actor may see (or manage); anything else, a committee included, is `cell.notFound` (404). */
export async function requireCell<N extends Need>(db: Db, actor: Actor, cellId: number, need: N): Promise<ScopedCell<N>> {
  const unit = await findUnitInScope(db, actor, cellId, need);
  if (!unit || !isCell(unit)) throw notFound('cell.notFound');
  return unit;
}

/**
 * Loads a unit whose parent the actor manages: the tree's structure (rename, move, close, officers)
 * is decided by the committee above a unit, never by the unit itself. Anything else answers 404.
 */
export async function findUnitManagedFromAbove(db: Db, actor: Actor, id: number): Promise<ScopedUnit<'manage'> | undefined> {
  const unit = await findUnitInScope(db, actor, id);
  if (!unit || !mayRestructure(actor, unit)) return undefined;
  return unit as unknown as ScopedUnit<'manage'>; // the parent is managed, so is the unit
}

/** Loads a person the actor may see (or manage), or undefined: callers answer 404. */
export async function findPersonInScope<N extends Need = 'read'>(
  db: Db,
  actor: Actor,
  id: number,
  need?: N,
): Promise<ScopedPerson<N> | undefined> {
  const row = await db
    .selectFrom('people as p')
    .selectAll('p')
    .where('p.id', '=', id)
    .where(personInScope(actor, 'p.id', need ?? 'read'))
    .executeTakeFirst();
  return row as ScopedPerson<N> | undefined;
}
