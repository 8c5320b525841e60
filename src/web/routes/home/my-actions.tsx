/** Open actions the signed-in person owns, from the decisions of any of their cells. */
import { Card, Center, Loader, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/schemas/accounts.ts';
import type { useMyHome } from '../../api/assignments.ts';
import { ActionList } from '../../components/action-list.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function MyActions({ me, home }: { me: Me; home: ReturnType<typeof useMyHome> }) {
  const { t } = useTranslation();
  const items = (home.data?.actions ?? []).filter((a) => a.status === 'open');
  // Closing an action needs the right to manage its cell: its secretary or deputy (or an official above, who sees it elsewhere).
  const manages = new Set(me.cells.filter((c) => c.role === 'secretary' || c.role === 'deputy_secretary').map((c) => c.id));
  return (
    <Card withBorder component="section" aria-labelledby="home-actions" data-testid="my-actions">
      <Title order={3} size="h4" id="home-actions" mb="xs">
        {t('home.myActions')}
      </Title>
      <ErrorAlert error={home.error} />
      {home.isPending ? (
        <Center p="sm">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : (
        <ActionList actions={items} canManage={false} manageable={(a) => manages.has(a.cellId ?? -1)} empty={t('home.noActions')} />
      )}
    </Card>
  );
}
