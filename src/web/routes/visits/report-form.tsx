/**
 * The visit's report, filed once by its official (or one above): the day it was held, how many
 * members were met, what was found, and the problems raised as rows (each owned by the cell's
 * secretary, due in 30 days, unless changed later by an official). With `correcting`, the same form
 * corrects a filed report within its window: its figures prefilled, the rows are problems forgotten.
 */
import { ActionIcon, Button, Card, Group, NumberInput, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../shared/schemas/visits.ts';
import { useCorrectReport, useFileReport } from '../../api/visits.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

const today = () => new Date().toISOString().slice(0, 10);
type Row = { key: number; title: string; detail: string };

export function ReportForm({ visit, correcting, onDone }: { visit: Visit; correcting?: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const fileReport = useFileReport(visit.id);
  const correctReport = useCorrectReport(visit.id);
  const file = correcting ? correctReport : fileReport;
  const filed = correcting ? visit.report : null;
  const [heldOn, setHeldOn] = useState(filed?.heldOn ?? (visit.plannedOn <= today() ? visit.plannedOn : today()));
  const [membersMet, setMembersMet] = useState<number | string>(filed?.membersMet ?? 0);
  const [findings, setFindings] = useState(filed?.findings ?? '');
  const [rows, setRows] = useState<Row[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const setRow = (key: number, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <Card withBorder component="section" aria-labelledby="report-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const problems = rows
            .filter((r) => r.title.trim())
            .map((r) => ({ title: r.title, ...(r.detail.trim() ? { detail: r.detail } : {}) }));
          const figures = { heldOn, membersMet: Number(membersMet) || 0 };
          if (correcting)
            correctReport.mutate({ ...figures, findings: findings.trim() ? findings : null, addProblems: problems }, { onSuccess: onDone });
          else fileReport.mutate({ ...figures, ...(findings.trim() ? { findings } : {}), problems });
        }}
      >
        <Stack>
          <Title order={2} size="h4" id="report-form">
            {t(correcting ? 'visits.correctTitle' : 'visits.reportTitle')}
          </Title>
          {filed && (
            <Text size="sm" c="dimmed">
              {t('visits.correctableUntil', { day: filed.correctableUntil })}
            </Text>
          )}
          <ErrorAlert error={file.error} />
          <Group grow wrap="wrap">
            <TextInput
              type="date"
              label={t('visits.heldOn')}
              value={heldOn}
              max={today()}
              onChange={(e) => setHeldOn(e.currentTarget.value)}
              required
              data-testid="report-held-on"
            />
            <NumberInput
              label={t('visits.membersMet')}
              description={t('visits.membersMetHint', { count: visit.rollSize })}
              min={0}
              max={visit.rollSize}
              allowDecimal={false}
              value={membersMet}
              onChange={setMembersMet}
              data-testid="report-members-met"
            />
          </Group>
          <Textarea
            label={t('visits.findings')}
            value={findings}
            onChange={(e) => setFindings(e.currentTarget.value)}
            maxLength={4000}
            autosize
            minRows={3}
            data-testid="report-findings"
          />
          <Stack gap="xs">
            <Text fw={600}>{t(correcting ? 'visits.addProblemsLater' : 'visits.problemsRaised')}</Text>
            {rows.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('visits.noProblemsYet')}
              </Text>
            )}
            {rows.map((r, i) => (
              <Group key={r.key} align="flex-end" wrap="wrap" data-testid="report-problem-row">
                <TextInput
                  label={t('visits.problemTitle', { n: i + 1 })}
                  value={r.title}
                  onChange={(e) => setRow(r.key, { title: e.currentTarget.value })}
                  maxLength={200}
                  required
                  style={{ flex: '1 1 12rem' }}
                  data-testid="report-problem-title"
                />
                <TextInput
                  label={t('visits.problemDetail')}
                  value={r.detail}
                  onChange={(e) => setRow(r.key, { detail: e.currentTarget.value })}
                  maxLength={4000}
                  style={{ flex: '2 1 14rem' }}
                  data-testid="report-problem-detail"
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('visits.removeProblem', { n: i + 1 })}
                  onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  setRows((rs) => [...rs, { key: nextKey, title: '', detail: '' }]);
                  setNextKey((k) => k + 1);
                }}
                data-testid="report-add-problem"
              >
                {t('visits.addProblem')}
              </Button>
            </Group>
          </Stack>
          <Group justify="flex-end">
            {correcting && (
              <Button variant="default" onClick={onDone}>
                {t('visits.cancelCorrection')}
              </Button>
            )}
            <Button type="submit" loading={file.isPending} data-testid={correcting ? 'report-correct-save' : 'report-file'}>
              {t(correcting ? 'visits.saveCorrection' : 'visits.fileReport')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
