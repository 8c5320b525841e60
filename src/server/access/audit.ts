/**
 * Who may read the audit trail, and of which subtrees. The trail is oversight of those who change
 * things, so it is read from above: administrators read all of it, officials the subtrees of their
 * official grants (read or manage). A secretary is not an official of their cell: their own changes
 * are what the committee above oversees, and a member sees none of it. For them the trail does not
 * exist (404), as for any other object out of scope.
 */
import { minimalRoots, type Actor } from './actor.ts';

export type AuditScope = { all: true } | { all: false; roots: string[] };

/** Undefined when the actor may not read the audit trail at all. */
export function auditScope(actor: Actor): AuditScope | undefined {
  if (actor.all) return { all: true };
  const roots = minimalRoots(actor.grants.filter((g) => g.role === 'official' && g.path !== null).map((g) => g.path as string));
  return roots.length ? { all: false, roots } : undefined;
}

/** The unit's subtree lies inside the scope. */
export function auditCovers(scope: AuditScope, path: string): boolean {
  return scope.all || scope.roots.some((r) => path === r || path.startsWith(`${r}.`));
}
