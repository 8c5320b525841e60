/** Ideas and inventions (issue 15): submitted, evaluated, tried, introduced, confirmed; figures per unit. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  EditIdea,
  EvaluateIdea,
  Idea,
  IdeaRules,
  IdeaSummary,
  IdeasSummaryResult,
  IntroduceIdea,
  SubmitIdea,
} from '../../shared/schemas/ideas.ts';
import { api } from './client.ts';

type Page<T> = { items: T[]; nextCursor: string | null };

export const ideaKeys = {
  all: ['ideas'] as const,
  one: (id: number) => ['ideas', 'one', id] as const,
  cell: (cellId: number, status: string) => ['ideas', 'cell', cellId, status] as const,
  awaiting: (unitId: number) => ['ideas', 'awaiting', unitId] as const,
  summary: (unitId: number, year: number) => ['ideas', 'summary', unitId, year] as const,
};

const refresh = (qc: QueryClient) => qc.invalidateQueries({ queryKey: ideaKeys.all });

export function useIdea(id: number) {
  return useQuery({ queryKey: ideaKeys.one(id), queryFn: () => api.get<Idea>(`/api/v1/ideas/${id}`), retry: false });
}

/** A cell's ideas, newest first, 100 a page; `fetchNextPage` for the next ones. */
export function useCellIdeas(cellId: number, status: string) {
  return useInfiniteQuery({
    queryKey: ideaKeys.cell(cellId, status),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<Page<IdeaSummary>>(`/api/v1/cells/${cellId}/ideas`, {
        ...(status === 'all' ? {} : { status }),
        limit: 100,
        cursor: pageParam,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: false,
  });
}

export function useAwaitingIdeas(unitId: number) {
  return useQuery({
    queryKey: ideaKeys.awaiting(unitId),
    queryFn: () => api.get<Page<IdeaSummary>>(`/api/v1/units/${unitId}/ideas/awaiting`, { limit: 100 }),
    retry: false,
  });
}

export function useIdeasSummary(unitId: number, year: number) {
  return useQuery({
    queryKey: ideaKeys.summary(unitId, year),
    queryFn: () => api.get<IdeasSummaryResult>(`/api/v1/units/${unitId}/ideas/summary`, { year }),
    placeholderData: keepPreviousData,
  });
}

export function useSubmitIdea(cellId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitIdea) => api.post<{ id: number; status: string }>(`/api/v1/cells/${cellId}/ideas`, body),
    onSuccess: () => refresh(qc),
  });
}

/** One step of an idea: evaluation, trial, introduction, confirmation. */
export function useIdeaStep<B>(id: number, step: 'evaluation' | 'trial' | 'introduction' | 'confirmation') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<{ id: number; status: string }>(`/api/v1/ideas/${id}/${step}`, body ?? {}),
    onSuccess: () => refresh(qc),
  });
}
export type { EvaluateIdea, IntroduceIdea };

/** An author changes an idea awaiting evaluation. */
export function useEditIdea(id: number) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: EditIdea) => api.patch<Idea>(`/api/v1/ideas/${id}`, body), onSuccess: () => refresh(qc) });
}

/** An author withdraws an idea awaiting evaluation. */
export function useWithdrawIdea(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ id: number; status: string }>(`/api/v1/ideas/${id}/withdrawal`, {}),
    onSuccess: () => refresh(qc),
  });
}

export function useIdeaRules() {
  return useQuery({ queryKey: ['ideas', 'rules'], queryFn: () => api.get<IdeaRules>('/api/v1/idea-rules') });
}

export function useSetIdeaRules() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: IdeaRules) => api.put<IdeaRules>('/api/v1/idea-rules', body), onSuccess: () => refresh(qc) });
}
