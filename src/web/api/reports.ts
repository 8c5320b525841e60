/** Monthly reports: a cell's report of the month and its submission, a committee's list of them. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MonthlyReport, ReportList, SubmitReport } from '../../shared/schemas/reports.ts';
import { api } from './client.ts';

const reportKeys = {
  report: (cellId: number, period: string) => ['reports', cellId, period] as const,
  reportList: (unitId: number, period: string) => ['reports', 'unit', unitId, period] as const,
};

export function useMonthlyReport(cellId: number, period: string) {
  return useQuery({
    queryKey: reportKeys.report(cellId, period),
    placeholderData: keepPreviousData,
    queryFn: () => api.get<MonthlyReport>(`/api/v1/cells/${cellId}/reports/${period}`),
  });
}

export function useReportList(unitId: number, period: string) {
  return useInfiniteQuery({
    queryKey: reportKeys.reportList(unitId, period),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api.get<ReportList>(`/api/v1/units/${unitId}/reports`, { period, limit: 100, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSubmitReport(cellId: number, period: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitReport) => api.post<MonthlyReport>(`/api/v1/cells/${cellId}/reports/${period}/submit`, body),
    onSuccess: async (report) => {
      qc.setQueryData(reportKeys.report(cellId, period), report);
      await qc.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}
