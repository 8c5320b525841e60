/**
 * Mentorships and youth work counted for a month: a cell's own figures, a committee's summed over its
 * cells (read pre-aggregated), and each child's to drill down (a link to the child's own tab).
 */
import { Anchor, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MentorshipFigures } from '../../../shared/schemas/mentorships.ts';
import type { Unit } from '../../../shared/schemas/units.ts';
import { useMentorshipCounts } from '../../api/mentorships.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PeriodPicker } from '../../components/period-picker.tsx';

const SHOWN = ['active', 'across', 'meetings', 'reviews', 'candidatesMentored', 'youthGroupsAssigned'] as const;

function figure(f: MentorshipFigures, key: (typeof SHOWN)[number]): string {
  if (key === 'candidatesMentored') return `${f.candidatesMentored} / ${f.candidates}`;
  if (key === 'youthGroupsAssigned') return `${f.youthGroupsAssigned} / ${f.youthGroups}`;
  return String(f[key]);
}

export function MentorshipCounts({ unit, period, onPeriod }: { unit: Unit; period: string; onPeriod: (p: string) => void }) {
  const { t } = useTranslation();
  const counts = useMentorshipCounts(unit.id, period);
  const f = counts.data?.figures;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h4">
          {t('mentorships.counts')}
        </Title>
        <PeriodPicker value={period} onChange={onPeriod} />
      </Group>
      <ErrorAlert error={counts.error} />
      {f && (
        <SimpleGrid cols={{ base: 2, sm: 3 }} data-testid="mentorship-figures">
          {SHOWN.map((k) => (
            <div key={k}>
              <Text size="xl" fw={700} data-testid={`figure-${k}`}>
                {figure(f, k)}
              </Text>
              <Text size="sm" c="dimmed">
                {t(`mentorships.figures.${k}`)}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      )}
      {(counts.data?.children.length ?? 0) > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table striped data-testid="mentorship-children">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mentorships.unit')}</Table.Th>
                {SHOWN.map((k) => (
                  <Table.Th key={k}>{t(`mentorships.figures.${k}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {counts.data!.children.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/units/${c.id}?tab=mentorships&period=${period}`}>
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  {SHOWN.map((k) => (
                    <Table.Td key={k}>{figure(c.figures, k)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
