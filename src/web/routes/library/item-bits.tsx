/** Small pieces the library's pages share: an item's line in a list, its badges. */
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ItemSummary } from '../../../shared/schemas/library.ts';
import { formatDate } from '../../lib/period.ts';

export function ItemBadges({ item }: { item: Pick<ItemSummary, 'kind' | 'editorial' | 'publishedAt'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge variant="light" color={item.kind === 'charter' ? 'red' : item.kind === 'article' ? 'blue' : 'gray'}>
        {t(`library.kind.${item.kind}`)}
      </Badge>
      {item.editorial && (
        <Badge variant="filled" color="orange" data-testid="editorial-badge">
          {t('library.editorial')}
        </Badge>
      )}
      {item.publishedAt === null && <Badge color="yellow">{t('library.draft')}</Badge>}
    </Group>
  );
}

/** One item: its title as a link, its badges, and where it appeared (the newspaper's issue). */
export function ItemLine({ item }: { item: ItemSummary }) {
  const { i18n } = useTranslation();
  return (
    <Stack gap={2} data-testid="library-item" data-item-id={item.id}>
      <Group gap="xs" wrap="wrap">
        <Anchor component={Link} to={`/library/items/${item.id}`} fw={500}>
          {item.title}
        </Anchor>
        <ItemBadges item={item} />
      </Group>
      {item.issue && (
        <Text size="xs" c="dimmed">
          {item.issue.title}
          {item.issue.issueNo ? ` · ${item.issue.issueNo}` : ''} · {formatDate(item.issue.issuedOn, i18n.language)}
        </Text>
      )}
    </Stack>
  );
}
