/**
 * One case: what it alleges and where it stands, its evidence, the steps of due process the reader may
 * take, its timeline, and for handlers who read it. Opening this page is itself recorded as a read.
 */
import { Anchor, Button, Card, FileInput, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Case } from '../../../shared/schemas/cases.ts';
import { evidenceHref, useAddEvidence, useCase, useCaseReads, useCaseTimeline } from '../../api/cases.ts';
import { isNotFound } from '../../api/client.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { usePageTitle } from '../../components/page-title.tsx';
import { formatDateTime } from '../../lib/period.ts';
import { CaseActions } from './case-actions.tsx';
import { CaseStatusBadge } from './case-bits.tsx';

export function CasePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useCase(id);
  usePageTitle(q.data ? t(`cases.categories.${q.data.category}`) : null);
  if (q.error && isNotFound(q.error)) return <NotFoundPage />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  return <CaseView c={q.data} />;
}

function CaseView({ c }: { c: Case }) {
  const { t, i18n } = useTranslation();
  const timeline = useCaseTimeline(c.id, true);
  const [showReads, setShowReads] = useState(false);
  const reads = useCaseReads(c.id, showReads);
  const upload = useAddEvidence(c.id);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '—');
  const handler = c.viewerRole !== 'subject';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>
          {t(`cases.categories.${c.category}`)}: {c.subject.fullName}
        </Title>
        <CaseStatusBadge status={c.status} />
      </Group>
      <Card withBorder component="section" aria-labelledby="case-facts">
        <Title order={3} size="h4" id="case-facts">
          {t('cases.facts')}
        </Title>
        <Table variant="vertical" mt="sm" data-testid="case-facts">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">{t('cases.subject')}</Table.Th>
              <Table.Td>
                {c.subject.fullName} — {t(`cases.subjectRole.${c.subject.role}`, { unit: c.subject.unit.name })}
              </Table.Td>
            </Table.Tr>
            {handler && (
              <Table.Tr>
                <Table.Th scope="row">{t('cases.reporter')}</Table.Th>
                <Table.Td data-testid="case-reporter">
                  {c.reporter?.fullName ?? t('cases.reporterErased')}
                  {c.anonymousToSubject && ` (${t('cases.anonymousToSubject')})`}
                </Table.Td>
              </Table.Tr>
            )}
            <Table.Tr>
              <Table.Th scope="row">{t('cases.committee')}</Table.Th>
              <Table.Td>
                {c.handlingUnit.name}
                {c.appealUnit && ` → ${t('cases.appealTo', { unit: c.appealUnit.name })}`}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('cases.received')}</Table.Th>
              <Table.Td>{when(c.receivedAt)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('cases.notified')}</Table.Th>
              <Table.Td>{when(c.notifiedAt)}</Table.Td>
            </Table.Tr>
            {c.outcome && (
              <Table.Tr>
                <Table.Th scope="row">{t('cases.outcome')}</Table.Th>
                <Table.Td data-testid="case-outcome">
                  {t(`cases.outcomes.${c.outcome}`)}
                  {c.appealOutcome && ` · ${t('cases.onAppeal')}: ${t(`cases.outcomes.${c.appealOutcome}`)}`}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        <Title order={4} size="h5" mt="md">
          {t('cases.summary')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="case-summary-text">
          {c.summary}
        </Text>
      </Card>
      <CaseActions c={c} />
      <Card withBorder component="section" aria-labelledby="case-evidence">
        <Title order={3} size="h4" id="case-evidence">
          {t('cases.evidence')}
        </Title>
        {c.evidence.length === 0 ? (
          <Text c="dimmed">{t('cases.noEvidence')}</Text>
        ) : (
          <List mt="sm">
            {c.evidence.map((e) => (
              <List.Item key={e.id}>
                <Anchor href={evidenceHref(c.id, e.id)}>{e.fileName}</Anchor> · {t(`cases.addedBy.${e.addedBy}`)} · {when(e.addedAt)}
              </List.Item>
            ))}
          </List>
        )}
        {c.can.addEvidence && (
          <>
            <ErrorAlert error={upload.error} />
            <FileInput
              mt="sm"
              label={t('cases.addEvidence')}
              description={t('cases.evidenceHelp')}
              value={null}
              onChange={(f) => f && upload.mutate(f)}
              disabled={upload.isPending}
              data-testid="case-evidence-input"
            />
          </>
        )}
      </Card>
      <Card withBorder component="section" aria-labelledby="case-timeline">
        <Title order={3} size="h4" id="case-timeline">
          {t('cases.timeline')}
        </Title>
        <ErrorAlert error={timeline.error} />
        <List mt="sm" data-testid="case-timeline-list">
          {timeline.data?.items.map((s) => (
            <List.Item key={s.id}>
              <Text fw={500}>
                {t(`cases.steps.${s.kind}`)} · {t(`cases.actorRoles.${s.actorRole}`)} · {when(s.at)}
              </Text>
              {s.outcome && <Text size="sm">{t(`cases.outcomes.${s.outcome}`)}</Text>}
              {s.text && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {s.text}
                </Text>
              )}
              {s.measure && <Text size="sm">{t('cases.measureIs', { measure: s.measure })}</Text>}
            </List.Item>
          ))}
        </List>
      </Card>
      {handler && (
        <Card withBorder component="section" aria-labelledby="case-reads">
          <Group justify="space-between">
            <Title order={3} size="h4" id="case-reads">
              {t('cases.reads')}
            </Title>
            {!showReads && (
              <Button variant="default" size="xs" onClick={() => setShowReads(true)} data-testid="case-show-reads">
                {t('cases.showReads')}
              </Button>
            )}
          </Group>
          <ErrorAlert error={reads.error} />
          {reads.data && (
            <Table mt="sm" data-testid="case-reads-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cases.reader')}</Table.Th>
                  <Table.Th scope="col">{t('cases.readAt')}</Table.Th>
                  <Table.Th scope="col">{t('cases.readPart')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reads.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.login}</Table.Td>
                    <Table.Td>{when(r.at)}</Table.Td>
                    <Table.Td>{t(`cases.parts.${r.part}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}
    </Stack>
  );
}
