/** Requests for help (issue 13): the member's own, the cell's list and answers, the committees' counts. */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  AnswerHelpRequest,
  AskForHelp,
  CellHelpRequests,
  EditHelpRequest,
  HelpRequest,
  HelpRequestList,
  HelpSummary,
} from '../../shared/schemas/help-requests.ts';
import { api } from './client.ts';

export const helpKeys = {
  all: ['help-requests'] as const,
  mine: ['help-requests', 'mine'] as const,
  cell: (cellId: number) => ['help-requests', 'cell', cellId] as const,
  summary: (unitId: number, period: string) => ['help-requests', 'summary', unitId, period] as const,
};

const refresh = (qc: QueryClient) => qc.invalidateQueries({ queryKey: helpKeys.all });

export function useMyHelpRequests(enabled = true) {
  return useQuery({ queryKey: helpKeys.mine, queryFn: () => api.get<HelpRequestList>('/api/v1/me/help-requests'), enabled });
}

export function useCellHelpRequests(cellId: number) {
  return useQuery({
    queryKey: helpKeys.cell(cellId),
    queryFn: () => api.get<CellHelpRequests>(`/api/v1/cells/${cellId}/help-requests`),
    retry: false,
  });
}

export function useHelpSummary(unitId: number, period: string) {
  return useQuery({
    queryKey: helpKeys.summary(unitId, period),
    queryFn: () => api.get<HelpSummary>(`/api/v1/units/${unitId}/help-requests/summary`, { period }),
    placeholderData: keepPreviousData,
  });
}

export function useAskForHelp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AskForHelp) => api.post<HelpRequest>('/api/v1/me/help-requests', body),
    onSuccess: () => refresh(qc),
  });
}

export function useEditHelpRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: EditHelpRequest & { id: number }) => api.patch<HelpRequest>(`/api/v1/help-requests/${id}`, body),
    onSuccess: () => refresh(qc),
  });
}

export type OwnMove = 'withdraw' | 'confirm' | 'reopen';

export function useMoveHelpRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, move }: { id: number; move: OwnMove }) => api.post<HelpRequest>(`/api/v1/help-requests/${id}/${move}`),
    onSuccess: () => refresh(qc),
  });
}

export function useAnswerHelpRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: AnswerHelpRequest & { id: number }) => api.post<HelpRequest>(`/api/v1/help-requests/${id}/answer`, body),
    onSuccess: () => refresh(qc),
  });
}
