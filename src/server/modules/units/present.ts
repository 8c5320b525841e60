import type { Actor } from '../../access/actor.ts';
import { parentInView } from '../../access/scope.ts';
import type { UnitSummary } from '../../../shared/schemas/units.ts';
import type { Sector } from '../../../shared/enums.ts';
import type { UnitSummaryRow } from './queries.ts';

/** A unit as the actor sees it: its parent only when that lies in the actor's scope too. */
export function presentUnitSummary(actor: Actor, row: NonNullable<UnitSummaryRow>): UnitSummary {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    code: row.code,
    sector: row.sector as Sector | null,
    parentId: parentInView(actor, row),
    depth: row.depth,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    childCount: row.child_count,
    memberCount: row.member_count,
  };
}
