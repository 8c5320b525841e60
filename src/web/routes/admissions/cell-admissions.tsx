/** A cell's admissions: its nominations, nominating, and the chosen nomination's steps (kept in ?nomination=). */
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCellNominations } from '../../api/admissions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { NominateModal } from './nominate-modal.tsx';
import { NominationView, StatusBadge } from './nomination-view.tsx';

export function CellAdmissions({ cellId, canManage }: { cellId: number; canManage: boolean }) {
  const { t } = useTranslation();
  const list = useCellNominations(cellId);
  const items = (list.data?.pages ?? []).flatMap((p) => p.items);
  const [nominating, setNominating] = useState(false);
  const [search, setSearch] = useSearchParams();
  const chosen = Number(search.get('nomination')) || null;
  const choose = (id: number) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      next.set('nomination', String(id));
      return next;
    });
  return (
    <Stack data-testid="cell-admissions">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {t('admissions.cellIntro')}
        </Text>
        {canManage && (
          <Button onClick={() => setNominating(true)} data-testid="nominate">
            {t('admissions.nominate')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={list.error} />
      {list.data && items.length === 0 && <Text c="dimmed">{t('admissions.none')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={360}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admissions.nominee')}</Table.Th>
                <Table.Th>{t('admissions.kind')}</Table.Th>
                <Table.Th>{t('admissions.nominated')}</Table.Th>
                <Table.Th>{t('admissions.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => choose(n.id)} data-testid="nomination-link">
                      {n.fullName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`admissions.kinds.${n.kind}`)}</Table.Td>
                  <Table.Td>{n.nominatedOn}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={n.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      {chosen && <NominationView id={chosen} />}
      <NominateModal
        cellId={cellId}
        opened={nominating}
        onClose={() => setNominating(false)}
        onDone={(id) => {
          setNominating(false);
          choose(id);
        }}
      />
    </Stack>
  );
}
