/** People: a person, adding, changing and transferring them. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreatePersonSchema, Person, TransferPersonSchema, UpdatePersonSchema } from '../../shared/schemas/people.ts';
import { api } from './client.ts';

const personKeys = {
  person: (id: number) => ['people', id] as const,
};

export function usePerson(id: number) {
  return useQuery({ queryKey: personKeys.person(id), queryFn: () => api.get<Person>(`/api/v1/people/${id}`) });
}

/** A person's change may move a unit's members and counts, so units are refreshed too. */
function usePersonMutation<V>(fn: (vars: V) => Promise<Person>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: ['people'] }), qc.invalidateQueries({ queryKey: ['units'] })]);
    },
  });
}

export const useCreatePerson = () =>
  usePersonMutation((body: z.input<typeof CreatePersonSchema>) => api.post<Person>('/api/v1/people', body));

export const useUpdatePerson = (id: number) =>
  usePersonMutation((body: z.input<typeof UpdatePersonSchema>) => api.patch<Person>(`/api/v1/people/${id}`, body));

export const useTransferPerson = (id: number) =>
  usePersonMutation((body: z.input<typeof TransferPersonSchema>) => api.post<Person>(`/api/v1/people/${id}/transfer`, body));
