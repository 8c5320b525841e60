/**
 * The working views of a unit page as tabs, kept in the address (?tab=, ?period=) so every view can be
 * linked: a committee opens on its health dashboard, a cell on the secretary's dashboard. The unit's
 * standing lists (the units below a committee, a cell's roll) stay on the page under the tabs.
 */
import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Unit } from '../../../shared/schemas/units.ts';
import { AfterPaint } from '../../components/after-paint.tsx';
import { CellAdmissions } from '../admissions/cell-admissions.tsx';
import { PipelinePanel } from '../admissions/pipeline-panel.tsx';
import { CriteriaEditor } from '../admissions/admission-settings.tsx';
import { AssignmentBoard } from '../assignments/assignment-board.tsx';
import { CaseStatsCard } from '../cases/case-stats.tsx';
import { CellHelpRequests } from '../help-requests/cell-help-requests.tsx';
import { HelpSummaryView } from '../help-requests/help-summary.tsx';
import { currentPeriod, isPeriod, lastCompletePeriod } from '../../lib/period.ts';
import { CellDashboard } from '../dashboards/cell-dashboard.tsx';
import { CommitteeDashboard } from '../dashboards/committee-dashboard.tsx';
import { CellMeetings } from '../meetings/cell-meetings.tsx';
import { CellMentorships } from '../mentorships/cell-mentorships.tsx';
import { MentorshipCounts } from '../mentorships/mentorship-counts.tsx';
import { MonthlyReport } from '../reports/monthly-report.tsx';
import { ReportList } from '../reports/report-list.tsx';
import { CellVisits } from '../visits/cell-visits.tsx';
import { CoverageView } from '../visits/coverage-view.tsx';
import { TargetsTab } from '../targets/targets-tab.tsx';
import { ChildrenTable } from './children-table.tsx';
import { chosenTab, tabGroupsOf } from './unit-tab-groups.ts';
import { MembersTable } from './members-table.tsx';
import { CellSecretaryPanel } from '../secretary/cell-secretary-panel.tsx';
import { CommitteeSecretaryPanel } from '../secretary/committee-secretary-panel.tsx';
import { currentQuarter, isQuarter } from '../secretary/words.ts';
import { AwaitingIdeas, CellIdeas } from '../ideas/cell-ideas.tsx';
import { IdeasSummaryView } from '../ideas/ideas-summary.tsx';
import { IdeaRulesCard } from '../ideas/idea-rules.tsx';
import { CellWorkPlan } from '../work-plans/cell-work-plan.tsx';
import { CommitteePlans } from '../work-plans/committee-plans.tsx';
import { CellDeeds } from '../deeds/cell-deeds.tsx';
import { CampaignsPanel } from '../emulation/campaigns-panel.tsx';
import { DistinctionsPanel } from '../emulation/distinctions-panel.tsx';

