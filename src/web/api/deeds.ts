/** Laudable deeds (issue 15): a cell's deeds, recording, publishing to a subtree, the member's board. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Deed, DeedListQuery, RecordDeed } from '../../shared/schemas/deeds.ts';
import { api } from './client.ts';

type DeedPage = { items: Deed[]; nextCursor: string | null };

export const deedKeys = {
  all: ['deeds'] as const,
  cell: (cellId: number) => ['deeds', 'cell', cellId] as const,
  board: ['deeds', 'board'] as const,
};

export function useCellDeeds(cellId: number) {
  return useQuery({ queryKey: deedKeys.cell(cellId), queryFn: () => api.get<DeedPage>(`/api/v1/cells/${cellId}/deeds`, { limit: 50 }) });
}

export function useDeedsBoard(enabled = true) {
  const q: Partial<DeedListQuery> = { limit: 10 };
  return useQuery({ queryKey: deedKeys.board, enabled, queryFn: () => api.get<DeedPage>('/api/v1/me/deeds-board', q) });
}

export function useRecordDeed(cellId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordDeed) => api.post<{ id: number }>(`/api/v1/cells/${cellId}/deeds`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: deedKeys.all }),
  });
}

/** Publishes a deed to the reader's deepest committee above its cell, or withdraws it. */
export function usePublishDeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, publish }: { id: number; publish: boolean }) =>
      api.post<Deed>(`/api/v1/deeds/${id}/${publish ? 'publish' : 'unpublish'}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: deedKeys.all }),
  });
}
