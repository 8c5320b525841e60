/**
 * The place on every home for what the person must acknowledge: the directives sent to them that they
 * have neither acknowledged nor been briefed on, newest first, with the way to their inbox.
 */
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MyHome } from '../../../shared/schemas/home.ts';

/** `items`: the directives still to acknowledge, from the home request. */
export function AcknowledgeCard({ items }: { items: MyHome['directivesToAcknowledge'] | undefined }) {
  const { t } = useTranslation();
  const unread = items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="home-acknowledge" data-testid="home-acknowledge">
      <Title order={3} size="h4" id="home-acknowledge" mb="xs">
        {t('roleHome.acknowledge')}
      </Title>
      {unread.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('roleHome.nothingToAcknowledge')}
        </Text>
      ) : (
        <Stack gap={4}>
          {unread.slice(0, 5).map((d) => (
            <Anchor key={d.id} component={Link} to={`/directives/${d.id}`} size="sm">
              {d.title}
            </Anchor>
          ))}
          <Anchor component={Link} to="/inbox" size="sm" c="dimmed">
            {t('directives.inbox')}
          </Anchor>
        </Stack>
      )}
    </Card>
  );
}
