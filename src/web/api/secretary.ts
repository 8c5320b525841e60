/** The secretary (issue 14): traits, feedback (the member's own, the averages), committees' totals, succession. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CellFeedback,
  CreateTrait,
  EditTrait,
  MyFeedback,
  RateSecretary,
  SecretaryTrait,
  Succession,
  TrainingGaps,
  TrainingProgrammeListSchema,
  UnitFeedback,
} from '../../shared/schemas/secretary.ts';
import { api } from './client.ts';

type TraitList = { items: SecretaryTrait[] };
type ProgrammeList = z.infer<typeof TrainingProgrammeListSchema>;

export const secretaryKeys = {
  all: ['secretary'] as const,
  traits: (withRetired: boolean) => ['secretary', 'traits', withRetired] as const,
  mine: (cellId: number, quarter: string) => ['secretary', 'mine', cellId, quarter] as const,
  cell: (cellId: number, quarter: string) => ['secretary', 'cell', cellId, quarter] as const,
  unit: (unitId: number, quarter: string) => ['secretary', 'unit', unitId, quarter] as const,
  succession: (cellId: number) => ['secretary', 'succession', cellId] as const,
  gaps: (unitId: number) => ['secretary', 'gaps', unitId] as const,
  programmes: ['secretary', 'programmes'] as const,
};

export function useSecretaryTraits(withRetired = false) {
  return useQuery({
    queryKey: secretaryKeys.traits(withRetired),
    queryFn: () => api.get<TraitList>('/api/v1/secretary-traits', withRetired ? { retired: 'include' } : undefined),
  });
}

export function useMyFeedback(cellId: number, quarter: string) {
  return useQuery({
    queryKey: secretaryKeys.mine(cellId, quarter),
    queryFn: () => api.get<MyFeedback>(`/api/v1/cells/${cellId}/secretary-feedback/mine`, { quarter }),
  });
}

export function useCellFeedback(cellId: number, quarter: string) {
  return useQuery({
    queryKey: secretaryKeys.cell(cellId, quarter),
    queryFn: () => api.get<CellFeedback>(`/api/v1/cells/${cellId}/secretary-feedback`, { quarter }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useUnitFeedback(unitId: number, quarter: string) {
  return useQuery({
    queryKey: secretaryKeys.unit(unitId, quarter),
    queryFn: () => api.get<UnitFeedback>(`/api/v1/units/${unitId}/secretary-feedback`, { quarter }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useSuccession(cellId: number) {
  return useQuery({
    queryKey: secretaryKeys.succession(cellId),
    queryFn: () => api.get<Succession>(`/api/v1/cells/${cellId}/secretary-succession`),
    retry: false,
  });
}

export function useTrainingGaps(unitId: number, cursor: string | undefined) {
  return useQuery({
    queryKey: [...secretaryKeys.gaps(unitId), cursor ?? ''],
    queryFn: () => api.get<TrainingGaps>(`/api/v1/units/${unitId}/secretary-training-gaps`, cursor ? { cursor } : undefined),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useTrainingProgrammes() {
  return useQuery({ queryKey: secretaryKeys.programmes, queryFn: () => api.get<ProgrammeList>('/api/v1/secretary-training/programmes') });
}

export function useRateSecretary(cellId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RateSecretary) => api.post<MyFeedback>(`/api/v1/cells/${cellId}/secretary-feedback`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: secretaryKeys.all }),
  });
}

function useTraitMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: secretaryKeys.all }) });
}

export const useCreateTrait = () => useTraitMutation((body: CreateTrait) => api.post<SecretaryTrait>('/api/v1/secretary-traits', body));
export const useEditTrait = () =>
  useTraitMutation(({ id, ...body }: EditTrait & { id: number }) => api.patch<SecretaryTrait>(`/api/v1/secretary-traits/${id}`, body));
export const useReorderTraits = () => useTraitMutation((ids: number[]) => api.put<TraitList>('/api/v1/secretary-traits/order', { ids }));
export const useSetSecretaryTraining = () =>
  useTraitMutation(({ id, on }: { id: number; on: boolean }) =>
    api.put(`/api/v1/secretary-training/programmes/${id}`, { secretaryTraining: on }),
  );
