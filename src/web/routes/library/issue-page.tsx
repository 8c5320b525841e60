/** A newspaper issue: its articles, the editorial first; administrators add articles here. */
import { Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Me } from '../../../shared/schemas/accounts.ts';
import { isNotFound } from '../../api/client.ts';
import { useIssue } from '../../api/library.ts';
import { isCentralAdmin } from '../../components/app-layout.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { usePageTitle } from '../../components/page-title.tsx';
import { formatDate } from '../../lib/period.ts';
import { AddArticleModal } from './add-content.tsx';
import { ItemLine } from './item-bits.tsx';
import { Loading } from './library-page.tsx';

export function IssuePage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const issue = useIssue(Number.isInteger(id) ? id : 0);
  const [open, modal] = useDisclosure(false);
  usePageTitle(issue.data?.title ?? null);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (issue.isPending) return <Loading />;
  if (issue.isError) return isNotFound(issue.error) ? <NotFoundPage /> : <ErrorAlert error={issue.error} />;
  const i = issue.data;
  return (
    <Stack gap="md">
      <nav aria-label={t('unit.breadcrumb')}>
        <Breadcrumbs separator="›">
          <Anchor component={Link} to="/library?tab=newspaper" size="sm">
            {t('library.title')}
          </Anchor>
          <Text size="sm" aria-current="page">
            {i.title}
          </Text>
        </Breadcrumbs>
      </nav>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Title order={2}>
            {i.title}
            {i.issueNo ? ` · ${i.issueNo}` : ''}
          </Title>
          <Text size="sm" c="dimmed">
            {formatDate(i.issuedOn, i18n.language)}
          </Text>
        </Stack>
        {isCentralAdmin(me) && (
          <Button onClick={modal.open} data-testid="add-article">
            {t('library.addArticle')}
          </Button>
        )}
      </Group>
      {i.articles.length === 0 ? (
        <Text c="dimmed">{t('library.noArticles')}</Text>
      ) : (
        <Stack gap="xs">
          {i.articles.map((a) => (
            <ItemLine key={a.id} item={a} />
          ))}
        </Stack>
      )}
      {isCentralAdmin(me) && <AddArticleModal issueId={i.id} opened={open} onClose={modal.close} />}
    </Stack>
  );
}
