/** Read hooks: every piece of server state the UI shows comes through TanStack Query here. */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Account, Me } from '../../shared/schemas/accounts.ts';
import type { Person } from '../../shared/schemas/people.ts';
import type { Member, Unit, UnitSummary } from '../../shared/schemas/units.ts';
import type { UnitKind } from '../../shared/enums.ts';
import { api, isUnauthorized, setCsrfToken } from './client.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const keys = {
  me: ['me'] as const,
  unit: (id: number) => ['units', id] as const,
  children: (id: number, includeClosed: boolean) => ['units', id, 'children', includeClosed] as const,
  members: (id: number) => ['units', id, 'members'] as const,
  unitSearch: (q: string, kind?: UnitKind) => ['unit-search', q, kind ?? 'any'] as const,
  person: (id: number) => ['people', id] as const,
  accounts: ['accounts'] as const,
};

/** The signed-in actor, or null when signed out (401 is an answer here, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/v1/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isUnauthorized(error)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: fetchMe, staleTime: 60_000 });
}

export function useUnit(id: number, enabled = true) {
  return useQuery({ queryKey: keys.unit(id), enabled: enabled && id > 0, queryFn: () => api.get<Unit>(`/api/v1/units/${id}`) });
}

export function useChildren(id: number, includeClosed: boolean, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: keys.children(id, includeClosed),
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
    queryKey: keys.members(id),
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<Page<Member>>(`/api/v1/units/${id}/members`, { limit: 100, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useUnitSearch(q: string, kind?: UnitKind) {
  const term = q.trim();
  return useQuery({
    queryKey: keys.unitSearch(term, kind),
    enabled: term.length > 0,
    queryFn: () => api.get<Page<UnitSummary>>('/api/v1/units/search', { q: term, kind }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function usePerson(id: number) {
  return useQuery({ queryKey: keys.person(id), queryFn: () => api.get<Person>(`/api/v1/people/${id}`) });
}

export function useAccounts() {
  return useInfiniteQuery({
    queryKey: keys.accounts,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api.get<Page<Account>>('/api/v1/accounts', { limit: 100, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
