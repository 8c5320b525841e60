/** Units: a unit, its children and members, searching the tree, and changing units and their officers. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UnitKind } from '../../shared/enums.ts';
import type {
  AppointSecretarySchema,
  CloseUnitSchema,
  CreateUnit,
  Member,
  RelieveSecretarySchema,
  Unit,
  UnitSummary,
  UpdateUnitSchema,
} from '../../shared/schemas/units.ts';
import { api, type Page } from './client.ts';

const unitKeys = {
  unit: (id: number) => ['units', id] as const,
  children: (id: number, includeClosed: boolean) => ['units', id, 'children', includeClosed] as const,
  members: (id: number) => ['units', id, 'members'] as const,
  unitSearch: (q: string, kind?: UnitKind) => ['unit-search', q, kind ?? 'any'] as const,
};

export function useUnit(id: number, enabled = true) {
  return useQuery({ queryKey: unitKeys.unit(id), enabled: enabled && id > 0, queryFn: () => api.get<Unit>(`/api/v1/units/${id}`) });
}

export function useChildren(id: number, includeClosed: boolean, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: unitKeys.children(id, includeClosed),
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<Page<UnitSummary>>(`/api/v1/units/${id}/children`, {
        limit: 50,
        cursor: pageParam,
        includeClosed: includeClosed ? 'true' : 'false',
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useMembers(id: number, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: unitKeys.members(id),
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api.get<Page<Member>>(`/api/v1/units/${id}/members`, { limit: 100, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useUnitSearch(q: string, kind?: UnitKind) {
  const term = q.trim();
  return useQuery({
    queryKey: unitKeys.unitSearch(term, kind),
    enabled: term.length > 0,
    queryFn: () => api.get<Page<UnitSummary>>('/api/v1/units/search', { q: term, kind }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Unit changes touch the unit, its parent's children list and searches, so refresh all units. */
function useUnitMutation<V>(fn: (vars: V) => Promise<Unit>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['units'] }),
        qc.invalidateQueries({ queryKey: ['unit-search'] }),
        qc.invalidateQueries({ queryKey: ['people'] }),
      ]);
    },
  });
}

export const useCreateUnit = () => useUnitMutation((body: CreateUnit) => api.post<Unit>('/api/v1/units', body));

export const useUpdateUnit = (id: number) =>
  useUnitMutation((body: z.input<typeof UpdateUnitSchema>) => api.patch<Unit>(`/api/v1/units/${id}`, body));

export const useCloseUnit = (id: number) =>
  useUnitMutation((body: z.input<typeof CloseUnitSchema>) => api.post<Unit>(`/api/v1/units/${id}/close`, body));

export const useAppointSecretary = (id: number) =>
  useUnitMutation((body: z.input<typeof AppointSecretarySchema>) => api.post<Unit>(`/api/v1/units/${id}/secretary`, body));

export const useRelieveSecretary = (id: number) =>
  useUnitMutation((body: z.input<typeof RelieveSecretarySchema>) => api.post<Unit>(`/api/v1/units/${id}/secretary/relieve`, body));
