/** Officials' planned visits (issue 14): plans, reports, problems tracked to a solution, coverage. */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  CorrectReport,
  Coverage,
  FileReport,
  PlanVisit,
  Problem,
  ProblemPage,
  RescheduleVisit,
  UpdateProblem,
  Visit,
  VisitPage,
} from '../../shared/schemas/visits.ts';
import { api } from './client.ts';

export const visitKeys = {
  all: ['visits'] as const,
  one: (id: number) => ['visits', 'one', id] as const,
  mine: (status: string) => ['visits', 'mine', status] as const,
  unit: (unitId: number) => ['visits', 'unit', unitId] as const,
  problems: (unitId: number, filter: string) => ['visits', 'problems', unitId, filter] as const,
  coverage: (unitId: number, period: string, months: string) => ['visits', 'coverage', unitId, period, months] as const,
};

const refresh = (qc: QueryClient) => qc.invalidateQueries({ queryKey: visitKeys.all });

export function useVisit(id: number) {
  return useQuery({ queryKey: visitKeys.one(id), queryFn: () => api.get<Visit>(`/api/v1/visits/${id}`), retry: false });
}

export function useMyVisits(status: string) {
  return useQuery({
    queryKey: visitKeys.mine(status),
    queryFn: () => api.get<VisitPage>('/api/v1/me/visits', status === 'all' ? { limit: 100 } : { status, limit: 100 }),
  });
}

export function useUnitVisits(unitId: number) {
  return useQuery({
    queryKey: visitKeys.unit(unitId),
    queryFn: () => api.get<VisitPage>(`/api/v1/units/${unitId}/visits`, { limit: 50 }),
    retry: false,
  });
}

export function useProblems(unitId: number, filter: 'open' | 'overdue' | 'all') {
  return useQuery({
    queryKey: visitKeys.problems(unitId, filter),
    queryFn: () => api.get<ProblemPage>(`/api/v1/units/${unitId}/visit-problems`, { filter, limit: 100 }),
    retry: false,
  });
}

export function useCoverage(unitId: number, period: string, months: string) {
  return useQuery({
    queryKey: visitKeys.coverage(unitId, period, months),
    queryFn: () => api.get<Coverage>(`/api/v1/units/${unitId}/visits/coverage`, { period, months }),
    placeholderData: keepPreviousData,
  });
}

export function usePlanVisit() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: PlanVisit) => api.post<{ id: number }>('/api/v1/visits', body), onSuccess: () => refresh(qc) });
}

export function useRescheduleVisit(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RescheduleVisit) => api.patch<{ id: number }>(`/api/v1/visits/${id}`, body),
    onSuccess: () => refresh(qc),
  });
}

export function useCancelVisit(id: number) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => api.post<{ id: number }>(`/api/v1/visits/${id}/cancel`), onSuccess: () => refresh(qc) });
}

export function useFileReport(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FileReport) => api.post<{ id: number }>(`/api/v1/visits/${id}/report`, body),
    onSuccess: () => refresh(qc),
  });
}

export function useUpdateProblem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateProblem & { id: number }) => api.patch<Problem>(`/api/v1/visit-problems/${id}`, body),
    onSuccess: () => refresh(qc),
  });
}

export function useCorrectReport(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CorrectReport) => api.patch<{ id: number; problemIds: number[] }>(`/api/v1/visits/${id}/report`, body),
    onSuccess: () => refresh(qc),
  });
}
