/** Admissions (issue 13, task 7): nominations and their steps, the awaiting list, the pipeline figures. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AdmissionRules,
  AdmissionsSummary,
  CreateNomination,
  Decision,
  Nomination,
  NominationSummarySchema,
  NomineeSchema,
  Sponsorship,
  Vote,
} from '../../shared/schemas/admissions.ts';
import { api } from './client.ts';

export type NominationItem = z.infer<typeof NominationSummarySchema>;
export type Nominee = z.infer<typeof NomineeSchema>;
type NominationPage = { items: NominationItem[]; nextCursor: string | null };

export const admissionKeys = {
  all: ['admissions'] as const,
  cell: (cellId: number) => ['admissions', 'cell', cellId] as const,
  one: (id: number) => ['admissions', 'nomination', id] as const,
  awaiting: ['admissions', 'awaiting'] as const,
  summary: (unitId: number, period: string) => ['admissions', 'summary', unitId, period] as const,
  rules: ['admissions', 'rules'] as const,
  criteria: ['admissions', 'criteria'] as const,
  sponsorships: ['admissions', 'sponsorships'] as const,
  nominees: (cellId: number, q: string) => ['admissions', 'nominees', cellId, q] as const,
};

/** The admission rules in force (the centre sets them). */
export function useAdmissionRules() {
  return useQuery({ queryKey: admissionKeys.rules, queryFn: () => api.get<AdmissionRules>('/api/v1/admission-rules') });
}

/** The criteria checklist: the centre's, or with a unit those that apply there (the centre's and the committees' above it). */
export function useAdmissionCriteria(unitId?: number) {
  return useQuery({
    queryKey: [...admissionKeys.criteria, unitId ?? null],
    queryFn: async () =>
      (await api.get<{ items: Array<{ id: number; title: string; unitId: number | null }> }>('/api/v1/admission-criteria', { unitId }))
        .items,
  });
}

export function useSetAdmissionRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rules: AdmissionRules) => api.put<AdmissionRules>('/api/v1/admission-rules', rules),
    onSuccess: (rules) => qc.setQueryData(admissionKeys.rules, rules),
  });
}

/** Adds a criterion: to the centre's checklist, or (with a committee) for its subtree. */
export function useAddCriterion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { title: string; unitId?: number }) => api.post('/api/v1/admission-criteria', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: admissionKeys.criteria }),
  });
}

/** A step moves the nomination, the lists, the roll (an approval) and the figures. */
const refresh = (qc: QueryClient) =>
  Promise.all(['admissions', 'units', 'compliance'].map((root) => qc.invalidateQueries({ queryKey: [root] })));

/** The cell's nominations, newest first, a page at a time. */
export function useCellNominations(cellId: number) {
  return useInfiniteQuery({
    queryKey: admissionKeys.cell(cellId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api.get<NominationPage>(`/api/v1/cells/${cellId}/nominations`, { limit: 50, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useNomination(id: number | null) {
  return useQuery({
    queryKey: admissionKeys.one(id ?? 0),
    queryFn: () => api.get<Nomination>(`/api/v1/nominations/${id}`),
    enabled: id !== null,
  });
}

/** Nominations awaiting the decision of a committee the reader manages, oldest vote first, a page at a time. */
export function useAwaitingNominations(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: admissionKeys.awaiting,
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api.get<NominationPage>('/api/v1/nominations/awaiting', { limit: 20, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The open nominations the signed-in member sponsors. */
export function useMySponsorships(enabled: boolean) {
  return useQuery({
    queryKey: admissionKeys.sponsorships,
    enabled,
    queryFn: async () => (await api.get<{ items: Sponsorship[] }>('/api/v1/me/sponsorships')).items,
  });
}

/** People on no roll the reader may nominate to the cell, by name. */
export function useNominees(cellId: number, q: string, enabled: boolean) {
  const term = q.trim();
  return useQuery({
    queryKey: admissionKeys.nominees(cellId, term),
    enabled,
    queryFn: async () => (await api.get<{ items: Nominee[] }>(`/api/v1/cells/${cellId}/nominees`, { q: term || undefined })).items,
    placeholderData: keepPreviousData,
  });
}

export function useAdmissionsSummary(unitId: number, period: string) {
  return useQuery({
    queryKey: admissionKeys.summary(unitId, period),
    queryFn: () => api.get<AdmissionsSummary>(`/api/v1/units/${unitId}/admissions/summary`, { period }),
  });
}

function useStep<B>(path: (id: number) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: B & { id: number }) => api.post<unknown>(path(id), body),
    onSuccess: () => refresh(qc),
  });
}

export function useNominate(cellId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CreateNomination>) => api.post<{ id: number; status: string }>(`/api/v1/cells/${cellId}/nominations`, body),
    onSuccess: () => refresh(qc),
  });
}
export const useRecommend = () => useStep<{ sponsorId: number; text: string }>((id) => `/api/v1/nominations/${id}/recommendations`);
export const useCheckCriterion = () =>
  useStep<{ criterionId: number; note?: string; checkedOn?: string }>((id) => `/api/v1/nominations/${id}/checks`);
export const useAddTask = () => useStep<{ title: string; dueOn: string }>((id) => `/api/v1/nominations/${id}/tasks`);
export const useVote = () => useStep<Vote>((id) => `/api/v1/nominations/${id}/vote`);
export const useDecide = () => useStep<Decision>((id) => `/api/v1/nominations/${id}/decision`);
export const useWithdraw = () => useStep<{ reason?: string }>((id) => `/api/v1/nominations/${id}/withdraw`);

/** Marking a task done posts to the task's own address. */
export function useTaskDone() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, taskId }: { id: number; taskId: number }) => api.post<unknown>(`/api/v1/nominations/${id}/tasks/${taskId}/done`, {}),
    onSuccess: () => refresh(qc),
  });
}
