/**
 * For a secretary: straight to the meeting whose attendance is still to record (the latest one that has
 * begun), or to scheduling one. Part of the card of each cell they run.
 */
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCellMeetings } from '../../api/meetings.ts';
import { useKindName } from '../../components/meeting-bits.tsx';
import { formatDateTime } from '../../lib/period.ts';

export function RecordShortcut({ cellId }: { cellId: number }) {
  const { t, i18n } = useTranslation();
  const meetings = useCellMeetings(cellId, 20);
  const kindName = useKindName();
  const now = Date.now();
  const begun = (meetings.data ?? []).filter((m) => new Date(m.startsAt).getTime() <= now);
  const toRecord = begun.find((m) => m.status === 'scheduled');
  const latest = toRecord ?? begun[0];
  return (
    <div data-testid="record-shortcut" data-cell-id={cellId}>
      <Text size="sm" c="dimmed" mb="xs">
        {latest
          ? t(toRecord ? 'home.toRecord' : 'home.lastRecorded', {
              kind: kindName(latest.kind),
              when: formatDateTime(latest.startsAt, i18n.language),
            })
          : t('home.noMeetingYet')}
      </Text>
      <Group gap="xs">
        {latest && (
          <Button component={Link} to={`/meetings/${latest.id}`} size="xs" data-testid="record-latest">
            {toRecord ? t('home.recordAttendance') : t('home.openLatest')}
          </Button>
        )}
        <Button component={Link} to={`/units/${cellId}?tab=meetings`} size="xs" variant="default">
          {t('home.meetings')}
        </Button>
      </Group>
    </div>
  );
}
