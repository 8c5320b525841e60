/** The header's bell: the unread count, the newest notifications (unread first), mark read, a link to all. */
import { ActionIcon, Badge, Button, Group, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Notification } from '../../shared/schemas/notifications.ts';
import { useMarkAllRead, useMarkRead, useNotifications } from '../api/notifications.ts';

/** A notification's sentence in the reader's language, from its i18n key and params. */
export function useNotificationText() {
  const { t } = useTranslation();
  return (n: Notification) => t(n.payload.key, { ...n.payload.params, defaultValue: t('notifications.kinds.unknown') });
}

function BellIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const list = useNotifications(8);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const navigate = useNavigate();
  const text = useNotificationText();
  const unread = list.data?.unread ?? 0;
  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) navigate(n.link);
  };
  return (
    <Menu position="bottom-end" width={340} withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          size="lg"
          pos="relative"
          style={{ overflow: 'visible' }}
          data-testid="notification-bell"
          aria-label={t('notifications.bell', { count: unread })}
        >
          <BellIcon />
          {unread > 0 && (
            <Badge component="span" size="xs" color="red" circle pos="absolute" top={-2} right={-4} aria-hidden="true">
              {unread > 99 ? '99+' : unread}
            </Badge>
          )}
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown data-testid="notification-menu">
        <Group justify="space-between" px="xs" py={4}>
          <Text size="sm" fw={600}>
            {t('notifications.title')}
          </Text>
          {unread > 0 && (
            <Button variant="subtle" size="compact-xs" loading={markAll.isPending} onClick={() => markAll.mutate()}>
              {t('notifications.markAllRead')}
            </Button>
          )}
        </Group>
        <Menu.Divider />
        {list.data?.items.length === 0 && (
          <Text size="sm" c="dimmed" px="xs" py="sm">
            {t('notifications.none')}
          </Text>
        )}
        {list.data?.items.map((n) => (
          <Menu.Item key={n.id} onClick={() => open(n)} data-testid="notification-item" data-unread={n.readAt ? undefined : 'true'}>
            <Text size="sm" fw={n.readAt ? 400 : 700}>
              {text(n)}
            </Text>
            <Text size="xs" c="dimmed">
              {new Date(n.createdAt).toLocaleString(i18n.language)}
            </Text>
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item component={Link} to="/notifications" data-testid="notifications-link">
          <Text size="sm" c="blue">
            {t('notifications.seeAllAndSettings')}
          </Text>
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
