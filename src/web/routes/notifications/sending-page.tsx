/** Administrators: how mail and webhooks are going (queued, sent, failed, why), and the webhook endpoints. */
import { Alert, Badge, Button, Card, Code, Group, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SendingState } from '../../../shared/schemas/notifications.ts';
import {
  useCreateWebhook,
  useDeleteWebhook,
  useRetryFailed,
  useSendingState,
  useUpdateWebhook,
  useWebhooks,
} from '../../api/notifications.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

type Channel = SendingState['mail'] | SendingState['webhooks'];

function ChannelCard({ title, channel, note }: { title: 'mail' | 'webhooks'; channel: Channel; note?: string }) {
  const { t, i18n } = useTranslation();
  const retry = useRetryFailed();
  const figures = [
    ['queued', channel.queued + channel.sending],
    ['sent', channel.sent],
    ['failed', channel.failed],
  ] as const;
  return (
    <Card withBorder data-testid={`sending-${title}`}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t(`notifications.sending.${title}`)}
        </Title>
        {note && <Text c="dimmed">{note}</Text>}
        <Group gap="lg">
          {figures.map(([key, n]) => (
            <Stack key={key} gap={0}>
              <Text size="xl" fw={700} data-testid={`${title}-${key}`} c={key === 'failed' && n > 0 ? 'red' : undefined}>
                {n}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`notifications.sending.${key}`)}
              </Text>
            </Stack>
          ))}
        </Group>
        {channel.failed > 0 && (
          <Group>
            <Button
              size="compact-sm"
              variant="light"
              loading={retry.isPending}
              onClick={() => retry.mutate(title)}
              data-testid={`${title}-retry`}
            >
              {t('notifications.sending.retry')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={retry.error} />
        {channel.nextAttemptAt && (
          <Text size="sm">
            {t('notifications.sending.nextAttempt', { when: new Date(channel.nextAttemptAt).toLocaleString(i18n.language) })}
          </Text>
        )}
        {channel.lastErrors.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('notifications.sending.lastErrors')}
            </Text>
            {channel.lastErrors.slice(0, 5).map((e) => (
              <Text key={e.id} size="xs">
                <Badge size="xs" color={e.state === 'failed' ? 'red' : 'yellow'} mr={4}>
                  {t(`notifications.sending.state.${e.state}`, { defaultValue: e.state })}
                </Badge>
                {new Date(e.at).toLocaleString(i18n.language)} · {t('notifications.sending.attempts', { count: e.attempts })} ·{' '}
                <Code>{e.error}</Code>
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function AddWebhook({ onSecret }: { onSecret: (secret: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateWebhook();
  const [url, setUrl] = useState('');
  const [kinds, setKinds] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const eventKinds = kinds
          .split(/[\s,]+/)
          .map((k) => k.trim())
          .filter(Boolean);
        create.mutate(
          { url, eventKinds },
          {
            onSuccess: (w) => {
              onSecret(w.secret);
              setUrl('');
              setKinds('');
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Group align="end">
          <TextInput
            label={t('notifications.webhooks.url')}
            placeholder="https://"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            required
            w={360}
          />
          <TextInput
            label={t('notifications.webhooks.kinds')}
            description={t('notifications.webhooks.kindsHint')}
            value={kinds}
            onChange={(e) => setKinds(e.currentTarget.value)}
            w={260}
          />
          <Button type="submit" loading={create.isPending}>
            {t('notifications.webhooks.add')}
          </Button>
        </Group>
        <ErrorAlert error={create.error} />
      </Stack>
    </form>
  );
}

export function SendingPage() {
  const { t } = useTranslation();
  const state = useSendingState();
  const hooks = useWebhooks();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <Stack gap="lg">
      <Title order={2}>{t('notifications.sending.title')}</Title>
      <ErrorAlert error={state.error} />
      {state.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ChannelCard
            title="mail"
            channel={state.data.mail}
            note={state.data.mail.enabled ? undefined : t('notifications.sending.mailOff')}
          />
          <ChannelCard title="webhooks" channel={state.data.webhooks} />
        </SimpleGrid>
      )}
      <Title order={3}>{t('notifications.webhooks.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('notifications.webhooks.explain')}
      </Text>
      {secret && (
        <Alert
          color="yellow"
          title={t('notifications.webhooks.secretOnce')}
          withCloseButton
          onClose={() => setSecret(null)}
          data-testid="webhook-secret"
        >
          <Code>{secret}</Code>
        </Alert>
      )}
      <AddWebhook onSecret={setSecret} />
      <ErrorAlert error={hooks.error ?? update.error ?? remove.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('notifications.webhooks.url')}</Table.Th>
              <Table.Th>{t('notifications.webhooks.kinds')}</Table.Th>
              <Table.Th>{t('notifications.webhooks.enabled')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {hooks.data?.items.map((w) => (
              <Table.Tr key={w.id} data-testid="webhook-row">
                <Table.Td>
                  <Code>{w.url}</Code>
                </Table.Td>
                <Table.Td>{w.eventKinds.length ? w.eventKinds.join(', ') : t('notifications.webhooks.allKinds')}</Table.Td>
                <Table.Td>
                  <Switch
                    checked={w.enabled}
                    aria-label={t('notifications.webhooks.enabled')}
                    onChange={(e) => update.mutate({ id: w.id, enabled: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="end">
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() =>
                        update.mutate({ id: w.id, rotateSecret: true }, { onSuccess: (r) => 'secret' in r && setSecret(r.secret) })
                      }
                    >
                      {t('notifications.webhooks.rotate')}
                    </Button>
                    <Button size="compact-sm" color="red" variant="light" onClick={() => remove.mutate(w.id)}>
                      {t('notifications.webhooks.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {hooks.data?.items.length === 0 && <Text c="dimmed">{t('notifications.webhooks.none')}</Text>}
    </Stack>
  );
}
