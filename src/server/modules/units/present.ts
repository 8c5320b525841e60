import type { Unit, UnitSummary } from '../../../shared/schemas.ts';
import type { Sector } from '../../../shared/enums.ts';
import type { UnitSummaryRow } from './queries.ts';

export function presentUnitSummary(row: NonNullable<UnitSummaryRow>): UnitSummary {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    code: row.code,
    sector: row.sector as Sector | null,
    parentId: row.parent_id,
    depth: row.depth,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    childCount: row.child_count,
    memberCount: row.member_count,
  };
}

export type UnitDetailExtras = Omit<Unit, keyof UnitSummary>;
