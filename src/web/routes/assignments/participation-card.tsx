/**
 * Officials' participation beside everyone's in the committee's subtree for the month (issue 12: no
 * exceptions): attendance, the share with an active assignment, the share of due assignments
 * evaluated and the mean score, in two columns.
 */
import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipationFigures } from '../../../shared/schemas/assignments.ts';
import { useParticipation } from '../../api/assignments.ts';
import { isNotFound } from '../../api/client.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

const share = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)} %`);
const mean = (v: number | null) => (v === null ? '–' : v.toFixed(1));

type Line = { key: string; value: (f: ParticipationFigures) => string };
const LINES: Line[] = [
  { key: 'people', value: (f) => String(f.people) },
  { key: 'attendance', value: (f) => share(f.attendanceRate) },
  { key: 'active', value: (f) => share(f.activeShare) },
  { key: 'evaluated', value: (f) => share(f.evaluatedShare) },
  { key: 'meanScore', value: (f) => mean(f.meanScore) },
];

export function ParticipationCard({ unitId, period }: { unitId: number; period: string }) {
  const { t } = useTranslation();
  const q = useParticipation(unitId, period);
  if (isNotFound(q.error)) return null;
  return (
    <Card withBorder component="section" aria-labelledby="participation-title" data-testid="participation">
      <Title order={3} size="h4" id="participation-title" mb="xs">
        {t('participation.title')}
      </Title>
      <ErrorAlert error={q.error} />
      {q.data && (
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('participation.figure')}</Table.Th>
                <Table.Th scope="col">{t('participation.officials')}</Table.Th>
                <Table.Th scope="col">{t('participation.all')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {LINES.map((l) => (
                <Table.Tr key={l.key} data-testid={`participation-${l.key}`}>
                  <Table.Th scope="row">{t(`participation.${l.key}`)}</Table.Th>
                  <Table.Td>{l.value(q.data.officials)}</Table.Td>
                  <Table.Td>{l.value(q.data.all)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('participation.note')}
      </Text>
    </Card>
  );
}
