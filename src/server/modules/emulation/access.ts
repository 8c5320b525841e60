/**
 * Who runs and who reads a campaign (decision 0033). A campaign is run by an official managing a
 * committee, over units strictly under it; it is read by whoever reads its committee (its officials
 * and those above) and by each participant's own people (a cell's members and secretary, a
 * participating committee's officials). Anyone else gets 404.
 */
import { canManagePath, canReadPath, type Actor } from '../../access/actor.ts';

const within = (path: string, root: string) => path.startsWith(`${root}.`);

/**
 * The committee a campaign over units at `paths` is run from: the deepest official grant that manages
 * every one of them (strictly above); null for the centre's administrator without one (the units'
 * nearest common committee is then used); undefined when the actor may not run it.
 */
export function organiserGrant(actor: Actor, paths: string[]): { unitId: number } | null | undefined {
  const over = actor.grants
    .filter((g) => g.role === 'official' && g.access === 'manage' && g.path !== null && g.unitId !== null)
    .filter((g) => paths.every((p) => within(p, g.path!)))
    .sort((a, b) => b.path!.length - a.path!.length);
  if (over[0]) return { unitId: over[0].unitId! };
  return actor.all ? null : undefined;
}

/** The actor runs campaigns at all: an official with a manage grant, or the centre. */
export const mayRunCampaigns = (actor: Actor) =>
  actor.all || actor.grants.some((g) => g.role === 'official' && g.access === 'manage' && g.path !== null);

/** The nearest committee above all of `paths` (their common ancestor, parents taken). */
export function commonAncestor(paths: string[]): string {
  const parts = paths.map((p) => p.split('.').slice(0, -1));
  const first = parts[0] ?? [];
  let n = first.length;
  for (const p of parts) {
    let i = 0;
    while (i < n && i < p.length && p[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join('.');
}

/** The actor reads the campaign: its committee is in their view, or a participant is their own. */
export const maySeeCampaign = (actor: Actor, organiserPath: string, participantPaths: string[]) =>
  canReadPath(actor, organiserPath) || participantPaths.some((p) => canReadPath(actor, p));

/** The participants whose standing is the reader's own: those in their view. */
export const ownParticipants = <T extends { path: string }>(actor: Actor, units: T[]) => units.filter((u) => canReadPath(actor, u.path));

export const mayManageCampaign = (actor: Actor, organiserPath: string) => canManagePath(actor, organiserPath);
