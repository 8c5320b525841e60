/**
 * Who may do what with an idea (decision 0032). An idea is read by whoever reads its cell (its
 * members, officers, the officials above). It is submitted by a person on the cell's roll or by the
 * cell's secretary. It is evaluated by the unit the rule names (idea_rules.evaluator_levels_up): the
 * cell itself (its secretary) or the committee n levels above it, which is to say by whoever manages
 * that unit (officials above it included). Its trial, introduction and confirmation are the cell's
 * work: whoever manages the cell.
 */
import { canManagePath, canReadPath, type Actor } from '../../access/actor.ts';

/** The path of the unit that evaluates the ideas of the cell at `cellPath`: n levels up, the centre at most. */
export function evaluatorPath(cellPath: string, levelsUp: number): string {
  const labels = cellPath.split('.');
  return labels.slice(0, Math.max(1, labels.length - levelsUp)).join('.');
}

export const maySeeIdea = (actor: Actor, i: { path: string }) => canReadPath(actor, i.path);

/** The cell's secretary by grant (a secretary grant on this very cell). */
export const isCellSecretary = (actor: Actor, cellPath: string) =>
  actor.grants.some((g) => g.role === 'secretary' && g.access === 'manage' && g.path === cellPath);

export const mayEvaluate = (actor: Actor, i: { path: string }, levelsUp: number) => canManagePath(actor, evaluatorPath(i.path, levelsUp));

export const mayCarryOut = (actor: Actor, i: { path: string }) => canManagePath(actor, i.path);
