/** A cell's meetings, newest first, with the schedule form and the cell's calendar feed. */
import { Anchor, Button, Center, Group, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Unit } from '../../../shared/schemas/units.ts';
import { useCellMeetings } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { MeetingStatusBadge, useKindName } from '../../components/meeting-bits.tsx';
import { formatDateTime } from '../../lib/period.ts';
import { CalendarFeed } from './calendar-feed.tsx';
import { ScheduleMeetingForm } from './schedule-meeting-form.tsx';

export function CellMeetings({ unit }: { unit: Unit }) {
  const { t, i18n } = useTranslation();
  const meetings = useCellMeetings(unit.id);
  const kindName = useKindName();
  const [scheduling, schedule] = useDisclosure(false);
  const rows = meetings.data ?? [];

  return (
    <section aria-labelledby="meetings-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="meetings-title">
          {t('meeting.list')}
        </Title>
        <Group gap="xs">
          <CalendarFeed cellId={unit.id} />
          {unit.canManage && !unit.closedOn && !scheduling && (
            <Button size="xs" onClick={schedule.open} data-testid="schedule-meeting">
              {t('meeting.schedule')}
            </Button>
          )}
        </Group>
      </Group>
      {scheduling && (
        <Paper withBorder p="sm" mb="sm">
          <ScheduleMeetingForm cellId={unit.id} onDone={schedule.close} />
        </Paper>
      )}
      <ErrorAlert error={meetings.error} />
      <Table.ScrollContainer minWidth={520}>
        <Table striped highlightOnHover aria-labelledby="meetings-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('meeting.when')}</Table.Th>
              <Table.Th scope="col">{t('meeting.kind')}</Table.Th>
              <Table.Th scope="col">{t('meeting.status')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('meeting.attendance')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m) => (
              <Table.Tr key={m.id} data-testid="meeting-row" data-meeting-id={m.id} data-kind={m.kind} data-status={m.status}>
                <Table.Td>
                  <Anchor component={Link} to={`/meetings/${m.id}`}>
                    {formatDateTime(m.startsAt, i18n.language)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {kindName(m.kind)}
                  {m.title ? (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      · {m.title}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <MeetingStatusBadge status={m.status} />
                </Table.Td>
                <Table.Td ta="right">{m.status === 'held' ? `${m.present} / ${m.expected}` : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {meetings.isPending && (
        <Center p="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {!meetings.isPending && rows.length === 0 && (
        <Text c="dimmed" p="sm">
          {t('meeting.none')}
        </Text>
      )}
    </section>
  );
}
