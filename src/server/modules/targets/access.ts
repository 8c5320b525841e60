/**
 * Who may do what with targets (decision 0030). A target is set by an official with a manage grant on
 * its unit or a committee above it (or the centre's administrator). It is read by whoever reads its
 * unit, and by those it applies to (their cell or committee lies under it), who see the parts and
 * reports of their own subtree only. Progress is reported for a unit under the target by whoever
 * manages that unit: the cell's secretary, an official over it, the centre.
 */
import { canReadPath, type Actor } from '../../access/actor.ts';

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/** The actor sets targets for the unit at `path`: an official managing it or a committee above it, or the centre. */
export function maySetTargets(actor: Actor, path: string): boolean {
  if (actor.all) return true;
  return actor.grants.some((g) => g.role === 'official' && g.access === 'manage' && g.path !== null && within(path, g.path));
}

/** The actor sees the target set for the unit at `path`: they read that unit, or it lies above something they read. */
export function maySeeTarget(actor: Actor, path: string): boolean {
  return canReadPath(actor, path) || actor.readPaths.some((r) => within(r, path));
}
