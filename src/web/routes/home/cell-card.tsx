/**
 * One card per cell the person is on the roll of: its next meetings, and for its secretary (or
 * deputy) what to do now: the meeting to record, what the cell still misses this month against the
 * rulebook, the members to follow up and this month's report.
 */
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../shared/schemas/accounts.ts';
import type { MyMeetings } from '../../../shared/schemas/home.ts';
import { RoleBadge } from '../../components/badges.tsx';
import { useKindName } from '../../components/meeting-bits.tsx';
import { formatDateTime } from '../../lib/period.ts';
import { RecordShortcut } from './record-shortcut.tsx';
import { SecretaryMonth } from './secretary-month.tsx';

type Cell = Me['cells'][number];

function NextMeetings({ meetings }: { meetings: MyMeetings['items'] }) {
  const { t, i18n } = useTranslation();
  const kindName = useKindName();
  if (meetings.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="no-next-meeting">
        {t('roleHome.noNextMeetings')}
      </Text>
    );
  return (
    <Stack gap={4}>
      {meetings.map((m) => (
        <Group key={m.id} gap="xs" data-testid="home-next-meeting" data-meeting-id={m.id}>
          <Anchor component={Link} to={`/meetings/${m.id}`} size="sm">
            {formatDateTime(m.startsAt, i18n.language)}
          </Anchor>
          <Text size="sm">
            {kindName(m.kind)}
            {m.title ? ` · ${m.title}` : ''}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export function CellCard({ cell, meetings }: { cell: Cell; meetings: MyMeetings['items'] }) {
  const { t } = useTranslation();
  const runs = cell.role === 'secretary' || cell.role === 'deputy_secretary';
  return (
    <Card withBorder component="section" aria-labelledby={`home-cell-${cell.id}`} data-testid="home-cell" data-cell-id={cell.id}>
      <Group gap="xs" mb="sm">
        <Title order={3} size="h4" id={`home-cell-${cell.id}`}>
          <Anchor component={Link} to={`/units/${cell.id}`} inherit data-testid="cell-link">
            {cell.name}
          </Anchor>
        </Title>
        <RoleBadge role={cell.role} />
      </Group>
      <Stack gap="md">
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('roleHome.nextMeetings')}
          </Text>
          <NextMeetings meetings={meetings} />
        </div>
        {runs && <RecordShortcut cellId={cell.id} />}
        {runs && <SecretaryMonth cellId={cell.id} />}
      </Stack>
    </Card>
  );
}
