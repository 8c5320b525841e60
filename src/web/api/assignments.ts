/** Assignments (issue 12): the member's home in one request, progress reports, the cell's board, evaluations, participation. */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  Assignment,
  AssignmentStatus,
  Board,
  Evaluate,
  GiveAssignment,
  MyAssignments,
  Participation,
  ReportProgress,
} from '../../shared/schemas/assignments.ts';
import type { MyHome } from '../../shared/schemas/home.ts';
import { api } from './client.ts';

export const assignmentKeys = {
  home: ['me-home'] as const,
  all: ['assignments'] as const,
  board: (cellId: number, status?: AssignmentStatus) => ['assignments', 'board', cellId, status ?? 'all'] as const,
  participation: (unitId: number, period: string) => ['compliance', 'participation', unitId, period] as const,
};

/** Anything about an assignment moves the home, the boards and the cells' figures. */
const refresh = (qc: QueryClient) =>
  Promise.all(['me-home', 'assignments', 'compliance'].map((root) => qc.invalidateQueries({ queryKey: [root] })));

/** Every assignment given the member, finished ones included (their self-assessment shows them). */
export function useMyAssignments(enabled = true) {
  return useQuery({ queryKey: [...assignmentKeys.all, 'mine'], queryFn: () => api.get<MyAssignments>('/api/v1/me/assignments'), enabled });
}

/** The member's home page data in one request. */
export function useMyHome(enabled = true) {
  return useQuery({ queryKey: assignmentKeys.home, queryFn: () => api.get<MyHome>('/api/v1/me/home'), enabled });
}

export function useReportProgress() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ReportProgress & { id: number }) => api.post<Assignment>(`/api/v1/assignments/${id}/report`, body),
    onSuccess: () => refresh(qc),
  });
}

export function useBoard(cellId: number, status?: AssignmentStatus) {
  return useQuery({
    queryKey: assignmentKeys.board(cellId, status),
    queryFn: () => api.get<Board>(`/api/v1/cells/${cellId}/assignments`, { status, limit: 200 }),
    placeholderData: keepPreviousData,
  });
}

export function useGiveAssignments(cellId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: GiveAssignment) => api.post<{ items: Assignment[] }>(`/api/v1/cells/${cellId}/assignments`, body),
    onSuccess: () => refresh(qc),
  });
}

export function useEvaluate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Evaluate & { id: number }) => api.post<Assignment>(`/api/v1/assignments/${id}/evaluation`, body),
    onSuccess: () => refresh(qc),
  });
}

export function useCancelAssignment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<Assignment>(`/api/v1/assignments/${id}/cancel`),
    onSuccess: () => refresh(qc),
  });
}

export function useParticipation(unitId: number, period: string) {
  return useQuery({
    queryKey: assignmentKeys.participation(unitId, period),
    queryFn: () => api.get<Participation>(`/api/v1/units/${unitId}/participation`, { period }),
  });
}
