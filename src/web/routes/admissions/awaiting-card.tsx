/** The official's home card: nominations voted by cells below them, awaiting their committee's decision. */
import { Anchor, Button, Card, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAwaitingNominations } from '../../api/admissions.ts';

export function AwaitingDecisionCard() {
  const { t } = useTranslation();
  const q = useAwaitingNominations(true);
  const items = (q.data?.pages ?? []).flatMap((p) => p.items);
  if (items.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="home-awaiting" data-testid="awaiting-decisions">
      <Title order={3} size="h4" id="home-awaiting" mb="xs">
        {t('admissions.awaiting')}
      </Title>
      <List listStyleType="none" spacing="xs">
        {items.map((n) => (
          <List.Item key={n.id}>
            <Anchor component={Link} to={`/nominations/${n.id}`} data-testid="awaiting-link">
              {n.fullName}
            </Anchor>
            <Text size="xs" c="dimmed">
              {n.cellName} · {t(`admissions.kinds.${n.kind}`)} · {t('admissions.votedOn', { date: n.votedOn })}
            </Text>
          </List.Item>
        ))}
      </List>
      {q.hasNextPage && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Card>
  );
}
