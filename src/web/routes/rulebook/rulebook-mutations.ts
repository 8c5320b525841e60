/**
 * Writes to the rulebook and the meeting kinds (central administrators). A rulebook change from this
 * month recomputes the month's figures, and a quorum change shows on every meeting of the kind, so the
 * figures and meetings are refreshed too. The list is refreshed after a failure as well: the usual cause
 * is another administrator's change meanwhile.
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { MeetingKind } from '../../api/health-types.ts';
import type { StandardBody } from './standard-form.ts';

const refresh = (qc: QueryClient, roots: string[]) => Promise.all(roots.map((root) => qc.invalidateQueries({ queryKey: [root] })));

export function useSaveStandard() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StandardBody) => api.post<{ id: number | null }>('/api/v1/standards', body),
    onSettled: () => refresh(qc, ['standards', 'compliance', 'reports']),
  });
}

export function useSaveMeetingKind() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingKind) => api.post<MeetingKind>('/api/v1/meeting-kinds', body),
    onSettled: () => refresh(qc, ['meeting-kinds', 'meetings']),
  });
}
