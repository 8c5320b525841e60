/** Compliance: the rulebook's standards, the figures of cells meeting them, the committee and cell dashboards. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Compliance,
  ComplianceGrid,
  ComplianceRow,
  SaveStandardSchema,
  SectorBreakdown,
  Standard,
  Trend,
  WorstCells,
} from '../../shared/schemas/compliance.ts';
import type { CellDashboard } from '../../shared/schemas/meetings.ts';
import { api, type Page } from './client.ts';

/** Every key starts with `standards` or `compliance`, so a write can refresh everything it may have changed. */
const complianceKeys = {
  standards: ['standards'] as const,
  compliance: (unitId: number, period: string, part: string) => ['compliance', unitId, period, part] as const,
  rows: (url: string, meets: string) => ['compliance', 'rows', url, meets] as const,
  cellDashboard: (cellId: number, period: string) => ['compliance', 'cell-dashboard', cellId, period] as const,
};

export function useStandards() {
  return useQuery({
    queryKey: complianceKeys.standards,
    staleTime: 10 * 60_000,
    queryFn: async () => (await api.get<{ items: Standard[] }>('/api/v1/standards')).items,
  });
}

export function useCompliance(unitId: number, period: string) {
  return useQuery({
    queryKey: complianceKeys.compliance(unitId, period, 'summary'),
    placeholderData: keepPreviousData,
    queryFn: () => api.get<Compliance>(`/api/v1/units/${unitId}/compliance`, { period }),
  });
}

export function useTrend(unitId: number, period: string) {
  return useQuery({
    queryKey: complianceKeys.compliance(unitId, period, 'trend'),
    placeholderData: keepPreviousData,
    queryFn: () => api.get<Trend>(`/api/v1/units/${unitId}/compliance/trend`, { period, months: 12 }),
  });
}

export function useGrid(unitId: number, period: string) {
  return useQuery({
    queryKey: complianceKeys.compliance(unitId, period, 'grid'),
    placeholderData: keepPreviousData,
    queryFn: () => api.get<ComplianceGrid>(`/api/v1/units/${unitId}/compliance/grid`, { period }),
  });
}

export function useWorstCells(unitId: number, period: string) {
  return useQuery({
    queryKey: complianceKeys.compliance(unitId, period, 'worst'),
    placeholderData: keepPreviousData,
    queryFn: () => api.get<WorstCells>(`/api/v1/units/${unitId}/compliance/worst`, { period, limit: 10 }),
  });
}

export function useSectors(unitId: number, period: string, enabled: boolean) {
  return useQuery({
    queryKey: complianceKeys.compliance(unitId, period, 'sectors'),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () => api.get<SectorBreakdown>(`/api/v1/units/${unitId}/compliance/sectors`, { period }),
  });
}

/** The cells behind a figure: `rowsUrl` comes from the API and already carries period and standard. */
export function useComplianceRows(rowsUrl: string, meets: 'true' | 'false' | '') {
  return useInfiniteQuery({
    queryKey: complianceKeys.rows(rowsUrl, meets),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const [path, qs] = rowsUrl.split('?');
      const params = Object.fromEntries(new URLSearchParams(qs ?? ''));
      return api.get<Page<ComplianceRow>>(path!, { ...params, meets, limit: 100, cursor: pageParam });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCellDashboard(cellId: number, period: string) {
  return useQuery({
    queryKey: complianceKeys.cellDashboard(cellId, period),
    placeholderData: keepPreviousData,
    queryFn: () => api.get<CellDashboard>(`/api/v1/cells/${cellId}/dashboard`, { period }),
  });
}

/**
 * Saves a standard's new version (central administrators). A change from this month recomputes the
 * month's figures, so figures and reports are refreshed too; the list is refreshed after a failure as
 * well: the usual cause is another administrator's change meanwhile.
 */
export function useSaveStandard() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof SaveStandardSchema>) => api.post<{ id: number | null }>('/api/v1/standards', body),
    onSettled: () => Promise.all(['standards', 'compliance', 'reports'].map((root) => qc.invalidateQueries({ queryKey: [root] }))),
  });
}
