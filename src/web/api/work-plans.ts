/** Cells' work plans (issue 15): a cell's plan per quarter, drafted, adopted, reviewed; a committee's view. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdoptPlan, CommitteePlans, ReviewPlan, SavePlan, WorkPlan } from '../../shared/schemas/work-plans.ts';
import { api } from './client.ts';

export const workPlanKeys = {
  all: ['work-plans'] as const,
  one: (cellId: number, period: string) => ['work-plans', 'cell', cellId, period] as const,
  committee: (unitId: number, period: string, status: string, cursor: string | undefined) =>
    ['work-plans', 'committee', unitId, period, status, cursor ?? ''] as const,
};

export function useWorkPlan(cellId: number, period: string) {
  return useQuery({
    queryKey: workPlanKeys.one(cellId, period),
    queryFn: () => api.get<WorkPlan>(`/api/v1/cells/${cellId}/work-plans/${period}`),
    placeholderData: keepPreviousData,
  });
}

export function useCommitteePlans(unitId: number, period: string, status: string, cursor: string | undefined) {
  return useQuery({
    queryKey: workPlanKeys.committee(unitId, period, status, cursor),
    queryFn: () => api.get<CommitteePlans>(`/api/v1/units/${unitId}/work-plans`, { period, status, limit: 50, cursor }),
    placeholderData: keepPreviousData,
  });
}

/** The three writes of a plan: draft (PUT), adopt, review; each answers the plan as it now stands. */
export function usePlanWrite<B extends SavePlan | AdoptPlan | ReviewPlan>(
  cellId: number,
  period: string,
  step: 'draft' | 'adopt' | 'review',
) {
  const qc = useQueryClient();
  const url = `/api/v1/cells/${cellId}/work-plans/${period}`;
  return useMutation({
    mutationFn: (body: B) => (step === 'draft' ? api.put<WorkPlan>(url, body) : api.post<WorkPlan>(`${url}/${step}`, body)),
    onSuccess: (plan) => {
      qc.setQueryData(workPlanKeys.one(cellId, period), plan);
      return qc.invalidateQueries({ queryKey: workPlanKeys.all });
    },
  });
}