export function UnitTabs({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const groups = tabGroupsOf(unit);
  const { group, tab } = chosenTab(groups, search.get('tab'));
  const period = isPeriod(search.get('period')) ? search.get('period')! : lastCompletePeriod();
  const update = (key: string, value: string) =>
    setSearch(
      (s) => {
        const next = new URLSearchParams(s);
        next.set(key, value);
        return next;
      },
      { replace: key === 'period' },
    );
  const onPeriod = (p: string) => update('period', p);
  // Requests for help, admissions and visits are followed as they happen: they open on the month in progress.
  const nowPeriod = isPeriod(search.get('period')) ? search.get('period')! : currentPeriod();
  const quarter = isQuarter(search.get('quarter')) ? search.get('quarter')! : currentQuarter();
  const onQuarter = (q: string) => update('quarter', q);

  return (
    <Stack gap="xl">
      <Tabs
        value={group.group}
        keepMounted={false}
        onChange={(g) => {
          const next = groups.find((x) => x.group === g);
          if (next) update('tab', next.tabs[0]!);
        }}
      >
        <Tabs.List>
          {groups.map((g) => (
            <Tabs.Tab key={g.group} value={g.group} data-testid={`tab-group-${g.group}`}>
              {t(`unitTabs.groups.${g.group}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={group.group}>
          <Tabs value={tab} onChange={(v) => v && update('tab', v)} keepMounted={false} variant="pills" mt="xs">
            <Tabs.List mb="md" aria-label={t(`unitTabs.groups.${group.group}`)}>
              {group.tabs.map((v) => (
                <Tabs.Tab key={v} value={v} data-testid={`tab-${v}`}>
                  {t(`unitTabs.${v}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {unit.kind === 'committee' ? (
              <>
                <Tabs.Panel value="health">
                  <AfterPaint>
                    <CommitteeDashboard unit={unit} period={period} onPeriod={onPeriod} />
                  </AfterPaint>
                </Tabs.Panel>
                <Tabs.Panel value="reports">
                  <ReportList unitId={unit.id} period={period} onPeriod={onPeriod} />
                </Tabs.Panel>
                <Tabs.Panel value="help">
                  <HelpSummaryView unitId={unit.id} period={nowPeriod} onPeriod={onPeriod} />
                </Tabs.Panel>
                <Tabs.Panel value="secretary">
                  <CommitteeSecretaryPanel unitId={unit.id} quarter={quarter} onQuarter={onQuarter} />
                </Tabs.Panel>
                <Tabs.Panel value="mentorships">
                  <MentorshipCounts unit={unit} period={period} onPeriod={onPeriod} />
                </Tabs.Panel>
                <Tabs.Panel value="admissions">
                  <PipelinePanel unitId={unit.id} period={nowPeriod} onPeriod={onPeriod} />
                  {unit.canManage && <CriteriaEditor unitId={unit.id} />}
                </Tabs.Panel>
                <Tabs.Panel value="cases">
                  <CaseStatsCard unitId={unit.id} />
                </Tabs.Panel>
                <Tabs.Panel value="visits">
                  <CoverageView
                    unitId={unit.id}
                    period={nowPeriod}
                    months={search.get('months') ?? '1'}
                    onPeriod={onPeriod}
                    onMonths={(m) => update('months', m)}
                  />
                </Tabs.Panel>
                <Tabs.Panel value="targets">
                  <TargetsTab unit={unit} />
                </Tabs.Panel>
                <Tabs.Panel value="ideas">
                  <Stack gap="xl">
                    <IdeasSummaryView unitId={unit.id} />
                    <AwaitingIdeas unitId={unit.id} />
                    <IdeaRulesCard />
                  </Stack>
                </Tabs.Panel>
                <Tabs.Panel value="workPlans">
                  <CommitteePlans unitId={unit.id} quarter={quarter} onQuarter={onQuarter} />
                </Tabs.Panel>
                <Tabs.Panel value="campaigns">
                  <CampaignsPanel unit={unit} />
                </Tabs.Panel>
                <Tabs.Panel value="distinctions">
                  <DistinctionsPanel unit={unit} />
                </Tabs.Panel>
              </>
            ) : (
              <>
                <Tabs.Panel value="dashboard">
                  <AfterPaint>
                    <CellDashboard unit={unit} period={period} onPeriod={onPeriod} />
                  </AfterPaint>
                </Tabs.Panel>
                <Tabs.Panel value="meetings">
                  <CellMeetings unit={unit} />
                </Tabs.Panel>
                <Tabs.Panel value="report">
                  <MonthlyReport cellId={unit.id} period={period} onPeriod={onPeriod} />
                </Tabs.Panel>
                <Tabs.Panel value="help">
                  <CellHelpRequests cellId={unit.id} period={nowPeriod} onPeriod={onPeriod} />
                </Tabs.Panel>
                <Tabs.Panel value="secretary">
                  <CellSecretaryPanel cellId={unit.id} quarter={quarter} onQuarter={onQuarter} />
                </Tabs.Panel>
                {unit.canSeePersonal && (
                  <Tabs.Panel value="assignments">
                    <AssignmentBoard cellId={unit.id} canManage={unit.canManage} />
                  </Tabs.Panel>
                )}
                {unit.canSeePersonal && (
                  <Tabs.Panel value="mentorships">
                    <CellMentorships unit={unit} period={period} onPeriod={onPeriod} />
                  </Tabs.Panel>
                )}
                {unit.canSeePersonal && (
                  <Tabs.Panel value="admissions">
                    <Stack gap="xl">
                      <CellAdmissions cellId={unit.id} canManage={unit.canManage} />
                      <PipelinePanel unitId={unit.id} period={nowPeriod} onPeriod={onPeriod} />
                    </Stack>
                  </Tabs.Panel>
                )}
                {unit.canSeePersonal && (
                  <Tabs.Panel value="visits">
                    <CellVisits cellId={unit.id} />
                  </Tabs.Panel>
                )}
                <Tabs.Panel value="targets">
                  <TargetsTab unit={unit} />
                </Tabs.Panel>
                <Tabs.Panel value="ideas">
                  <CellIdeas cellId={unit.id} />
                </Tabs.Panel>
                <Tabs.Panel value="workPlan">
                  <CellWorkPlan cellId={unit.id} quarter={quarter} onQuarter={onQuarter} />
                </Tabs.Panel>
                <Tabs.Panel value="deeds">
                  <CellDeeds cellId={unit.id} canManage={unit.canManage} />
                </Tabs.Panel>
                <Tabs.Panel value="campaigns">
                  <CampaignsPanel unit={unit} />
                </Tabs.Panel>
              </>
            )}
          </Tabs>
        </Tabs.Panel>
      </Tabs>
      {unit.kind === 'committee' ? <ChildrenTable unitId={unit.id} /> : <MembersTable unit={unit} />}
    </Stack>
  );
}
