/**
 * Integrity cases (task 10): a member reports conduct in a role and follows their reports; handlers see
 * the cases of their committees; a subject, once notified, the cases about them. Nobody else sees any.
 */
import { Anchor, Button, Card, Chip, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../shared/schemas/accounts.ts';
import { CASE_WAITING_ON, type CaseWaitingOn } from '../../../shared/schemas/cases.ts';
import { useCaseList, useMyReports } from '../../api/cases.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate } from '../../lib/period.ts';
import { CaseStatusBadge } from './case-bits.tsx';
import { ReportModal } from './report-modal.tsx';

export function CasesPage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const [reporting, setReporting] = useState(false);
  const mine = useMyReports();
  const cases = useCaseList();
  const [waiting, setWaiting] = useState<CaseWaitingOn | 'all'>('all');
  const items = cases.data?.items ?? [];
  const counts = new Map(CASE_WAITING_ON.map((w) => [w, items.filter((c) => c.waitingOn === w).length]));
  const shown = waiting === 'all' ? items : items.filter((c) => c.waitingOn === waiting);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('cases.title')}</Title>
        {me.person && (
          <Button onClick={() => setReporting(true)} data-testid="case-report">
            {t('cases.report')}
          </Button>
        )}
      </Group>
      <Text c="dimmed">{t('cases.intro')}</Text>
      <ErrorAlert error={mine.error ?? cases.error} />
      {(cases.data?.items.length ?? 0) > 0 && (
        <Card withBorder component="section" aria-labelledby="cases-handled">
          <Title order={3} size="h4" id="cases-handled" mb="sm">
            {t('cases.casesHeading')}
          </Title>
          {/* The handlers' work at a glance: how many cases wait on each step; a chip narrows the list to them. */}
          <Chip.Group multiple={false} value={waiting} onChange={(v) => setWaiting(v as CaseWaitingOn | 'all')}>
            <Group gap="xs" mb="sm" data-testid="case-waiting">
              <Chip value="all" size="sm">
                {t('cases.waitingAll', { count: items.length })}
              </Chip>
              {CASE_WAITING_ON.filter((w) => (counts.get(w) ?? 0) > 0).map((w) => (
                <Chip key={w} value={w} size="sm">
                  {t(`cases.waitingOn.${w}`)} · {counts.get(w)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <Table data-testid="case-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.subject')}</Table.Th>
                <Table.Th scope="col">{t('cases.category')}</Table.Th>
                <Table.Th scope="col">{t('cases.statusLabel')}</Table.Th>
                <Table.Th scope="col">{t('cases.committee')}</Table.Th>
                <Table.Th scope="col">{t('cases.received')}</Table.Th>
                <Table.Th scope="col">{t('cases.waitingHeading')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${c.id}`}>
                      {c.subjectName}
                    </Anchor>
                    {c.viewerRole === 'subject' && (
                      <Text size="xs" c="dimmed">
                        {t('cases.aboutYou')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`cases.categories.${c.category}`)}</Table.Td>
                  <Table.Td>
                    <CaseStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td>{c.handlingUnit.name}</Table.Td>
                  <Table.Td>{formatDate(c.receivedAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    {c.waitingOn ? t(`cases.waitingOn.${c.waitingOn}`) : '—'}
                    {c.dueAt && (
                      <Text size="xs" c="dimmed">
                        {t('cases.dueBy', { day: formatDate(c.dueAt, i18n.language) })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {me.person && (
        <Card withBorder component="section" aria-labelledby="my-reports">
          <Title order={3} size="h4" id="my-reports" mb="sm">
            {t('cases.myReports')}
          </Title>
          {mine.data?.items.length === 0 ? (
            <Text c="dimmed">{t('cases.noReports')}</Text>
          ) : (
            <Table data-testid="my-reports">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cases.subject')}</Table.Th>
                  <Table.Th scope="col">{t('cases.category')}</Table.Th>
                  <Table.Th scope="col">{t('cases.statusLabel')}</Table.Th>
                  <Table.Th scope="col">{t('cases.received')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mine.data?.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.subjectName}</Table.Td>
                    <Table.Td>{t(`cases.categories.${r.category}`)}</Table.Td>
                    <Table.Td>
                      <CaseStatusBadge status={r.status} />
                    </Table.Td>
                    <Table.Td>{formatDate(r.receivedAt, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}
      <ReportModal opened={reporting} onClose={() => setReporting(false)} />
    </Stack>
  );
}
