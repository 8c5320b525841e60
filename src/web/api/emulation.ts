/** Emulation campaigns and yearly distinctions (issue 15). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Campaign,
  CampaignPageSchema,
  CreateCampaign,
  DistinctionPageSchema,
  UpdateCampaign,
  StandingsSchema,
  UnitScoreSchema,
} from '../../shared/schemas/emulation.ts';
import { api } from './client.ts';

export type Standings = z.infer<typeof StandingsSchema>;
export type UnitScore = z.infer<typeof UnitScoreSchema>;
export type CampaignPage = z.infer<typeof CampaignPageSchema>;
export type DistinctionPage = z.infer<typeof DistinctionPageSchema>;

export const emulationKeys = {
  all: ['emulation'] as const,
  campaign: (id: number) => ['emulation', 'campaign', id] as const,
  standings: (id: number) => ['emulation', 'standings', id] as const,
  unitScore: (id: number, unitId: number) => ['emulation', 'score', id, unitId] as const,
  unitCampaigns: (unitId: number) => ['emulation', 'unit-campaigns', unitId] as const,
  distinctions: (unitId: number, year: number, status: string) => ['emulation', 'distinctions', unitId, year, status] as const,
};

export const useCampaign = (id: number) =>
  useQuery({ queryKey: emulationKeys.campaign(id), queryFn: () => api.get<Campaign>(`/api/v1/campaigns/${id}`), retry: false });
export const useStandings = (id: number) =>
  useQuery({ queryKey: emulationKeys.standings(id), queryFn: () => api.get<Standings>(`/api/v1/campaigns/${id}/standings`), retry: false });
export const useUnitScore = (id: number, unitId: number | null) =>
  useQuery({
    queryKey: emulationKeys.unitScore(id, unitId ?? 0),
    enabled: unitId !== null,
    queryFn: () => api.get<UnitScore>(`/api/v1/campaigns/${id}/units/${unitId}`),
  });
export const useUnitCampaigns = (unitId: number) =>
  useQuery({
    queryKey: emulationKeys.unitCampaigns(unitId),
    queryFn: () => api.get<CampaignPage>(`/api/v1/units/${unitId}/campaigns`, { limit: 100 }),
  });

export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCampaign) => api.post<{ id: number }>('/api/v1/campaigns', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: emulationKeys.all }),
  });
}

export function useUpdateCampaign(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCampaign) => api.patch<{ id: number }>(`/api/v1/campaigns/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: emulationKeys.all }),
  });
}

export function useCancelCampaign(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ id: number; cancelledAt: string }>(`/api/v1/campaigns/${id}/cancel`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: emulationKeys.all }),
  });
}

export const useDistinctions = (unitId: number, year: number, status: 'eligible' | 'conferred', enabled = true) =>
  useQuery({
    queryKey: emulationKeys.distinctions(unitId, year, status),
    enabled,
    queryFn: () => api.get<DistinctionPage>(`/api/v1/units/${unitId}/distinctions`, { year, status, limit: 500 }),
  });

export function useConfer(unitId: number, code: string, action: 'conferrals' | 'revocations') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; cellIds?: number[] }) =>
      api.post<{ cellIds: number[] }>(`/api/v1/units/${unitId}/distinctions/${code}/${action}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: emulationKeys.all }),
  });
}
