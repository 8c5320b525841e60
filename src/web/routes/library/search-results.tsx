/** Search results: ranked hits with the title and an excerpt highlighted by the server. */
import { Anchor, Center, Loader, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLibrarySearch } from '../../api/library.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ServerHtml } from '../../components/server-html.tsx';
import { ItemBadges } from './item-bits.tsx';

export function SearchResults({ q }: { q: string }) {
  const { t } = useTranslation();
  const search = useLibrarySearch(q);
  if (search.isPending)
    return (
      <Center p="md">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (search.isError) return <ErrorAlert error={search.error} />;
  if (search.data.length === 0) return <Text c="dimmed">{t('library.noResults', { q })}</Text>;
  return (
    <Stack gap="sm" aria-label={t('library.results')} data-testid="search-results">
      {search.data.map((hit) => (
        <Paper key={hit.id} withBorder p="sm" data-testid="search-hit" data-item-id={hit.id}>
          <Stack gap={4}>
            <Anchor component={Link} to={`/library/items/${hit.id}`} fw={500}>
              <ServerHtml html={hit.titleHtml} />
            </Anchor>
            <ItemBadges item={hit} />
            <Text size="sm" c="dimmed">
              <ServerHtml html={hit.snippetHtml} data-testid="search-snippet" />
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
