/** Write hooks for cell health. A meeting write answers with the whole meeting, which replaces the cached one. */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CreateMeeting } from '../../shared/schemas/meetings.ts';
import type { SubmitReport } from '../../shared/schemas/reports.ts';
import { api } from './client.ts';
import { healthKeys } from './health-queries.ts';
import type { AttendanceStatus, Meeting, MonthlyReport } from './health-types.ts';

/** Anything about meetings may move figures, lists, reports and people's actions. */
function refreshHealth(qc: QueryClient) {
  return Promise.all(['meetings', 'compliance', 'follow-ups', 'my-actions', 'reports'].map((root) =>
    qc.invalidateQueries({ queryKey: [root] })));
}

function useMeetingWrite<V>(meetingId: number, fn: (vars: V) => Promise<Meeting>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (meeting) => {
      qc.setQueryData(healthKeys.meeting(meetingId), meeting);
      await refreshHealth(qc);
    },
  });
}

export function useScheduleMeeting(cellId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMeeting) => api.post<Meeting>(`/api/v1/cells/${cellId}/meetings`, body),
    onSuccess: async (meeting) => {
      qc.setQueryData(healthKeys.meeting(meeting.id), meeting);
      await refreshHealth(qc);
    },
  });
}

export interface AttendanceInput {
  records: Array<{ personId: number; status: AttendanceStatus; reason?: string | null }>;
  version: number;
}

export const useSaveAttendance = (meetingId: number) =>
  useMeetingWrite(meetingId, (body: AttendanceInput) => api.put<Meeting>(`/api/v1/meetings/${meetingId}/attendance`, body));

export const useMarkNotHeld = (meetingId: number) =>
  useMeetingWrite(meetingId, (body: { reason: string; version?: number }) =>
    api.post<Meeting>(`/api/v1/meetings/${meetingId}/not-held`, body));

export const useUpdateMeeting = (meetingId: number) =>
  useMeetingWrite(meetingId, (body: { title?: string | null; startsAt?: string; minutes?: string | null; version?: number }) =>
    api.patch<Meeting>(`/api/v1/meetings/${meetingId}`, body));

export interface DecisionInput {
  text: string;
  actions: Array<{ title: string; ownerPersonId?: number | null; dueOn: string }>;
}

export const useAddDecision = (meetingId: number) =>
  useMeetingWrite(meetingId, (body: DecisionInput) => api.post<Meeting>(`/api/v1/meetings/${meetingId}/decisions`, body));

export function useSetActionStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: number; status: 'open' | 'done' | 'dropped' }) =>
      api.patch<{ id: number; status: string }>(`/api/v1/actions/${id}`, { status }),
    onSuccess: () => refreshHealth(qc),
  });
}

export function useResolveFollowUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: number; note: string }) => api.post(`/api/v1/follow-ups/${id}/resolve`, { note }),
    onSuccess: () => refreshHealth(qc),
  });
}

export function useCalendarFeed(cellId: number | null) {
  return useMutation({
    mutationFn: () => api.post<{ url: string }>(cellId ? `/api/v1/cells/${cellId}/calendar` : '/api/v1/me/calendar'),
  });
}

export function useSubmitReport(cellId: number, period: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitReport) =>
      api.post<MonthlyReport>(`/api/v1/cells/${cellId}/reports/${period}/submit`, body),
    onSuccess: async (report) => {
      qc.setQueryData(healthKeys.report(cellId, period), report);
      await qc.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}
