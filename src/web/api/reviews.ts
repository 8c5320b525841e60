/** Review sessions: the session, self-assessments, feedback and closing (issue 12). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FeedbackList, GiveFeedback, GivenFeedback, ReviewSession, SelfAssessment } from '../../shared/schemas/reviews.ts';
import { api, isNotFound } from './client.ts';

/** Every key starts with 'reviews', so a write refreshes all of it at once. */
export const reviewKeys = {
  all: ['reviews'] as const,
  session: (id: number) => ['reviews', 'session', id] as const,
  mine: (id: number) => ['reviews', 'mine', id] as const,
  everyone: (id: number) => ['reviews', 'self-assessments', id] as const,
  about: (personId: number, meetingId?: number) => ['reviews', 'about', personId, meetingId ?? 'all'] as const,
};

/** A read that may be refused with 404 (nothing written yet, or not the reader's to see): null then. */
async function nullIfNotFound<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

export function useReviewSession(id: number) {
  return useQuery({ queryKey: reviewKeys.session(id), queryFn: () => api.get<ReviewSession>(`/api/v1/meetings/${id}/review`) });
}

/** The reader's own self-assessment, or null when they have written none. */
export function useMySelfAssessment(id: number, enabled: boolean) {
  return useQuery({
    queryKey: reviewKeys.mine(id),
    enabled,
    queryFn: () => nullIfNotFound(api.get<SelfAssessment>(`/api/v1/meetings/${id}/self-assessment`)),
  });
}

export function useSelfAssessments(id: number, enabled: boolean) {
  return useQuery({
    queryKey: reviewKeys.everyone(id),
    enabled,
    queryFn: async () => (await api.get<{ items: SelfAssessment[] }>(`/api/v1/meetings/${id}/self-assessments`)).items,
  });
}

/** Feedback about a person; null when the reader may not read it (404), so a page can leave the section out. */
export function useFeedbackAbout(personId: number, meetingId?: number, enabled = true) {
  return useQuery({
    queryKey: reviewKeys.about(personId, meetingId),
    enabled: enabled && personId > 0,
    queryFn: () => nullIfNotFound(api.get<FeedbackList>(`/api/v1/people/${personId}/feedback`, { meeting: meetingId })),
  });
}

function useReviewMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: reviewKeys.all }) });
}

export const useSaveSelfAssessment = (id: number) =>
  useReviewMutation((text: string) => api.put<SelfAssessment>(`/api/v1/meetings/${id}/self-assessment`, { text }));
export const useGiveFeedback = (id: number) =>
  useReviewMutation((v: GiveFeedback) => api.post<GivenFeedback>(`/api/v1/meetings/${id}/feedback`, v));
export const useCloseReview = (id: number) => useReviewMutation(() => api.post<ReviewSession>(`/api/v1/meetings/${id}/review/close`));
