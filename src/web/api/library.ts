/** The study library: browsing, search, reading lists, the reading log and the readings of a study meeting. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateArticle,
  CreateDocument,
  CreateIssue,
  Item,
  ItemKind,
  ItemSummary,
  ReadingList,
  ReadingLogEntry,
  SaveReadingList,
  SearchHit,
  UpdateItem,
} from '../../shared/schemas/library.ts';
import { api, type Page } from './client.ts';

export type Issue = { id: number; title: string; issueNo: number | null; issuedOn: string };
export type IssueWithArticles = Issue & { articles: ItemSummary[] };
export type MyReading = { readOn: string | null; sessions: Array<{ meetingId: number; meetsOn: string }> };

/** Every key starts with 'library', so a write can refresh all of it at once. */
export const libraryKeys = {
  all: ['library'] as const,
  items: (kind?: ItemKind, editorial?: boolean) => ['library', 'items', kind ?? 'all', editorial ?? 'any'] as const,
  item: (id: number) => ['library', 'item', id] as const,
  issues: ['library', 'issues'] as const,
  issue: (id: number) => ['library', 'issue', id] as const,
  search: (q: string) => ['library', 'search', q] as const,
  lists: (unitId: number, on?: string) => ['library', 'lists', unitId, on ?? 'all'] as const,
  log: ['library', 'log'] as const,
  readings: (meetingId: number) => ['library', 'readings', meetingId] as const,
};

export function useLibraryItems(kind?: ItemKind, editorial?: boolean) {
  return useQuery({
    queryKey: libraryKeys.items(kind, editorial),
    queryFn: () => api.get<Page<ItemSummary>>('/api/v1/library/items', { kind, editorial, limit: 200 }),
  });
}

/** Items of a kind page by page (50 at a time), newest first, for browsing. */
export function useLibraryItemPages(kind: ItemKind) {
  return useInfiniteQuery({
    queryKey: [...libraryKeys.items(kind), 'pages'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api.get<Page<ItemSummary>>('/api/v1/library/items', { kind, limit: 50, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useLibraryItem(id: number) {
  return useQuery({ queryKey: libraryKeys.item(id), queryFn: () => api.get<Item>(`/api/v1/library/items/${id}`), enabled: id > 0 });
}

export function useIssues() {
  return useQuery({
    queryKey: libraryKeys.issues,
    queryFn: async () => (await api.get<{ items: Array<Issue & { articleCount: number }> }>('/api/v1/library/issues')).items,
  });
}

export function useIssue(id: number) {
  return useQuery({
    queryKey: libraryKeys.issue(id),
    queryFn: () => api.get<IssueWithArticles>(`/api/v1/library/issues/${id}`),
    enabled: id > 0,
  });
}

export function useLibrarySearch(q: string) {
  return useQuery({
    queryKey: libraryKeys.search(q),
    queryFn: async () => (await api.get<{ query: string; items: SearchHit[] }>('/api/v1/library/search', { q })).items,
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

/** The lists for a unit; with `on` (a day), only those whose period covers it. */
export function useReadingLists(unitId: number | null, on?: string) {
  return useQuery({
    queryKey: libraryKeys.lists(unitId ?? 0, on),
    queryFn: async () => (await api.get<{ items: ReadingList[] }>(`/api/v1/units/${unitId}/reading-lists`, { on })).items,
    enabled: unitId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useMyReadingLog(enabled = true) {
  return useQuery({
    queryKey: libraryKeys.log,
    queryFn: async () => (await api.get<{ items: ReadingLogEntry[] }>('/api/v1/me/reading-log')).items,
    enabled,
  });
}

function useLibraryMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: libraryKeys.all }) });
}

export const useMarkRead = () =>
  useLibraryMutation((v: { itemId: number; readOn?: string }) => api.post<MyReading>('/api/v1/me/reading-log', v));
export const useUnmarkRead = () => useLibraryMutation((itemId: number) => api.delete(`/api/v1/me/reading-log/${itemId}`));
export const useCreateDocument = () => useLibraryMutation((v: Partial<CreateDocument>) => api.post<Item>('/api/v1/library/documents', v));
export const useCreateIssue = () => useLibraryMutation((v: CreateIssue) => api.post<IssueWithArticles>('/api/v1/library/issues', v));
export const useCreateArticle = (issueId: number) =>
  useLibraryMutation((v: Partial<CreateArticle>) => api.post<Item>(`/api/v1/library/issues/${issueId}/articles`, v));
export const useSaveReadingList = () =>
  useLibraryMutation(({ id, ...v }: SaveReadingList & { id?: number }) =>
    id ? api.put<ReadingList>(`/api/v1/reading-lists/${id}`, v) : api.post<ReadingList>('/api/v1/reading-lists', v),
  );
export const useUpdateItem = () =>
  useLibraryMutation(({ id, ...v }: UpdateItem & { id: number }) => api.patch<Item>(`/api/v1/library/items/${id}`, v));
export const useDeleteReadingList = () => useLibraryMutation((id: number) => api.delete(`/api/v1/reading-lists/${id}`));

export function useStudyReadings(meetingId: number) {
  return useQuery({
    queryKey: libraryKeys.readings(meetingId),
    queryFn: async () => (await api.get<{ items: ItemSummary[] }>(`/api/v1/meetings/${meetingId}/readings`)).items,
  });
}

export const useSetStudyReadings = (meetingId: number) =>
  useLibraryMutation((itemIds: number[]) => api.put<{ items: ItemSummary[] }>(`/api/v1/meetings/${meetingId}/readings`, { itemIds }));
