/**
 * Writes to the rulebook and the meeting kinds (central administrators). A rulebook change from this
 * month recomputes the month's figures, and a quorum change shows on every meeting of the kind, so the
 * figures and meetings are refreshed too. The list is refreshed after a failure as well: the usual cause
 * is another administrator's change meanwhile.
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { healthKeys } from '../../api/health-queries.ts';
import type { MeetingKind, MeetingKindBody, MeetingKindMove } from '../../api/health-types.ts';
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
    mutationFn: (body: MeetingKindBody) => api.post<MeetingKindBody>('/api/v1/meeting-kinds', body),
    onSettled: () => refresh(qc, ['meeting-kinds', 'meetings']),
  });
}

const kindPath = (code: string, action: string) => `/api/v1/meeting-kinds/${encodeURIComponent(code)}/${action}`;

/** Moves a kind one place; the answer is the new order, shown at once. */
export function useMoveMeetingKind() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, direction }: { code: string; direction: MeetingKindMove }) =>
      api.post<{ items: MeetingKind[] }>(kindPath(code, 'move'), { direction }),
    onSuccess: ({ items }) => qc.setQueryData(healthKeys.meetingKinds, items),
    onSettled: () => refresh(qc, ['meeting-kinds']),
  });
}

/** Retires a kind (`retire: true`) or restores it. */
export function useRetireMeetingKind() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, retire }: { code: string; retire: boolean }) => api.post<MeetingKind>(kindPath(code, retire ? 'retire' : 'restore')),
    onSettled: () => refresh(qc, ['meeting-kinds']),
  });
}
