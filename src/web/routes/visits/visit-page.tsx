/**
 * One visit (issue 14): the plan, the report and the problems raised, each with its moves. Its
 * official (or one above) reschedules, cancels or reports it; the cell's secretary and the officials
 * move the problems on. Anyone else gets the server's 404.
 */
import { Anchor, Button, Card, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Visit } from '../../../shared/schemas/visits.ts';
import { useCancelVisit, useRescheduleVisit, useVisit } from '../../api/visits.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { usePageTitle } from '../../components/page-title.tsx';
import { ProblemCard } from './problem-card.tsx';
import { ReportForm } from './report-form.tsx';
import { VisitStatusBadge } from './visit-list.tsx';

const today = () => new Date().toISOString().slice(0, 10);

function PlanActions({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const reschedule = useRescheduleVisit(visit.id);
  const cancel = useCancelVisit(visit.id);
  const [day, setDay] = useState(visit.plannedOn);
  return (
    <Card withBorder component="section" aria-labelledby="plan-actions">
      <Stack>
        <Title order={2} size="h4" id="plan-actions">
          {t('visits.changePlan')}
        </Title>
        <ErrorAlert error={reschedule.error ?? cancel.error} />
        <Group align="flex-end" wrap="wrap">
          <TextInput type="date" label={t('visits.plannedOn')} value={day} min={today()} onChange={(e) => setDay(e.currentTarget.value)} />
          <Button variant="default" onClick={() => reschedule.mutate({ plannedOn: day })} loading={reschedule.isPending}>
            {t('visits.reschedule')}
          </Button>
          <Button color="red" variant="subtle" onClick={() => cancel.mutate()} loading={cancel.isPending} data-testid="visit-cancel">
            {t('visits.cancelVisit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function VisitPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const visit = useVisit(id);
  const [correcting, setCorrecting] = useState(false);
  const v = visit.data;
  usePageTitle(v ? t('visits.pageTitle', { cell: v.cellName }) : null);
  if (visit.isLoading) return <Loader />;
  if (!v) return <ErrorAlert error={visit.error} />;
  return (
    <Stack gap="lg" data-testid="visit-page">
      <Stack gap={4}>
        <Group gap="sm" wrap="wrap">
          <Title order={1} size="h2">
            {t('visits.pageTitle', { cell: v.cellName })}
          </Title>
          <VisitStatusBadge status={v.status} />
        </Group>
        <Text c="dimmed">
          <Anchor component={Link} to={`/units/${v.cellId}?tab=visits`} underline="always">
            {v.cellName}
          </Anchor>
          {' · '}
          {t('visits.plannedFor', { day: v.plannedOn, official: v.officialName ?? '—' })}
        </Text>
        {v.purpose && <Text>{v.purpose}</Text>}
        {v.cancelledOn && <Text c="dimmed">{t('visits.cancelledOn', { day: v.cancelledOn })}</Text>}
      </Stack>
      {v.report && (
        <Card withBorder component="section" aria-labelledby="visit-report">
          <Stack gap="xs">
            <Title order={2} size="h4" id="visit-report">
              {t('visits.report')}
            </Title>
            <Text data-testid="report-summary">{t('visits.reportSummary', { day: v.report.heldOn, count: v.report.membersMet })}</Text>
            {v.report.findings && <Text style={{ whiteSpace: 'pre-wrap' }}>{v.report.findings}</Text>}
            {v.canAct && !correcting && today() <= v.report.correctableUntil && (
              <Group>
                <Button variant="default" size="xs" onClick={() => setCorrecting(true)} data-testid="report-correct">
                  {t('visits.correctReport')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      )}
      {v.report && correcting && <ReportForm visit={v} correcting onDone={() => setCorrecting(false)} />}
      {v.status === 'planned' && v.canAct && (
        <>
          <ReportForm visit={v} />
          <PlanActions visit={v} />
        </>
      )}
      {v.status === 'held' && (
        <Stack component="section" aria-labelledby="visit-problems">
          <Title order={2} size="h4" id="visit-problems">
            {t('visits.problems')}
          </Title>
          {v.problems.length === 0 && <Text c="dimmed">{t('visits.noProblems')}</Text>}
          {v.problems.map((p) => (
            <ProblemCard key={p.id} problem={p} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
