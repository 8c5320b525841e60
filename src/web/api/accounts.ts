/** Accounts and their grants (central administrators). */
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Account, CreateAccountSchema, CreateGrantSchema, Grant } from '../../shared/schemas/accounts.ts';
import { api, type Page } from './client.ts';
import { sessionKeys } from './session.ts';

const accountKeys = {
  accounts: ['accounts'] as const,
};

export function useAccounts() {
  return useInfiniteQuery({
    queryKey: accountKeys.accounts,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api.get<Page<Account>>('/api/v1/accounts', { limit: 100, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** An account change may be the actor's own grants, so `me` is refreshed with the list. */
function useAccountMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: accountKeys.accounts }), qc.invalidateQueries({ queryKey: sessionKeys.me })]);
    },
  });
}

export const useCreateAccount = () =>
  useAccountMutation((body: z.input<typeof CreateAccountSchema>) => api.post<Account>('/api/v1/accounts', body));

export const useCreateGrant = (accountId: number) =>
  useAccountMutation((body: z.input<typeof CreateGrantSchema>) => api.post<Grant>(`/api/v1/accounts/${accountId}/grants`, body));

export const useRevokeGrant = () => useAccountMutation((grantId: number) => api.delete(`/api/v1/grants/${grantId}`));
