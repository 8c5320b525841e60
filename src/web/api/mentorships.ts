/** Youth work and mentorships (issue 13): a cell's pairs and youth groups, one mentorship with its log, the counts per unit. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  AddYoungPerson,
  UpdateYoungPerson,
  CreateYouthGroup,
  EndMentorship,
  LogMeeting,
  Mentorship,
  MentorshipCounts,
  MentorshipDetail,
  PairMentor,
  ReviewMentorship,
  UpdateYouthGroup,
  YouthGroup,
} from '../../shared/schemas/mentorships.ts';
import { api } from './client.ts';

/** Anything about a mentorship or a youth group moves the lists, the home and the cells' figures. */
const refresh = (qc: QueryClient) =>
  Promise.all(['mentorships', 'youth-groups', 'compliance', 'me-home'].map((root) => qc.invalidateQueries({ queryKey: [root] })));

export function useCellMentorships(cellId: number, status: 'active' | 'ended' | 'all') {
  return useQuery({
    queryKey: ['mentorships', 'cell', cellId, status],
    queryFn: async () => (await api.get<{ items: Mentorship[] }>(`/api/v1/cells/${cellId}/mentorships`, { status })).items,
  });
}

export function useMentorship(id: number) {
  return useQuery({ queryKey: ['mentorships', 'one', id], queryFn: () => api.get<MentorshipDetail>(`/api/v1/mentorships/${id}`) });
}

export function usePairMentor(cellId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PairMentor) => api.post<{ id: number }>(`/api/v1/cells/${cellId}/mentorships`, body),
    onSuccess: () => refresh(qc),
  });
}

export function useLogMeeting(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LogMeeting) => api.post<{ id: number }>(`/api/v1/mentorships/${id}/log`, body),
    onSuccess: () => refresh(qc),
  });
}

export function useReviewMentorship(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewMentorship) => api.post<{ id: number }>(`/api/v1/mentorships/${id}/reviews`, body),
    onSuccess: () => refresh(qc),
  });
}

export function useEndMentorship(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EndMentorship) => api.post<MentorshipDetail>(`/api/v1/mentorships/${id}/end`, body),
    onSuccess: () => refresh(qc),
  });
}

export function useYouthGroups(cellId: number, enabled = true) {
  return useQuery({
    queryKey: ['youth-groups', cellId],
    queryFn: async () => (await api.get<{ items: YouthGroup[] }>(`/api/v1/cells/${cellId}/youth-groups`)).items,
    enabled,
  });
}

export function useCreateYouthGroup(cellId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateYouthGroup) => api.post<YouthGroup>(`/api/v1/cells/${cellId}/youth-groups`, body),
    onSuccess: () => refresh(qc),
  });
}

export function useUpdateYouthGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateYouthGroup & { id: number }) => api.patch<YouthGroup>(`/api/v1/youth-groups/${id}`, body),
    onSuccess: () => refresh(qc),
  });
}

export function useAddYoungPerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, ...body }: AddYoungPerson & { groupId: number }) =>
      api.post<{ id: number }>(`/api/v1/youth-groups/${groupId}/young-people`, body),
    onSuccess: () => refresh(qc),
  });
}

export function useUpdateYoungPerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, personId, ...body }: UpdateYoungPerson & { groupId: number; personId: number }) =>
      api.patch(`/api/v1/youth-groups/${groupId}/young-people/${personId}`, body),
    onSuccess: () => refresh(qc),
  });
}

export function useRemoveYoungPerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, personId }: { groupId: number; personId: number }) =>
      api.delete(`/api/v1/youth-groups/${groupId}/young-people/${personId}`),
    onSuccess: () => refresh(qc),
  });
}

export function useMentorshipCounts(unitId: number, period: string) {
  return useQuery({
    queryKey: ['compliance', 'mentorship-counts', unitId, period],
    queryFn: () => api.get<MentorshipCounts>(`/api/v1/units/${unitId}/mentorship-counts`, { period }),
  });
}
