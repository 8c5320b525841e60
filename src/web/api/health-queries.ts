/** Read hooks for cell health: meetings, follow-ups, compliance figures, dashboards and reports. */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type {
  CellDashboard, Compliance, ComplianceGrid, ComplianceRow, FollowUp, Meeting, MeetingKind, MeetingSummary, MonthlyReport,
  MyActions, MyMeetings, ReportList, SectorBreakdown, Standard, Trend, WorstCells,
} from './health-types.ts';
import type { Page } from './queries.ts';

/** Every key starts with one of these roots, so a write can refresh everything it may have changed. */
export const healthKeys = {
  meetingKinds: ['meeting-kinds'] as const,
  standards: ['standards'] as const,
  meeting: (id: number) => ['meetings', id] as const,
  cellMeetings: (cellId: number) => ['meetings', 'cell', cellId] as const,
  followUps: (cellId: number, includeResolved: boolean) => ['follow-ups', cellId, includeResolved] as const,
  compliance: (unitId: number, period: string, part: string) => ['compliance', unitId, period, part] as const,
  rows: (url: string, meets: string) => ['compliance', 'rows', url, meets] as const,
  cellDashboard: (cellId: number, period: string) => ['compliance', 'cell-dashboard', cellId, period] as const,
  myActions: ['my-actions'] as const,
  myMeetings: ['meetings', 'mine'] as const,
  report: (cellId: number, period: string) => ['reports', cellId, period] as const,
  reportList: (unitId: number, period: string) => ['reports', 'unit', unitId, period] as const,
};

const meetingKindsQuery = {
  queryKey: healthKeys.meetingKinds, staleTime: 10 * 60_000,
  queryFn: async () => (await api.get<{ items: MeetingKind[] }>('/api/v1/meeting-kinds')).items,
};

/** Every kind of meeting in the administrators' order, retired ones included (existing meetings keep them). */
export function useMeetingKinds() {
  return useQuery(meetingKindsQuery);
}

const inUse = (kinds: MeetingKind[]) => kinds.filter((k) => !k.retired);

/** The kinds a new meeting may use: the same list less the retired kinds. */
export function useMeetingKindsInUse() {
  return useQuery({ ...meetingKindsQuery, select: inUse });
}

export function useStandards() {
  return useQuery({
    queryKey: healthKeys.standards, staleTime: 10 * 60_000,
    queryFn: async () => (await api.get<{ items: Standard[] }>('/api/v1/standards')).items,
  });
}

export function useMeeting(id: number) {
  return useQuery({ queryKey: healthKeys.meeting(id), queryFn: () => api.get<Meeting>(`/api/v1/meetings/${id}`) });
}

export function useCellMeetings(cellId: number, limit = 100) {
  return useQuery({
    queryKey: healthKeys.cellMeetings(cellId),
    queryFn: async () => (await api.get<{ items: MeetingSummary[] }>(`/api/v1/cells/${cellId}/meetings`, { limit })).items,
  });
}

export function useFollowUps(cellId: number, includeResolved = false) {
  return useQuery({
    queryKey: healthKeys.followUps(cellId, includeResolved),
    queryFn: async () => (await api.get<{ items: FollowUp[] }>(`/api/v1/cells/${cellId}/follow-ups`, {
      includeResolved: includeResolved ? 'true' : 'false',
    })).items,
  });
}

export function useCompliance(unitId: number, period: string) {
  return useQuery({
    queryKey: healthKeys.compliance(unitId, period, 'summary'), placeholderData: keepPreviousData,
    queryFn: () => api.get<Compliance>(`/api/v1/units/${unitId}/compliance`, { period }),
  });
}

export function useTrend(unitId: number, period: string) {
  return useQuery({
    queryKey: healthKeys.compliance(unitId, period, 'trend'), placeholderData: keepPreviousData,
    queryFn: () => api.get<Trend>(`/api/v1/units/${unitId}/compliance/trend`, { period, months: 12 }),
  });
}

export function useGrid(unitId: number, period: string) {
  return useQuery({
    queryKey: healthKeys.compliance(unitId, period, 'grid'), placeholderData: keepPreviousData,
    queryFn: () => api.get<ComplianceGrid>(`/api/v1/units/${unitId}/compliance/grid`, { period }),
  });
}

export function useWorstCells(unitId: number, period: string) {
  return useQuery({
    queryKey: healthKeys.compliance(unitId, period, 'worst'), placeholderData: keepPreviousData,
    queryFn: () => api.get<WorstCells>(`/api/v1/units/${unitId}/compliance/worst`, { period, limit: 10 }),
  });
}

export function useSectors(unitId: number, period: string, enabled: boolean) {
  return useQuery({
    queryKey: healthKeys.compliance(unitId, period, 'sectors'), enabled, placeholderData: keepPreviousData,
    queryFn: () => api.get<SectorBreakdown>(`/api/v1/units/${unitId}/compliance/sectors`, { period }),
  });
}

/** The cells behind a figure: `rowsUrl` comes from the API and already carries period and standard. */
export function useComplianceRows(rowsUrl: string, meets: 'true' | 'false' | '') {
  return useInfiniteQuery({
    queryKey: healthKeys.rows(rowsUrl, meets),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const [path, qs] = rowsUrl.split('?');
      const params = Object.fromEntries(new URLSearchParams(qs ?? ''));
      return api.get<Page<ComplianceRow>>(path!, { ...params, meets, limit: 100, cursor: pageParam });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCellDashboard(cellId: number, period: string) {
  return useQuery({
    queryKey: healthKeys.cellDashboard(cellId, period), placeholderData: keepPreviousData,
    queryFn: () => api.get<CellDashboard>(`/api/v1/cells/${cellId}/dashboard`, { period }),
  });
}

export function useMyActions() {
  return useQuery({ queryKey: healthKeys.myActions, queryFn: () => api.get<MyActions>('/api/v1/me/actions') });
}

/** The next meetings of every cell the signed-in person is on the roll of (the home pages). */
export function useMyMeetings() {
  return useQuery({ queryKey: healthKeys.myMeetings, queryFn: () => api.get<MyMeetings>('/api/v1/me/meetings', { limit: 10 }) });
}

export function useMonthlyReport(cellId: number, period: string) {
  return useQuery({
    queryKey: healthKeys.report(cellId, period), placeholderData: keepPreviousData,
    queryFn: () => api.get<MonthlyReport>(`/api/v1/cells/${cellId}/reports/${period}`),
  });
}

export function useReportList(unitId: number, period: string) {
  return useInfiniteQuery({
    queryKey: healthKeys.reportList(unitId, period),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api.get<ReportList>(`/api/v1/units/${unitId}/reports`, { period, limit: 100, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
