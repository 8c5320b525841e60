/**
 * Who sees and who handles a directive. A directive exists for the actor when they manage its issuing
 * committee (drafts included), or, once published: when its issuing committee or one of its targets
 * meets the subtrees whose people the actor may see (an official reads the reach of their part of the
 * tree), or when it was delivered to the actor themself. Anything else is 404.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/database.ts';
import type { DirectivesTable } from '../db/types.ts';
import type { Selectable } from 'kysely';
import { notFound } from '../errors.ts';
import type { Actor } from './actor.ts';
import { canManagePath } from './actor.ts';
import { pathInScope, scopeRoots } from './scope.ts';

declare const directiveBrand: unique symbol;
declare const briefingCellBrand: unique symbol;

export type DirectiveNeed = 'read' | 'manage';
/** A directive the actor may see (or, with 'manage', edit, publish and withdraw), with its issuing unit's path. */
export type ScopedDirective<N extends DirectiveNeed = DirectiveNeed> = Selectable<DirectivesTable> & {
  issuing_path: string;
  issuing_name: string;
  readonly [directiveBrand]: N;
};

/** The SQL condition "directive `d` exists for the actor" over a `directives` row aliased `d` and its issuing unit `iu`. */
export function directiveVisible(actor: Actor): Expression<SqlBool> {
  if (actor.all) return sql<SqlBool>`true`;
  const manage = pathInScope(actor, 'iu.path', 'manage');
  const roots = scopeRoots(actor, 'personal');
  const rootList = roots === 'all' ? [] : roots;
  const overlap =
    rootList.length === 0
      ? sql<SqlBool>`false`
      : sql<SqlBool>`(iu.path <@ any(${rootList}::ltree[]) or exists (select 1 from units t where t.id = any(d.target_unit_ids)
          and (t.path <@ any(${rootList}::ltree[]) or t.path @> any(${rootList}::ltree[]))))`;
  const delivered =
    actor.personId === null
      ? sql<SqlBool>`false`
      : sql<SqlBool>`exists (select 1 from directive_deliveries own where own.directive_id = d.id and own.person_id = ${actor.personId})`;
  return sql<SqlBool>`(${manage} or (d.status <> 'draft' and (${overlap} or ${delivered})))`;
}

/** Loads a directive the actor may see (or manage), or throws `directive.notFound` (404). */
export async function requireDirective<N extends DirectiveNeed = 'read'>(
  db: Db,
  actor: Actor,
  id: number,
  need?: N,
): Promise<ScopedDirective<N>> {
  const row = await db
    .selectFrom('directives as d')
    .innerJoin('units as iu', 'iu.id', 'd.issuing_unit_id')
    .selectAll('d')
    .select([sql<string>`iu.path::text`.as('issuing_path'), 'iu.name as issuing_name'])
    .where('d.id', '=', id)
    .where(directiveVisible(actor))
    .executeTakeFirst();
  if (!row) throw notFound('directive.notFound');
  if (need === 'manage' && !mayManageDirective(actor, row)) throw notFound('directive.notFound');
  return row as unknown as ScopedDirective<N>;
}

/** Officials issue, edit, publish and withdraw for the committees they manage; administrators anywhere. */
export function mayManageDirective(actor: Actor, d: { issuing_path: string }): boolean {
  return actor.all || (issuesDirectives(actor) && canManagePath(actor, d.issuing_path));
}

/** The actor holds a grant that issues directives: an official managing a subtree, or an administrator. */
export function issuesDirectives(actor: Actor): boolean {
  return actor.all || actor.grants.some((g) => g.role === 'official' && g.access === 'manage');
}

/** Subtree roots an actor issues to: the subtrees their managing official grants cover ('all' for administrators). */
export function issuingRoots(actor: Actor): string[] | 'all' {
  if (actor.all) return 'all';
  return actor.grants.filter((g) => g.role === 'official' && g.access === 'manage' && g.path).map((g) => g.path as string);
}

/** A cell whose roll the actor records briefings for: they are its secretary or deputy secretary now. */
export type BriefingCell = { id: number; path: string; readonly [briefingCellBrand]: true };

/** The cell the actor is secretary or deputy of, or 404 `directive.notFound` (nobody else records briefings). */
export async function requireBriefingCell(db: Db, actor: Actor): Promise<BriefingCell> {
  if (actor.personId === null) throw notFound('directive.notFound');
  const row = await db
    .selectFrom('memberships as m')
    .innerJoin('units as u', 'u.id', 'm.cell_id')
    .select(['u.id', sql<string>`u.path::text`.as('path')])
    .where('m.person_id', '=', actor.personId)
    .where('m.to_date', 'is', null)
    .where('m.role', 'in', ['secretary', 'deputy_secretary'])
    .where(pathInScope(actor, 'u.path', 'personal'))
    .executeTakeFirst();
  if (!row) throw notFound('directive.notFound');
  return row as BriefingCell;
}
