/** All of the member's notifications, and their e-mail settings (opt-out, language). */
import { Alert, Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../shared/schemas/accounts.ts';
import {
  useAllNotifications,
  useMarkAllRead,
  useMarkRead,
  useNotificationSettings,
  useUpdateNotificationSettings,
} from '../../api/notifications.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useNotificationText } from '../../components/notification-bell.tsx';

function EmailSettings() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  const s = settings.data;
  return (
    <Card withBorder data-testid="notification-settings">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('notifications.settings.title')}
        </Title>
        <ErrorAlert error={settings.error ?? update.error} />
        {s && (
          <>
            {!s.mailEnabled && <Text c="dimmed">{t('notifications.settings.mailOff')}</Text>}
            {!s.email && <Text c="dimmed">{t('notifications.settings.noEmail')}</Text>}
            <Switch
              data-testid="email-opt-in"
              label={s.email ? t('notifications.settings.emailTo', { email: s.email }) : t('notifications.settings.email')}
              checked={!s.emailOptOut}
              disabled={update.isPending}
              onChange={(e) => update.mutate({ emailOptOut: !e.currentTarget.checked })}
            />
            <Group gap="sm">
              <Text size="sm">{t('notifications.settings.language')}</Text>
              <SegmentedControl
                size="xs"
                aria-label={t('notifications.settings.language')}
                value={s.language ?? 'org'}
                disabled={update.isPending}
                onChange={(v) => update.mutate({ emailOptOut: s.emailOptOut, language: v === 'org' ? null : (v as 'en' | 'ko') })}
                data={[
                  { value: 'org', label: t('notifications.settings.languageOrg') },
                  { value: 'en', label: <span lang="en">English</span> },
                  { value: 'ko', label: <span lang="ko">한국어</span> },
                ]}
              />
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

export function NotificationsPage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const list = useAllNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const text = useNotificationText();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2}>{t('notifications.title')}</Title>
        <Button variant="default" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <ErrorAlert error={list.error ?? markRead.error} />
      {list.data && items.length === 0 && <Alert variant="light">{t('notifications.none')}</Alert>}
      <Stack gap="xs" data-testid="notification-list">
        {items.map((n) => (
          <Card key={n.id} withBorder padding="sm" data-testid="notification-row">
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={2}>
                <Group gap="xs">
                  {!n.readAt && <Badge size="xs">{t('notifications.unread')}</Badge>}
                  <Text fw={n.readAt ? 400 : 700}>
                    {n.link ? (
                      <Anchor component={Link} to={n.link}>
                        {text(n)}
                      </Anchor>
                    ) : (
                      text(n)
                    )}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {new Date(n.createdAt).toLocaleString(i18n.language)}
                </Text>
              </Stack>
              {!n.readAt && (
                <Button size="compact-sm" variant="subtle" onClick={() => markRead.mutate(n.id)}>
                  {t('notifications.markRead')}
                </Button>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
      {list.hasNextPage && (
        <Button variant="default" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
          {t('notifications.more')}
        </Button>
      )}
      {me.person ? <EmailSettings /> : <Text c="dimmed">{t('notifications.settings.noPerson')}</Text>}
    </Stack>
  );
}
