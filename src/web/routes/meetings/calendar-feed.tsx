/** A secret calendar address (iCalendar) to paste into a calendar app: a cell's meetings, or all of mine. */
import { Button, CopyButton, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCalendarFeed } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function CalendarFeed({ cellId }: { cellId: number | null }) {
  const { t } = useTranslation();
  const feed = useCalendarFeed(cellId);
  const url = feed.data ? new URL(feed.data.url, window.location.origin).toString() : '';
  return (
    <Popover
      width={420}
      position="bottom-end"
      withArrow
      onOpen={() => {
        if (!feed.data && !feed.isPending) feed.mutate();
      }}
    >
      <Popover.Target>
        <Button variant="subtle" size="xs" data-testid="calendar-feed">
          {cellId ? t('calendar.cell') : t('calendar.mine')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm">{t('calendar.explain')}</Text>
          <ErrorAlert error={feed.error} />
          <Group gap="xs" wrap="nowrap">
            <TextInput
              readOnly
              value={url}
              placeholder={t('common.loading')}
              aria-label={t('calendar.address')}
              style={{ flex: 1 }}
              data-testid="calendar-url"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button size="xs" color={copied ? 'teal' : 'blue'} onClick={copy} disabled={!url}>
                  {copied ? t('calendar.copied') : t('calendar.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed">
            {t('calendar.secret')}
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
