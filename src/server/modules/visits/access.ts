/**
 * Who may do what with a visit (decision 0028). A visit is read by those who read the cell's personal
 * data: its secretary and deputy, the officials above it, the centre (canSeePersonalPath). It is
 * planned by an official over the cell (a grant of role `official` with manage access on a committee
 * above it), from that grant's committee; it is changed and reported by its planner, by an official
 * above that committee, or by the centre's administrator. A peer official of the same committee reads
 * it but may not change it (403).
 */
import { canManagePath, canSeePersonalPath, type Actor } from '../../access/actor.ts';

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/** The paths of the actor's official grants that manage. */
function officialGrants(actor: Actor) {
  return actor.grants.filter((g) => g.role === 'official' && g.access === 'manage' && g.path !== null && g.unitId !== null);
}

/**
 * The committee a visit to the cell at `cellPath` is planned from: the deepest official grant over it
 * (null: the centre's administrator, without one); undefined when the actor is no official over it.
 */
export function plannedFrom(actor: Actor, cellPath: string): { unitId: number | null } | undefined {
  const over = officialGrants(actor)
    .filter((g) => within(cellPath, g.path!) && g.path !== cellPath)
    .sort((a, b) => b.path!.length - a.path!.length);
  if (over[0]) return { unitId: over[0].unitId };
  return actor.all ? { unitId: null } : undefined;
}

export type VisitAccessRow = { path: string; planned_by: number | null; official_path: string | null };

/** The actor reads the visit (and its problems). */
export const maySeeVisit = (actor: Actor, v: { path: string }) => canSeePersonalPath(actor, v.path);

/** The actor reschedules, cancels and reports the visit: its planner, an official above the committee it was planned from, the centre. */
export function mayActOnVisit(actor: Actor, v: VisitAccessRow): boolean {
  if (!maySeeVisit(actor, v)) return false;
  if (actor.all) return true;
  if (plannedFrom(actor, v.path) === undefined) return false;
  if (v.planned_by !== null && Number(v.planned_by) === actor.accountId) return true;
  if (v.official_path === null) return false; // planned by the centre: only the centre changes it
  return officialGrants(actor).some((g) => g.path !== v.official_path && within(v.official_path!, g.path!));
}

/** The actor changes a problem's status and resolution: its owner, whoever manages the cell (its secretary, officials above). */
export function mayUpdateProblem(actor: Actor, p: { path: string; owner_person_id: number | null }): boolean {
  if (!canSeePersonalPath(actor, p.path)) return false;
  if (canManagePath(actor, p.path)) return true;
  return actor.personId !== null && p.owner_person_id !== null && Number(p.owner_person_id) === actor.personId;
}

/** The actor changes a problem's owner and due day: an official over the cell, the centre. */
export const mayReassignProblem = (actor: Actor, p: { path: string }) => plannedFrom(actor, p.path) !== undefined;
