/** A list of ideas: title (to the idea's page), status, authors, the day submitted. */
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { IdeaStatus, IdeaSummary } from '../../../shared/schemas/ideas.ts';

const COLORS: Record<IdeaStatus, string> = {
  submitted: 'gray',
  accepted: 'blue',
  rejected: 'red',
  in_trial: 'yellow',
  introduced: 'green',
  confirmed: 'teal',
  withdrawn: 'dark',
};

export function IdeaStatusBadge({ status }: { status: IdeaStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="idea-status">
      {t(`ideas.status.${status}`)}
    </Badge>
  );
}

export function IdeaList({ items, showCell = false }: { items: IdeaSummary[]; showCell?: boolean }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t('ideas.none')}</Text>;
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((i) => (
        <li key={i.id} data-testid="idea-row">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0}>
              <Anchor component={Link} to={`/ideas/${i.id}`} fw={500}>
                {i.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {showCell ? `${i.cellName} · ` : ''}
                {t('ideas.byOn', { authors: i.authors.map((a) => a.fullName).join(', '), day: i.submittedOn })}
              </Text>
            </Stack>
            <IdeaStatusBadge status={i.status} />
          </Group>
        </li>
      ))}
    </Stack>
  );
}
