/** The member's directives: unread first; each opens to its text and the "I have read and understood" button. */
import { Anchor, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMyDirectives } from '../../api/directives.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function InboxPage() {
  const { t, i18n } = useTranslation();
  const inbox = useMyDirectives();
  const day = (iso: string) => new Date(iso).toLocaleDateString(i18n.language);
  return (
    <Stack>
      <Title order={2}>{t('directives.inbox')}</Title>
      <ErrorAlert error={inbox.error} />
      {inbox.isPending && <Loader aria-label={t('common.loading')} />}
      {inbox.data?.length === 0 && <Text>{t('directives.inboxEmpty')}</Text>}
      <Stack gap="xs" data-testid="inbox">
        {inbox.data?.map((d) => {
          const unread = d.acknowledgedAt === null && d.briefedOn === null && d.status === 'published';
          return (
            <Card key={`${d.id}-${d.round}`} withBorder padding="sm" data-testid="inbox-item" data-unread={unread}>
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={2}>
                  <Anchor component={Link} to={`/directives/${d.id}`} fw={unread ? 700 : 400}>
                    {d.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {d.issuingUnit.name} · {day(d.deliveredAt)}
                    {d.deadlineOn ? ` · ${t('directives.acknowledgeBy', { date: d.deadlineOn })}` : ''}
                  </Text>
                </Stack>
                {d.status === 'withdrawn' ? (
                  <Badge color="red" variant="light">
                    {t('directives.status.withdrawn')}
                  </Badge>
                ) : d.acknowledgedAt ? (
                  <Badge color="green" variant="light">
                    {t('directives.acknowledged')}
                  </Badge>
                ) : d.briefedOn ? (
                  <Badge color="teal" variant="light">
                    {t('directives.briefedInPerson')}
                  </Badge>
                ) : (
                  <Badge color="orange" variant="light">
                    {t('directives.unread')}
                  </Badge>
                )}
              </Group>
            </Card>
          );
        })}
      </Stack>
    </Stack>
  );
}
