/** One laudable deed: what, when, who, who saw it, who recorded it, and where it is published. */
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deed } from '../../../shared/schemas/deeds.ts';
import { usePublishDeed } from '../../api/deeds.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function DeedCard({ deed, showCell = false }: { deed: Deed; showCell?: boolean }) {
  const { t } = useTranslation();
  const publish = usePublishDeed();
  return (
    <Card withBorder component="article" aria-labelledby={`deed-${deed.id}`} data-testid="deed-card">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap">
          <Text fw={600} id={`deed-${deed.id}`}>
            {deed.title}
          </Text>
          <Text size="sm" c="dimmed">
            {deed.on}
            {showCell ? ` · ${deed.cellName}` : ''}
          </Text>
        </Group>
        <Text size="sm">{deed.description}</Text>
        {deed.people.length > 0 && <Text size="sm">{t('deeds.by', { names: deed.people.map((p) => p.fullName).join(', ') })}</Text>}
        {deed.witnesses && (
          <Text size="sm" c="dimmed">
            {t('deeds.witnessedBy', { witnesses: deed.witnesses })}
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          {deed.recordedBy && (
            <Text size="xs" c="dimmed">
              {t('deeds.recordedBy', { name: deed.recordedBy.name })}
            </Text>
          )}
          {deed.published && (
            <Badge variant="light" color="grape" data-testid="deed-published">
              {t('deeds.publishedTo', { name: deed.published.unitName })}
            </Badge>
          )}
        </Group>
        <ErrorAlert error={publish.error} />
        {deed.canPublish && (
          <Group justify="flex-end">
            <Button
              size="xs"
              variant={deed.published ? 'default' : 'filled'}
              loading={publish.isPending}
              onClick={() => publish.mutate({ id: deed.id, publish: !deed.published })}
              data-testid={deed.published ? 'deed-unpublish' : 'deed-publish'}
            >
              {t(deed.published ? 'deeds.unpublish' : 'deeds.publish')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
