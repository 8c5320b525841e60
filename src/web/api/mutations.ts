/** Write hooks: each mutation invalidates the queries whose answers it changes. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Account, ChangePasswordSchema, CreateAccountSchema, CreateGrantSchema, Grant, Me, SignIn,
} from '../../shared/schemas/accounts.ts';
import type { CreatePersonSchema, Person, UpdatePersonSchema } from '../../shared/schemas/people.ts';
import type { AppointSecretarySchema, CreateUnit, Unit, UpdateUnitSchema } from '../../shared/schemas/units.ts';
import { api, setCsrfToken } from './client.ts';
import { keys } from './queries.ts';

type In<S extends z.ZodTypeAny> = z.input<S>;

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SignIn) => api.post<Me>('/api/v1/session', body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(keys.me, me);
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
      qc.setQueryData(keys.me, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: In<typeof ChangePasswordSchema>) => api.post<void>('/api/v1/me/password', body),
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
  useUnitMutation((body: In<typeof UpdateUnitSchema>) => api.patch<Unit>(`/api/v1/units/${id}`, body));

export const useCloseUnit = (id: number) =>
  useUnitMutation((body: { closedOn?: string }) => api.post<Unit>(`/api/v1/units/${id}/close`, body));

export const useAppointSecretary = (id: number) =>
  useUnitMutation((body: In<typeof AppointSecretarySchema>) => api.post<Unit>(`/api/v1/units/${id}/secretary`, body));

export const useRelieveSecretary = (id: number) =>
  useUnitMutation((body: { personId: number }) => api.post<Unit>(`/api/v1/units/${id}/secretary/relieve`, body));

function usePersonMutation<V>(fn: (vars: V) => Promise<Person>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['people'] }),
        qc.invalidateQueries({ queryKey: ['units'] }),
      ]);
    },
  });
}

export const useCreatePerson = () =>
  usePersonMutation((body: In<typeof CreatePersonSchema>) => api.post<Person>('/api/v1/people', body));

export const useUpdatePerson = (id: number) =>
  usePersonMutation((body: In<typeof UpdatePersonSchema>) => api.patch<Person>(`/api/v1/people/${id}`, body));

export const useTransferPerson = (id: number) =>
  usePersonMutation((body: { toCellId: number; date?: string }) =>
    api.post<Person>(`/api/v1/people/${id}/transfer`, body));

function useAccountMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: keys.accounts }), qc.invalidateQueries({ queryKey: keys.me })]);
    },
  });
}

export const useCreateAccount = () =>
  useAccountMutation((body: In<typeof CreateAccountSchema>) => api.post<Account>('/api/v1/accounts', body));

export const useCreateGrant = (accountId: number) =>
  useAccountMutation((body: In<typeof CreateGrantSchema>) => api.post<Grant>(`/api/v1/accounts/${accountId}/grants`, body));

export const useRevokeGrant = () => useAccountMutation((grantId: number) => api.delete(`/api/v1/grants/${grantId}`));
