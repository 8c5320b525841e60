/** The session: the signed-in actor (`me`), signing in and out, changing one's password. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ChangePasswordSchema, Me, SignIn } from '../../shared/schemas/accounts.ts';
import { api, isUnauthorized, setCsrfToken } from './client.ts';

export const sessionKeys = {
  me: ['me'] as const,
};

/** The signed-in actor, or null when signed out (401 is an answer here, not an error). */
async function fetchMe(): Promise<Me | null> {
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
  return useQuery({ queryKey: sessionKeys.me, queryFn: fetchMe, staleTime: 60_000 });
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SignIn) => api.post<Me>('/api/v1/session', body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(sessionKeys.me, me);
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/v1/session'),
    onSettled: () => {
      setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(sessionKeys.me, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: z.input<typeof ChangePasswordSchema>) => api.post<void>('/api/v1/me/password', body),
  });
}
