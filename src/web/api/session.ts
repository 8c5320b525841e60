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
  // 'always': with no signal the request must fail (and the offline screens show), not wait paused.
  return useQuery({ queryKey: sessionKeys.me, queryFn: fetchMe, staleTime: 60_000, networkMode: 'always' });
}

/** What signing out did: `unsynced` operations still in the outbox stop it until the secretary confirms. */
export type SignOutResult = { signedOut: true } | { signedOut: false; unsynced: number };

/**
 * Before signing out, what waits in the offline outbox is sent (while the session still stands). What
 * could not be sent (no signal, a conflict, a rejection) would be deleted with the device's offline data,
 * so unless `discard` says the secretary agreed, signing out stops and says how many would be lost.
 */
async function syncThenSignOut({ discard = false }: { discard?: boolean } = {}): Promise<SignOutResult> {
  const { syncOutbox } = await import('../offline/sync.ts');
  if (navigator.onLine) await syncOutbox().catch(() => undefined);
  if (!discard) {
    const { countOutbox } = await import('../offline/store.ts');
    const unsynced = await countOutbox();
    if (unsynced > 0) return { signedOut: false, unsynced };
  }
  await api.delete('/api/v1/session');
  return { signedOut: true };
}

async function forgetOfflineData(): Promise<void> {
  const { clearOfflineStore } = await import('../offline/store.ts');
  await clearOfflineStore().catch(() => undefined);
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SignIn) => api.post<Me>('/api/v1/session', body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(sessionKeys.me, me);
      // A session that ended without signing out (expired) may have left another account's offline data.
      void import('../offline/store.ts').then((store) => store.forgetOtherAccounts(me.account.login));
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  const forget = async () => {
    await forgetOfflineData();
    setCsrfToken(null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    qc.setQueryData(sessionKeys.me, null);
  };
  return useMutation({
    mutationFn: syncThenSignOut,
    // Signed out, or the sign-out failed after the decision to go (the session may be gone): forget the device's data.
    onSuccess: async (result) => {
      if (result.signedOut) await forget();
    },
    onError: forget,
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: z.input<typeof ChangePasswordSchema>) => api.post<void>('/api/v1/me/password', body),
  });
}
