/**
 * Who may do what with a laudable deed (decision 0031). A deed is read by whoever sees its cell (its
 * members too: it is praise for work done, and it is made known). It is recorded by whoever manages the
 * cell: its secretary, the officials above it, the centre. It is published (and unpublished) by a
 * committee above the cell: an account managing a committee strictly above it, the publication going to
 * that committee's subtree.
 */
import type { Actor } from '../../access/actor.ts';

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
const strictlyAbove = (root: string, path: string) => path.startsWith(`${root}.`);

/** The committee paths above the cell that the actor manages, deepest first. */
export function managedAbove(actor: Actor, cellPath: string): Array<{ unitId: number; path: string }> {
  return actor.grants
    .filter((g) => g.role !== 'member' && (g.role === 'admin' || g.access === 'manage') && g.path !== null && g.unitId !== null)
    .filter((g) => strictlyAbove(g.path!, cellPath))
    .map((g) => ({ unitId: g.unitId!, path: g.path! }))
    .sort((a, b) => b.path.length - a.path.length);
}

/** The actor publishes the cell's deeds: an official over the cell, or the centre. */
export const mayPublish = (actor: Actor, cellPath: string) => actor.all || managedAbove(actor, cellPath).length > 0;

/** The actor withdraws a publication to the committee at `publishedPath`: who manages that committee. */
export const mayUnpublish = (actor: Actor, publishedPath: string) =>
  actor.all || managedAbove(actor, `${publishedPath}.x`).some((g) => within(publishedPath, g.path));
