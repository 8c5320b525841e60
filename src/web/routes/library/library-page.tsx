/** The study library: search, the charter and documents, the newspaper, reading lists for my cell, my reading log. */
import { Anchor, Button, Center, Group, Loader, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Me } from '../../../shared/schemas/accounts.ts';
import { useIssues, useLibraryItemPages, useLibraryItems } from '../../api/library.ts';
import { isCentralAdmin } from '../../components/app-layout.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate } from '../../lib/period.ts';
import { AddDocumentModal, AddIssueModal } from './add-content.tsx';
import { ItemLine } from './item-bits.tsx';
import { MyReadingLog } from './my-reading-log.tsx';
import { ReadingListsSection } from './reading-lists.tsx';
import { SearchResults } from './search-results.tsx';

const TABS = ['documents', 'newspaper', 'lists', 'log'] as const;
type Tab = (typeof TABS)[number];

export function LibraryPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'documents';
  const [typed, setTyped] = useState(q);
  const [debounced] = useDebouncedValue(typed, 300);
  useEffect(() => {
    if (debounced.trim() === q) return;
    setParams(
      (p) => {
        if (debounced.trim()) p.set('q', debounced.trim());
        else p.delete('q');
        return p;
      },
      { replace: true },
    );
  }, [debounced, q, setParams]);
  const [docOpen, doc] = useDisclosure(false);
  const [issueOpen, issue] = useDisclosure(false);
  const admin = isCentralAdmin(me);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('library.title')}</Title>
        {admin && (
          <Group gap="xs">
            <Button variant="default" onClick={doc.open} data-testid="add-document">
              {t('library.addDocument')}
            </Button>
            <Button variant="default" onClick={issue.open} data-testid="add-issue">
              {t('library.addIssue')}
            </Button>
          </Group>
        )}
      </Group>
      <TextInput
        type="search"
        label={t('library.search')}
        placeholder={t('library.searchPlaceholder')}
        value={typed}
        onChange={(e) => setTyped(e.currentTarget.value)}
        maxLength={200}
        data-testid="library-search"
      />
      {q ? (
        <SearchResults q={q} />
      ) : (
        <Tabs
          value={tab}
          onChange={(v) =>
            setParams((p) => {
              p.set('tab', v ?? 'documents');
              return p;
            })
          }
        >
          <Tabs.List>
            <Tabs.Tab value="documents">{t('library.tabs.documents')}</Tabs.Tab>
            <Tabs.Tab value="newspaper">{t('library.tabs.newspaper')}</Tabs.Tab>
            <Tabs.Tab value="lists" data-testid="tab-lists">
              {t('library.tabs.lists')}
            </Tabs.Tab>
            {me.person && (
              <Tabs.Tab value="log" data-testid="tab-log">
                {t('library.tabs.log')}
              </Tabs.Tab>
            )}
          </Tabs.List>
          <Tabs.Panel value="documents" pt="md">
            {tab === 'documents' && <Documents />}
          </Tabs.Panel>
          <Tabs.Panel value="newspaper" pt="md">
            {tab === 'newspaper' && <Newspaper />}
          </Tabs.Panel>
          <Tabs.Panel value="lists" pt="md">
            {tab === 'lists' && <ReadingListsSection me={me} />}
          </Tabs.Panel>
          <Tabs.Panel value="log" pt="md">
            {tab === 'log' && me.person && <MyReadingLog />}
          </Tabs.Panel>
        </Tabs>
      )}
      {admin && <AddDocumentModal opened={docOpen} onClose={doc.close} />}
      {admin && <AddIssueModal opened={issueOpen} onClose={issue.close} />}
    </Stack>
  );
}

function Documents() {
  const { t } = useTranslation();
  const charter = useLibraryItems('charter');
  const documents = useLibraryItemPages('document');
  if (charter.isPending || documents.isPending) return <Loading />;
  if (charter.isError || documents.isError) return <ErrorAlert error={charter.error ?? documents.error} />;
  return (
    <Stack gap="md">
      <section aria-labelledby="charter-title">
        <Title order={3} size="h4" id="charter-title" mb="xs">
          {t('library.charter')}
        </Title>
        {charter.data.items.length === 0 ? (
          <Text c="dimmed">{t('library.noCharter')}</Text>
        ) : (
          <Stack gap="xs">
            {charter.data.items.map((i) => (
              <ItemLine key={i.id} item={i} />
            ))}
          </Stack>
        )}
      </section>
      <section aria-labelledby="documents-title">
        <Title order={3} size="h4" id="documents-title" mb="xs">
          {t('library.documents')}
        </Title>
        {documents.data.pages[0]?.items.length === 0 ? (
          <Text c="dimmed">{t('library.noDocuments')}</Text>
        ) : (
          <Stack gap="xs">
            {documents.data.pages
              .flatMap((p) => p.items)
              .map((i) => (
                <ItemLine key={i.id} item={i} />
              ))}
            {documents.hasNextPage && (
              <Button variant="default" w="fit-content" loading={documents.isFetchingNextPage} onClick={() => documents.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            )}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

function Newspaper() {
  const { t, i18n } = useTranslation();
  const issues = useIssues();
  const editorials = useLibraryItems('article', true);
  if (issues.isPending || editorials.isPending) return <Loading />;
  if (issues.isError || editorials.isError) return <ErrorAlert error={issues.error ?? editorials.error} />;
  return (
    <Stack gap="md">
      <section aria-labelledby="issues-title">
        <Title order={3} size="h4" id="issues-title" mb="xs">
          {t('library.issues')}
        </Title>
        {issues.data.length === 0 ? (
          <Text c="dimmed">{t('library.noIssues')}</Text>
        ) : (
          <Stack gap={4}>
            {issues.data.map((i) => (
              <Group key={i.id} gap="xs">
                <Anchor component={Link} to={`/library/issues/${i.id}`} data-testid="issue-link">
                  {i.title}
                  {i.issueNo ? ` · ${i.issueNo}` : ''}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {formatDate(i.issuedOn, i18n.language)} · {t('library.articleCount', { count: i.articleCount })}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </section>
      <section aria-labelledby="editorials-title">
        <Title order={3} size="h4" id="editorials-title" mb="xs">
          {t('library.editorials')}
        </Title>
        <Stack gap="xs">
          {editorials.data.items.map((i) => (
            <ItemLine key={i.id} item={i} />
          ))}
        </Stack>
      </section>
    </Stack>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center p="md">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
