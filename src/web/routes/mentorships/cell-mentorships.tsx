/**
 * A cell's mentorships and youth work (issue 13): the counts for the month, the pairs (each opens its
 * page with the log), pairing a mentor with a mentee, and the youth groups.
 */
import { Anchor, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Unit } from '../../../shared/schemas/units.ts';
import { useCellMentorships } from '../../api/mentorships.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { MentorshipCounts } from './mentorship-counts.tsx';
import { PairModal } from './pair-modal.tsx';
import { YouthGroups } from './youth-groups.tsx';

export function CellMentorships({ unit, period, onPeriod }: { unit: Unit; period: string; onPeriod: (p: string) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'active' | 'ended' | 'all'>('active');
  const list = useCellMentorships(unit.id, status);
  const [pairing, setPairing] = useState(false);
  return (
    <Stack gap="xl">
      <MentorshipCounts unit={unit} period={period} onPeriod={onPeriod} />
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4">
            {t('mentorships.title')}
          </Title>
          <Group wrap="wrap">
            <SegmentedControl
              aria-label={t('mentorships.filter')}
              value={status}
              onChange={(v) => setStatus(v as typeof status)}
              data={(['active', 'ended', 'all'] as const).map((s) => ({ value: s, label: t(`mentorships.status.${s}`) }))}
            />
            {unit.canManage && (
              <Button onClick={() => setPairing(true)} data-testid="pair-open">
                {t('mentorships.pairTitle')}
              </Button>
            )}
          </Group>
        </Group>
        <ErrorAlert error={list.error} />
        {list.data?.length === 0 && <Text c="dimmed">{t('mentorships.none')}</Text>}
        {(list.data?.length ?? 0) > 0 && (
          <Table.ScrollContainer minWidth={520}>
            <Table striped data-testid="mentorship-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('mentorships.mentor')}</Table.Th>
                  <Table.Th>{t('mentorships.mentee')}</Table.Th>
                  <Table.Th>{t('mentorships.kind')}</Table.Th>
                  <Table.Th>{t('mentorships.since')}</Table.Th>
                  <Table.Th>{t('mentorships.lastMet')}</Table.Th>
                  <Table.Th>{t('mentorships.outcome')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(list.data ?? []).map((m) => (
                  <Table.Tr key={m.id} data-testid="mentorship-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/mentorships/${m.id}`}>
                        {m.mentor.fullName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {m.mentee.fullName}
                      {m.menteeCell && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          · {m.menteeCell.name}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`mentorships.kinds.${m.kind}`)}</Table.Td>
                    <Table.Td>{m.startedOn}</Table.Td>
                    <Table.Td>{m.lastMetOn ?? '—'}</Table.Td>
                    <Table.Td>{m.outcome ? t(`mentorships.outcomes.${m.outcome}`) : t('mentorships.status.active')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <YouthGroups cellId={unit.id} canManage={unit.canManage} />
      {unit.canManage && <PairModal cellId={unit.id} opened={pairing} onClose={() => setPairing(false)} />}
    </Stack>
  );
}
