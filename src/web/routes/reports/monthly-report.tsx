/** A cell's monthly report: generated from the data, reviewed with notes, submitted by the secretary, downloadable. */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMonthlyReport, useSubmitReport } from '../../api/reports.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { MeetingStatusBadge, useKindName } from '../../components/meeting-bits.tsx';
import { PeriodPicker } from '../../components/period-picker.tsx';
import { formatDate, formatDateTime, formatPeriod } from '../../lib/period.ts';
import { CellStandards } from '../dashboards/cell-standards.tsx';

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

export function MonthlyReport({ cellId, period, onPeriod }: { cellId: number; period: string; onPeriod: (p: string) => void }) {
  const { t, i18n } = useTranslation();
  const report = useMonthlyReport(cellId, period);
  const submit = useSubmitReport(cellId, period);
  const kindName = useKindName();
  const [notes, setNotes] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const r = report.data;
  const f = r?.figures;
  const base = `/api/v1/cells/${cellId}/reports/${period}`;
  // Downloads are read by the server, which prints them in the language asked for.
  const lang = `?lang=${i18n.resolvedLanguage === 'ko' ? 'ko' : 'en'}`;
  const send = (confirmEarly: boolean) =>
    submit.mutate(
      { notes: (notes ?? r?.notes ?? '').trim() || null, ...(confirmEarly ? { confirmEarly } : {}) },
      {
        onSuccess: () => {
          setNotes(null);
          setConfirming(false);
        },
      },
    );

  return (
    <Stack gap="md" data-testid="monthly-report">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm">
          <Title order={3} size="h4">
            {t('report.title', { month: formatPeriod(period, i18n.language) })}
          </Title>
          {r && (
            <Badge color={r.status === 'submitted' ? 'green' : 'gray'} data-testid="report-status" data-status={r.status}>
              {t(`report.status.${r.status}`)}
            </Badge>
          )}
        </Group>
        <Group gap="xs" align="flex-end">
          <Button component="a" href={`${base}.csv${lang}`} variant="default" size="xs" download data-testid="report-csv">
            {t('report.csv')}
          </Button>
          <Button component="a" href={`${base}.pdf${lang}`} variant="default" size="xs" download data-testid="report-pdf">
            {t('report.pdf')}
          </Button>
          <PeriodPicker
            value={period}
            onChange={(p) => {
              setNotes(null);
              onPeriod(p);
            }}
          />
        </Group>
      </Group>
      <ErrorAlert error={report.error} />
      {report.isPending && (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {r && f && (
        <>
          {r.status === 'submitted' && r.submittedAt && (
            <Alert color="green" variant="light">
              {t('report.submittedBy', { who: r.submittedBy ?? '—', when: formatDateTime(r.submittedAt, i18n.language) })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Figure label={t('report.members')} value={f.members} />
            <Figure label={t('report.meetingsHeld')} value={f.meetingsHeld} />
            <Figure label={t('report.meetingsNotHeld')} value={f.meetingsNotHeld} />
            <Figure label={t('report.attendanceRate')} value={f.attendanceRate === null ? '—' : `${Math.round(f.attendanceRate * 100)}%`} />
            <Figure label={t('report.actionsDue')} value={f.actionsDue} />
            <Figure label={t('report.actionsOnTime')} value={f.actionsOnTime} />
            <Figure label={t('report.openFollowUps')} value={f.openFollowUps} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Paper withBorder p="md">
              <Title order={4} size="h5" mb="xs">
                {t('cellDash.standards')}
              </Title>
              <CellStandards items={r.standards} />
            </Paper>
            <Paper withBorder p="md">
              <Title order={4} size="h5" mb="xs">
                {t('report.meetings')}
              </Title>
              {r.meetings.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('meeting.none')}
                </Text>
              ) : (
                <Table fz="sm">
                  <Table.Tbody>
                    {r.meetings.map((m) => (
                      <Table.Tr key={m.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/meetings/${m.id}`} inherit>
                            {formatDateTime(m.startsAt, i18n.language)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{kindName(m.kind)}</Table.Td>
                        <Table.Td>
                          <MeetingStatusBadge status={m.status} />
                        </Table.Td>
                        <Table.Td ta="right">{m.status === 'held' ? `${m.present} / ${m.expected}` : '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md">
            <Textarea
              label={t('report.notes')}
              autosize
              minRows={3}
              maxLength={5000}
              readOnly={!r.canSubmit}
              data-testid="report-notes"
              placeholder={r.canSubmit ? t('report.notesPlaceholder') : undefined}
              value={notes ?? r.notes ?? ''}
              onChange={(e) => setNotes(e.currentTarget.value)}
            />
            <ErrorAlert error={submit.error} />
            {r.canSubmit && (
              <Group justify="flex-end" mt="sm">
                <Button
                  loading={submit.isPending && !confirming}
                  data-testid="submit-report"
                  onClick={() => (r.daysLeft === null ? send(false) : setConfirming(true))}
                >
                  {r.status === 'submitted' ? t('report.resubmit') : t('report.submit')}
                </Button>
              </Group>
            )}
          </Paper>
          <Modal
            opened={confirming && r.daysLeft !== null}
            onClose={() => setConfirming(false)}
            title={t('reportEarly.title')}
            data-testid="report-early"
          >
            <Stack gap="md">
              <Text size="sm" data-testid="report-early-text">
                {r.daysLeft === 0
                  ? t('reportEarly.bodyToday', { month: formatPeriod(period, i18n.language) })
                  : t('reportEarly.body', {
                      count: r.daysLeft ?? 0,
                      month: formatPeriod(period, i18n.language),
                      date: formatDate(r.monthEndsOn, i18n.language),
                    })}
              </Text>
              <ErrorAlert error={submit.error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirming(false)} data-testid="report-early-cancel">
                  {t('reportEarly.cancel')}
                </Button>
                <Button loading={submit.isPending} onClick={() => send(true)} data-testid="report-early-confirm">
                  {t('reportEarly.confirm')}
                </Button>
              </Group>
            </Stack>
          </Modal>
        </>
      )}
    </Stack>
  );
}
