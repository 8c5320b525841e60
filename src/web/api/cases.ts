/** Integrity cases (issue 14): reports, the handlers' and the subject's case page, the rules and the anonymous counts. */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Case,
  CaseEvidence,
  CaseListSchema,
  CaseReadListSchema,
  CaseRules,
  CaseStats,
  CaseSubjectListSchema,
  CaseTimelineSchema,
  DecideCase,
  MyReportListSchema,
  ReportCase,
} from '../../shared/schemas/cases.ts';
import { api, uploadFile } from './client.ts';

export const caseKeys = {
  all: ['cases'] as const,
  list: ['cases', 'list'] as const,
  mine: ['cases', 'mine'] as const,
  subjects: ['cases', 'subjects'] as const,
  one: (id: number) => ['cases', 'one', id] as const,
  timeline: (id: number) => ['cases', 'timeline', id] as const,
  reads: (id: number) => ['cases', 'reads', id] as const,
  rules: ['case-rules'] as const,
  stats: (unitId: number, period: string) => ['case-stats', unitId, period] as const,
};

const refresh = (qc: QueryClient) => qc.invalidateQueries({ queryKey: caseKeys.all });

export const useCaseList = () =>
  useQuery({ queryKey: caseKeys.list, queryFn: () => api.get<z.infer<typeof CaseListSchema>>('/api/v1/cases') });
export const useMyReports = () =>
  useQuery({ queryKey: caseKeys.mine, queryFn: () => api.get<z.infer<typeof MyReportListSchema>>('/api/v1/me/case-reports') });
export const useCaseSubjects = (enabled: boolean) =>
  useQuery({
    queryKey: caseKeys.subjects,
    queryFn: () => api.get<z.infer<typeof CaseSubjectListSchema>>('/api/v1/cases/subjects'),
    enabled,
  });
export const useCase = (id: number) =>
  useQuery({ queryKey: caseKeys.one(id), queryFn: () => api.get<Case>(`/api/v1/cases/${id}`), retry: false });
export const useCaseTimeline = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: caseKeys.timeline(id),
    queryFn: () => api.get<z.infer<typeof CaseTimelineSchema>>(`/api/v1/cases/${id}/timeline`),
    enabled,
  });
/** Loaded only when a handler opens the list: reading who read is itself a read. */
export const useCaseReads = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: caseKeys.reads(id),
    queryFn: () => api.get<z.infer<typeof CaseReadListSchema>>(`/api/v1/cases/${id}/reads`),
    enabled,
  });
export const useCaseRules = () => useQuery({ queryKey: caseKeys.rules, queryFn: () => api.get<CaseRules>('/api/v1/case-rules') });
export const useCaseStats = (unitId: number, period: string) =>
  useQuery({
    queryKey: caseKeys.stats(unitId, period),
    queryFn: () => api.get<CaseStats>(`/api/v1/units/${unitId}/case-stats`, { period }),
    placeholderData: keepPreviousData,
  });

export const evidenceHref = (id: number, evidenceId: number) => `/api/v1/cases/${id}/evidence/${evidenceId}`;

export function useReportCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportCase) => api.post<{ id: number }>('/api/v1/cases', body),
    onSuccess: () => refresh(qc),
  });
}

/** One step of due process on a case: triage, notify-subject, responses, decision, appeal. */
export function useCaseStep(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { step: 'triage' | 'notify-subject' | 'responses' | 'decision' | 'appeal'; body: unknown }) =>
      api.post<unknown>(`/api/v1/cases/${id}/${v.step}`, v.body),
    onSuccess: () => refresh(qc),
  });
}

export function useAddEvidence(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<CaseEvidence>(`/api/v1/cases/${id}/evidence`, file),
    onSuccess: () => refresh(qc),
  });
}

export function useSetCaseRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rules: CaseRules) => api.put<CaseRules>('/api/v1/case-rules', rules),
    onSuccess: () => qc.invalidateQueries({ queryKey: caseKeys.rules }),
  });
}

export type { DecideCase };
