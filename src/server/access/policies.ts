/**
 * Who may do what, per action, in one place. Scope (scope.ts, lookups.ts) says whether an object
 * exists for the actor; these say what the actor may do with one they found. Field-level rules (what
 * of a person a reader gets) are in fields.ts. Refusals are 404s, as for anything out of scope.
 */
import { notFound } from '../errors.ts';
import { canManagePath, type Actor } from './actor.ts';

/**
 * The central administrator: an admin grant, the whole tree. The rulebook, meeting kinds, erasure,
 * administrator grants and the organization's root are theirs alone.
 */
export function isCentralAdministrator(actor: Actor): boolean {
  return actor.all;
}

/** Anyone else gets a 404 with `key`: for them the action does not exist. */
export function requireCentralAdministrator(actor: Actor, key: 'common.notFound' | 'person.notFound' = 'common.notFound'): void {
  if (!isCentralAdministrator(actor)) throw notFound(key);
}

/** The actor manages the unit: schedules its meetings, edits its people, submits its reports. */
export function mayManage(actor: Actor, unit: { path: string }): boolean {
  return canManagePath(actor, unit.path);
}

/** The actor may rename, move or close the unit and appoint its officers: they manage its parent (decision 0002). */
export function mayRestructure(actor: Actor, unit: { path: string; parent_id: number | null }): boolean {
  if (isCentralAdministrator(actor)) return true;
  const parentPath = unit.path.split('.').slice(0, -1).join('.');
  return unit.parent_id !== null && parentPath !== '' && canManagePath(actor, parentPath);
}

/** The actor administers accounts: manages some subtree (decision 0010). */
export function mayManageAccounts(actor: Actor): boolean {
  return isCentralAdministrator(actor) || actor.managePaths.length > 0;
}

/** The actor chooses reading lists for the unit's subtree: the centre or a committee they manage, never a cell (issue 11). */
export function maySetReadingList(actor: Actor, unit: { path: string; kind: string }): boolean {
  return unit.kind !== 'cell' && canManagePath(actor, unit.path);
}
