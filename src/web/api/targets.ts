/** Unit targets (issue 15, task 5): a unit's targets for a year, one target's page, its reports, progress. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateTarget,
  CreatedTargetSchema,
  EditTarget,
  Indicator,
  ReportableSchema,
  ReportPageSchema,
  ReportProgress,
  TargetDetail,
  TargetSummary,
  WithdrawTarget,
} from '../../shared/schemas/targets.ts';
import { api, uploadFile } from './client.ts';

export const targetKeys = {
  all: ['targets'] as const,
  unit: (unitId: number, year: number) => ['targets', 'unit', unitId, year] as const,
  reportable: (unitId: number, year: number) => ['targets', 'reportable', unitId, year] as const,
  one: (id: number) => ['targets', 'one', id] as const,
  reports: (id: number, unitId: number | null) => ['targets', 'reports', id, unitId] as const,
  indicators: ['target-indicators'] as const,
};

export function useUnitTargets(unitId: number, year: number) {
  return useQuery({
    queryKey: targetKeys.unit(unitId, year),
    queryFn: () => api.get<{ items: TargetSummary[] }>(`/api/v1/units/${unitId}/targets`, { year: String(year) }),
  });
}

export function useReportableTargets(unitId: number, year: number) {
  return useQuery({
    queryKey: targetKeys.reportable(unitId, year),
    queryFn: () => api.get<z.infer<typeof ReportableSchema>>(`/api/v1/units/${unitId}/reportable-targets`, { year: String(year) }),
  });
}

export function useTarget(id: number) {
  return useQuery({ queryKey: targetKeys.one(id), queryFn: () => api.get<TargetDetail>(`/api/v1/targets/${id}`), retry: false });
}

export function useTargetReports(id: number, unitId: number | null) {
  return useInfiniteQuery({
    queryKey: targetKeys.reports(id, unitId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<z.infer<typeof ReportPageSchema>>(`/api/v1/targets/${id}/reports`, {
        limit: 50,
        ...(pageParam ? { cursor: pageParam } : {}),
        ...(unitId ? { unitId: String(unitId) } : {}),
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useIndicators() {
  return useQuery({
    queryKey: targetKeys.indicators,
    queryFn: () => api.get<{ items: Indicator[] }>('/api/v1/target-indicators'),
    staleTime: 60_000,
  });
}

export function useCreateTarget(unitId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTarget) => api.post<z.infer<typeof CreatedTargetSchema>>(`/api/v1/units/${unitId}/targets`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: targetKeys.all }),
  });
}

export function useReportProgress(targetId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportProgress) => api.post<{ id: number }>(`/api/v1/targets/${targetId}/progress`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: targetKeys.all }),
  });
}

export function useEditTarget(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EditTarget) => api.patch<{ id: number; splitSum: number; splitDifference: number }>(`/api/v1/targets/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: targetKeys.all }),
  });
}

export function useWithdrawTarget(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WithdrawTarget) => api.post<{ id: number }>(`/api/v1/targets/${id}/withdrawal`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: targetKeys.all }),
  });
}

/** Attaches an evidence file to a progress report once filed. */
export const uploadReportEvidence = (reportId: number, file: File) =>
  uploadFile<{ fileName: string }>(`/api/v1/target-reports/${reportId}/evidence`, file);
