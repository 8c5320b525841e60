/** The audit trail's pages, newest first, for the page's filters. */
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPage } from '../../../shared/schemas/audit.ts';
import { api } from '../../api/client.ts';

export type AuditFilterValues = {
  unitId: number | null;
  personId: number | null;
  actorId: number | null;
  entity: string | null;
  action: string | null;
  from: string;
  to: string;
};

export const AUDIT_PAGE_SIZE = 50;

export function useAuditTrail(f: AuditFilterValues, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['audit', f],
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<AuditPage>('/api/v1/audit', {
        limit: AUDIT_PAGE_SIZE,
        cursor: pageParam,
        unitId: f.unitId,
        personId: f.personId,
        actorId: f.actorId,
        entity: f.entity,
        action: f.action,
        from: f.from,
        to: f.to,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    // Every read is audited: no refetch on focus, a page is read when asked for.
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}
