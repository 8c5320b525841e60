/** Education (issue 12): programmes and themes, learning plans, a study meeting's themes, enrolments and a committee's counts. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateEnrolment,
  CreateProgramme,
  Enrolment,
  EducationCounts,
  LearningPlan,
  Programme,
  SetMeetingThemes,
  UpdateEnrolment,
  UpdateProgramme,
} from '../../shared/schemas/education.ts';
import { api } from './client.ts';

export type MeetingThemes = {
  themes: Array<{ id: number; title: string; titleKo: string | null }>;
  format: SetMeetingThemes['format'] | null;
  timing: SetMeetingThemes['timing'] | null;
};

/** Every key starts with 'education', so a write can refresh all of it at once. */
export const educationKeys = {
  all: ['education'] as const,
  programmes: ['education', 'programmes'] as const,
  myPlan: ['education', 'plan', 'me'] as const,
  plan: (personId: number) => ['education', 'plan', personId] as const,
  enrolments: (personId: number) => ['education', 'enrolments', personId] as const,
  meeting: (meetingId: number) => ['education', 'meeting', meetingId] as const,
  counts: (unitId: number, period: string) => ['education', 'counts', unitId, period] as const,
};

/** A theme's or programme's title in the reader's language. */
export const titleIn = (lang: string, x: { title: string; titleKo: string | null }) =>
  lang.startsWith('ko') && x.titleKo ? x.titleKo : x.title;

export function useProgrammes() {
  return useQuery({
    queryKey: educationKeys.programmes,
    queryFn: async () => (await api.get<{ items: Programme[] }>('/api/v1/programmes')).items,
  });
}

export function useLearningPlan(personId: number, enabled = true) {
  return useQuery({
    queryKey: educationKeys.plan(personId),
    queryFn: () => api.get<LearningPlan>(`/api/v1/people/${personId}/learning-plan`),
    enabled: enabled && personId > 0,
    retry: false,
  });
}

export function useEnrolments(personId: number, enabled = true) {
  return useQuery({
    queryKey: educationKeys.enrolments(personId),
    queryFn: async () => (await api.get<{ items: Enrolment[] }>(`/api/v1/people/${personId}/enrolments`)).items,
    enabled: enabled && personId > 0,
    retry: false,
  });
}

export function useMeetingThemes(meetingId: number) {
  return useQuery({
    queryKey: educationKeys.meeting(meetingId),
    queryFn: () => api.get<MeetingThemes>(`/api/v1/meetings/${meetingId}/themes`),
  });
}

export function useEducationCounts(unitId: number, period: string) {
  return useQuery({
    queryKey: educationKeys.counts(unitId, period),
    queryFn: () => api.get<EducationCounts>(`/api/v1/units/${unitId}/education`, { period }),
    retry: false,
  });
}

function useEducationMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: educationKeys.all }) });
}

export const useCreateProgramme = () => useEducationMutation((v: CreateProgramme) => api.post<Programme>('/api/v1/programmes', v));
export const useUpdateProgramme = (id: number) =>
  useEducationMutation((v: UpdateProgramme) => api.patch<Programme>(`/api/v1/programmes/${id}`, v));
export const useSetLearningPlan = (personId: number) =>
  useEducationMutation((v: { themeIds: number[] }) => api.put<LearningPlan>(`/api/v1/people/${personId}/learning-plan`, v));
export const useSetMeetingThemes = (meetingId: number) =>
  useEducationMutation((v: SetMeetingThemes) => api.put<MeetingThemes>(`/api/v1/meetings/${meetingId}/themes`, v));
export const useCreateEnrolment = (personId: number) =>
  useEducationMutation((v: CreateEnrolment) => api.post<Enrolment>(`/api/v1/people/${personId}/enrolments`, v));
export const useUpdateEnrolment = () =>
  useEducationMutation(({ id, ...v }: UpdateEnrolment & { id: number }) => api.patch<Enrolment>(`/api/v1/enrolments/${id}`, v));
