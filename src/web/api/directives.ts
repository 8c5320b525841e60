/** Directives: the officials' list and drafts, publication, the member's inbox and acknowledgment, briefings, reach. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateDirective,
  Directive,
  DirectiveAttachment,
  DirectiveListSchema,
  InboxSchema,
  NotReachedSchema,
  Reach,
  ReachChildrenSchema,
  RecordBriefing,
  UpdateDirective,
} from '../../shared/schemas/directives.ts';
import { api, uploadFile, withQuery } from './client.ts';

export type DirectiveSummary = z.infer<typeof DirectiveListSchema>['items'][number];
export type InboxItem = z.infer<typeof InboxSchema>['items'][number];
export type ReachChildren = z.infer<typeof ReachChildrenSchema>;
export type NotReached = z.infer<typeof NotReachedSchema>;

/** Every key starts with 'directives', so a write refreshes every view of them. */
export const directiveKeys = {
  all: ['directives'] as const,
  list: ['directives', 'list'] as const,
  one: (id: number) => ['directives', 'one', id] as const,
  inbox: ['directives', 'inbox'] as const,
  reach: (id: number, unit: number, round?: number) => ['directives', 'reach', id, unit, round ?? 'latest'] as const,
  children: (id: number, unit: number, round?: number) => ['directives', 'children', id, unit, round ?? 'latest'] as const,
  notReached: (id: number, unit: number, round?: number) => ['directives', 'not-reached', id, unit, round ?? 'latest'] as const,
};

export function useDirectives() {
  return useQuery({
    queryKey: directiveKeys.list,
    queryFn: async () => (await api.get<{ items: DirectiveSummary[] }>('/api/v1/directives', { limit: 200 })).items,
  });
}

export function useDirective(id: number) {
  return useQuery({ queryKey: directiveKeys.one(id), queryFn: () => api.get<Directive>(`/api/v1/directives/${id}`) });
}

export function useMyDirectives() {
  return useQuery({
    queryKey: directiveKeys.inbox,
    queryFn: async () => (await api.get<{ items: InboxItem[] }>('/api/v1/me/directives')).items,
  });
}

/** Reach at a unit in a round (the latest when not given); while the fan-out runs, it is read again every two seconds. */
export function useReach(id: number, unit: number | null, round?: number) {
  return useQuery({
    queryKey: directiveKeys.reach(id, unit ?? 0, round),
    enabled: unit !== null,
    placeholderData: keepPreviousData,
    queryFn: () => api.get<Reach>(`/api/v1/directives/${id}/reach`, { unit, round }),
    refetchInterval: (q) => (q.state.data?.fanOut === 'done' ? false : 2000),
  });
}

export function useReachChildren(id: number, unit: number | null, enabled: boolean, round?: number) {
  return useQuery({
    queryKey: directiveKeys.children(id, unit ?? 0, round),
    enabled: enabled && unit !== null,
    queryFn: () => api.get<ReachChildren>(`/api/v1/directives/${id}/reach/children`, { unit, round }),
  });
}

export function useNotReached(id: number, unit: number | null, round?: number) {
  return useQuery({
    queryKey: directiveKeys.notReached(id, unit ?? 0, round),
    enabled: unit !== null,
    queryFn: () => api.get<NotReached>(`/api/v1/directives/${id}/not-reached`, { unit, limit: 25, round }),
  });
}

export const notReachedCsvHref = (id: number, unit: number, round?: number) =>
  withQuery(`/api/v1/directives/${id}/not-reached.csv`, { unit, round });

function useDirectiveWrite<V>(fn: (v: V) => Promise<Directive>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      qc.setQueryData(directiveKeys.one(d.id), d);
      void qc.invalidateQueries({ queryKey: directiveKeys.all });
    },
  });
}

export const useCreateDirective = () => useDirectiveWrite((v: CreateDirective) => api.post<Directive>('/api/v1/directives', v));
export const useUpdateDirective = () =>
  useDirectiveWrite(({ id, ...v }: UpdateDirective & { id: number }) => api.patch<Directive>(`/api/v1/directives/${id}`, v));
export const usePublishDirective = () => useDirectiveWrite((id: number) => api.post<Directive>(`/api/v1/directives/${id}/publish`));
export const useWithdrawDirective = () => useDirectiveWrite((id: number) => api.post<Directive>(`/api/v1/directives/${id}/withdraw`));

export function useAcknowledge() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<{ acknowledgedAt: string }>(`/api/v1/directives/${id}/acknowledgment`),
    onSuccess: () => qc.invalidateQueries({ queryKey: directiveKeys.all }),
  });
}

export function useRecordBriefing(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: RecordBriefing) =>
      api.post<{ round: number; briefed: number; alreadyBriefed: number }>(`/api/v1/directives/${id}/briefings`, v),
    onSuccess: () => qc.invalidateQueries({ queryKey: directiveKeys.all }),
  });
}

export const attachmentHref = (id: number, attachmentId: number) => `/api/v1/directives/${id}/attachments/${attachmentId}`;

export function useUploadAttachment(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<DirectiveAttachment>(`/api/v1/directives/${id}/attachments`, file),
    onSuccess: () => qc.invalidateQueries({ queryKey: directiveKeys.one(id) }),
  });
}

export function useDeleteAttachment(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: number) => api.delete(attachmentHref(id, attachmentId)),
    onSuccess: () => qc.invalidateQueries({ queryKey: directiveKeys.one(id) }),
  });
}
