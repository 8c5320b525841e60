/**
 * Meetings: kinds of meeting, a cell's meetings, attendance, decisions and actions, follow-ups, calendar
 * feeds. A meeting write answers with the whole meeting, which replaces the cached one.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CalendarFeed } from '../../shared/schemas/calendar.ts';
import type { MyMeetings } from '../../shared/schemas/home.ts';
import type {
  CellDecisionList,
  CreateDecisionSchema,
  CreateMeeting,
  Meeting,
  MeetingKind,
  MeetingKindMove,
  MeetingSummary,
  MyActions,
  NotHeldSchema,
  ResolveFollowUpSchema,
  SaveAttendanceSchema,
  SaveMeetingKindSchema,
  UpdateActionSchema,
  UpdateMeetingSchema,
} from '../../shared/schemas/meetings.ts';
import { api } from './client.ts';

/** Every key starts with one of these roots, so a write can refresh everything it may have changed. */
export const meetingKeys = {
  meetingKinds: ['meeting-kinds'] as const,
  meeting: (id: number) => ['meetings', id] as const,
  cellMeetings: (cellId: number) => ['meetings', 'cell', cellId] as const,
  cellDecisions: (cellId: number) => ['meetings', 'cell', cellId, 'decisions'] as const,
  myActions: ['my-actions'] as const,
  myMeetings: ['meetings', 'mine'] as const,
};

const meetingKindsQuery = {
  queryKey: meetingKeys.meetingKinds,
  staleTime: 10 * 60_000,
  queryFn: async () => (await api.get<{ items: MeetingKind[] }>('/api/v1/meeting-kinds')).items,
};

/** Every kind of meeting in the administrators' order, retired ones included (existing meetings keep them). */
export function useMeetingKinds() {
  return useQuery(meetingKindsQuery);
}

const inUse = (kinds: MeetingKind[]) => kinds.filter((k) => !k.retired);

/** The kinds a new meeting may use: the same list less the retired kinds. */
export function useMeetingKindsInUse() {
  return useQuery({ ...meetingKindsQuery, select: inUse });
}

export function useMeeting(id: number) {
  return useQuery({ queryKey: meetingKeys.meeting(id), queryFn: () => api.get<Meeting>(`/api/v1/meetings/${id}`) });
}

export function useCellMeetings(cellId: number, limit = 100) {
  return useQuery({
    queryKey: meetingKeys.cellMeetings(cellId),
    queryFn: async () => (await api.get<{ items: MeetingSummary[] }>(`/api/v1/cells/${cellId}/meetings`, { limit })).items,
  });
}

export function useMyActions() {
  return useQuery({ queryKey: meetingKeys.myActions, queryFn: () => api.get<MyActions>('/api/v1/me/actions') });
}

/** The next meetings of every cell the signed-in person is on the roll of (the home pages). */
export function useMyMeetings() {
  return useQuery({ queryKey: meetingKeys.myMeetings, queryFn: () => api.get<MyMeetings>('/api/v1/me/meetings', { limit: 10 }) });
}

const refresh = (qc: QueryClient, roots: string[]) => Promise.all(roots.map((root) => qc.invalidateQueries({ queryKey: [root] })));

/** Anything about meetings may move figures, lists, reports and people's actions. */
const refreshAfterMeetingWrite = (qc: QueryClient) =>
  refresh(qc, ['meetings', 'compliance', 'follow-ups', 'my-actions', 'reports', 'me-home']);

function useMeetingWrite<V>(meetingId: number, fn: (vars: V) => Promise<Meeting>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (meeting) => {
      qc.setQueryData(meetingKeys.meeting(meetingId), meeting);
      await refreshAfterMeetingWrite(qc);
    },
  });
}

export function useScheduleMeeting(cellId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMeeting) => api.post<Meeting>(`/api/v1/cells/${cellId}/meetings`, body),
    onSuccess: async (meeting) => {
      qc.setQueryData(meetingKeys.meeting(meeting.id), meeting);
      await refreshAfterMeetingWrite(qc);
    },
  });
}

export const useSaveAttendance = (meetingId: number) =>
  useMeetingWrite(meetingId, (body: z.input<typeof SaveAttendanceSchema>) =>
    api.put<Meeting>(`/api/v1/meetings/${meetingId}/attendance`, body),
  );

export const useMarkNotHeld = (meetingId: number) =>
  useMeetingWrite(meetingId, (body: z.input<typeof NotHeldSchema>) => api.post<Meeting>(`/api/v1/meetings/${meetingId}/not-held`, body));

export const useUpdateMeeting = (meetingId: number) =>
  useMeetingWrite(meetingId, (body: z.input<typeof UpdateMeetingSchema>) => api.patch<Meeting>(`/api/v1/meetings/${meetingId}`, body));

/** The cell's latest decisions, newest meeting first (to link an assignment to one). */
export function useCellDecisions(cellId: number, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.cellDecisions(cellId),
    enabled,
    queryFn: async () => (await api.get<CellDecisionList>(`/api/v1/cells/${cellId}/decisions`)).items,
  });
}

export const useAddDecision = (meetingId: number) =>
  useMeetingWrite(meetingId, (body: z.input<typeof CreateDecisionSchema>) =>
    api.post<Meeting>(`/api/v1/meetings/${meetingId}/decisions`, body),
  );

export function useSetActionStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: number } & z.input<typeof UpdateActionSchema>) =>
      api.patch<{ id: number; status: string }>(`/api/v1/actions/${id}`, { status }),
    onSuccess: () => refreshAfterMeetingWrite(qc),
  });
}

export function useResolveFollowUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: number } & z.input<typeof ResolveFollowUpSchema>) =>
      api.post(`/api/v1/follow-ups/${id}/resolve`, { note }),
    onSuccess: () => refreshAfterMeetingWrite(qc),
  });
}

export function useCalendarFeed(cellId: number | null) {
  return useMutation({
    mutationFn: () => api.post<CalendarFeed>(cellId ? `/api/v1/cells/${cellId}/calendar` : '/api/v1/me/calendar'),
  });
}

/**
 * Writes to the meeting kinds (central administrators). A quorum change shows on every meeting of the
 * kind, so meetings are refreshed too. The list is refreshed after a failure as well: the usual cause is
 * another administrator's change meanwhile.
 */
export function useSaveMeetingKind() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof SaveMeetingKindSchema>) => api.post<MeetingKind>('/api/v1/meeting-kinds', body),
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
    onSuccess: ({ items }) => qc.setQueryData(meetingKeys.meetingKinds, items),
    onSettled: () => refresh(qc, ['meeting-kinds']),
  });
}

/** Retires a kind (`retire: true`) or restores it. */
export function useRetireMeetingKind() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, retire }: { code: string; retire: boolean }) =>
      api.post<MeetingKind>(kindPath(code, retire ? 'retire' : 'restore')),
    onSettled: () => refresh(qc, ['meeting-kinds']),
  });
}
