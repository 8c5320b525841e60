/** A document or article: its body, where it appeared, and my reading of it ("mark as read"). */
import { Anchor, Breadcrumbs, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isNotFound } from '../../api/client.ts';
import { useLibraryItem, useMarkRead, useUnmarkRead, useUpdateItem } from '../../api/library.ts';
import { useDisclosure } from '@mantine/hooks';
import type { Me } from '../../../shared/schemas/accounts.ts';
import { isCentralAdmin } from '../../components/app-layout.tsx';
import { EditItemModal } from './add-content.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { usePageTitle } from '../../components/page-title.tsx';
import { formatDate } from '../../lib/period.ts';
import { RichTextView } from '../../components/server-html.tsx';
import { ItemBadges } from './item-bits.tsx';
import { Loading } from './library-page.tsx';

export function LibraryItemPage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const item = useLibraryItem(Number.isInteger(id) ? id : 0);
  const mark = useMarkRead();
  const unmark = useUnmarkRead();
  const update = useUpdateItem();
  const [editOpen, edit] = useDisclosure(false);
  const admin = isCentralAdmin(me);
  usePageTitle(item.data?.title ?? null);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (item.isPending) return <Loading />;
  if (item.isError) return isNotFound(item.error) ? <NotFoundPage /> : <ErrorAlert error={item.error} />;
  const it = item.data;
  const reading = it.myReading;
  return (
    <Stack gap="md">
      <nav aria-label={t('unit.breadcrumb')}>
        <Breadcrumbs separator="›">
          <Anchor component={Link} to="/library" size="sm">
            {t('library.title')}
          </Anchor>
          {it.issue && (
            <Anchor component={Link} to={`/library/issues/${it.issue.id}`} size="sm">
              {it.issue.title}
            </Anchor>
          )}
          <Text size="sm" aria-current="page">
            {it.title}
          </Text>
        </Breadcrumbs>
      </nav>
      <Stack gap={4}>
        <Title order={2} data-testid="item-title">
          {it.title}
        </Title>
        <Group gap="xs">
          <ItemBadges item={it} />
          {it.publishedAt && (
            <Text size="sm" c="dimmed">
              {formatDate(it.publishedAt.slice(0, 10), i18n.language)}
            </Text>
          )}
        </Group>
      </Stack>
      {admin && (
        <Group gap="xs">
          <Button variant="default" onClick={edit.open} data-testid="edit-item">
            {t('library.edit')}
          </Button>
          <Button
            variant="default"
            loading={update.isPending}
            onClick={() => update.mutate({ id: it.id, published: it.publishedAt === null })}
            data-testid={it.publishedAt === null ? 'publish-item' : 'withdraw-item'}
          >
            {it.publishedAt === null ? t('library.publish') : t('library.withdraw')}
          </Button>
          <ErrorAlert error={update.error} />
        </Group>
      )}
      {admin && editOpen && <EditItemModal item={it} opened={editOpen} onClose={edit.close} />}
      {reading && (
        <Paper withBorder p="sm" data-testid="my-reading">
          <Group justify="space-between" wrap="wrap">
            <Stack gap={2}>
              <Text size="sm" data-testid="read-state">
                {reading.readOn ? t('library.read.alone', { date: formatDate(reading.readOn, i18n.language) }) : t('library.read.notAlone')}
              </Text>
              {reading.sessions.map((s) => (
                <Anchor key={s.meetingId} component={Link} to={`/meetings/${s.meetingId}`} size="sm" display="block" lh="24px">
                  {t('library.read.atSession', { date: formatDate(s.meetsOn, i18n.language) })}
                </Anchor>
              ))}
            </Stack>
            {reading.readOn ? (
              <Button variant="default" loading={unmark.isPending} onClick={() => unmark.mutate(it.id)} data-testid="unmark-read">
                {t('library.read.unmark')}
              </Button>
            ) : (
              <Button loading={mark.isPending} onClick={() => mark.mutate({ itemId: it.id })} data-testid="mark-read">
                {t('library.read.mark')}
              </Button>
            )}
          </Group>
          <ErrorAlert error={mark.error ?? unmark.error} />
        </Paper>
      )}
      <RichTextView html={it.bodyHtml} data-testid="item-body" />
    </Stack>
  );
}
