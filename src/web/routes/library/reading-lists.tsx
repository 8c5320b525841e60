/**
 * Reading lists for my cell (chosen by the centre and the committees above it), and the officials' form
 * to choose one for a committee they manage: a month, or a range of days, and the items to read.
 */
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/schemas/accounts.ts';
import type { ReadingList } from '../../../shared/schemas/library.ts';
import { useDeleteReadingList, useMyReadingLog, useReadingLists, useSaveReadingList } from '../../api/library.ts';
import { isCentralAdmin } from '../../components/app-layout.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { UnitPicker } from '../../components/unit-picker.tsx';
import { currentPeriod, formatDate, todayLocal } from '../../lib/period.ts';
import { ItemLine } from './item-bits.tsx';
import { ItemPicker } from './item-picker.tsx';
import { Loading } from './library-page.tsx';

/** The committees the actor may choose lists for: those they manage, or the whole tree's top for an administrator. */
function managedCommittees(me: Me): Array<{ id: number; name: string }> {
  if (isCentralAdmin(me)) return me.roots.map((r) => ({ id: r.id, name: r.name }));
  return me.grants.flatMap((g) =>
    g.access === 'manage' && g.unit && g.unit.kind === 'committee' ? [{ id: g.unit.id, name: g.unit.name }] : [],
  );
}

export function ReadingListsSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  // An official sees the lists of the committee they work on (those above it apply to it, those below it are theirs to follow);
  // a member those of their cell.
  const committee = me.roots.find((r) => r.kind === 'committee');
  const unitId = committee?.id ?? me.cells[0]?.id ?? me.roots[0]?.id ?? null;
  const [which, setWhich] = useState<'current' | 'all'>('current');
  const lists = useReadingLists(unitId, which === 'current' ? todayLocal() : undefined);
  // A member sees which items of each list they have read (alone or at a session); the log is their own.
  const log = useMyReadingLog(me.person !== null);
  const read = new Set((log.data ?? []).map((e) => e.item.id));
  const committees = managedCommittees(me);
  const [open, form] = useDisclosure(false);
  const [editing, setEditing] = useState<ReadingList | null>(null);
  if (unitId === null) return <Text c="dimmed">{t('library.lists.noUnit')}</Text>;
  if (lists.isPending) return <Loading />;
  if (lists.isError) return <ErrorAlert error={lists.error} />;
  return (
    <Stack gap="md">
      <SegmentedControl
        w="fit-content"
        value={which}
        onChange={(v) => setWhich(v === 'all' ? 'all' : 'current')}
        data={[
          { value: 'current', label: t('library.lists.current') },
          { value: 'all', label: t('library.lists.all') },
        ]}
        data-testid="lists-which"
      />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {committee
            ? t('library.lists.forUnit', { unit: committee.name })
            : me.cells[0]
              ? t('library.lists.forCell', { cell: me.cells[0].name })
              : null}
        </Text>
        {committees.length > 0 && (
          <Button
            onClick={() => {
              setEditing(null);
              form.open();
            }}
            data-testid="add-reading-list"
          >
            {t('library.lists.add')}
          </Button>
        )}
      </Group>
      {lists.data.length === 0 && <Text c="dimmed">{t('library.lists.none')}</Text>}
      {lists.data.map((l) => (
        <ListCard
          key={l.id}
          list={l}
          read={read}
          onEdit={() => {
            setEditing(l);
            form.open();
          }}
        />
      ))}
      {open && <ReadingListForm committees={committees} list={editing} onClose={form.close} />}
    </Stack>
  );
}

function ListCard({ list, read, onEdit }: { list: ReadingList; read: Set<number>; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const remove = useDeleteReadingList();
  return (
    <Paper withBorder p="sm" data-testid="reading-list">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Title order={3} size="h5">
              {list.title}
            </Title>
            {list.byCentre && <Badge variant="light">{t('library.lists.byCentre')}</Badge>}
          </Group>
          <Text size="sm" c="dimmed">
            {formatDate(list.startsOn, i18n.language)} – {formatDate(list.endsOn, i18n.language)}
          </Text>
        </Group>
        <Stack gap={4}>
          {list.items.map((i) => (
            <Group key={i.id} gap="xs" wrap="nowrap" align="flex-start">
              <ItemLine item={i} />
              {read.has(i.id) && (
                <Badge color="green" variant="light" data-testid="list-item-read">
                  {t('library.lists.read')}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
        {list.canEdit && (
          <Group gap="xs">
            <Button size="compact-sm" variant="default" onClick={onEdit}>
              {t('library.lists.edit')}
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate(list.id)}>
              {t('library.lists.delete')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={remove.error} />
      </Stack>
    </Paper>
  );
}

const monthRange = (month: string): [string, string] => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${month}-01`, `${month}-${String(last).padStart(2, '0')}`];
};

function ReadingListForm({
  committees,
  list,
  onClose,
}: {
  committees: Array<{ id: number; name: string }>;
  list: ReadingList | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveReadingList();
  const [unitId, setUnitId] = useState<number | null>(list?.unitId ?? committees[0]?.id ?? null);
  const [title, setTitle] = useState(list?.title ?? '');
  const [mode, setMode] = useState<'month' | 'range'>(list ? 'range' : 'month');
  const [month, setMonth] = useState(currentPeriod().slice(0, 7));
  const [startsOn, setStartsOn] = useState(list?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(list?.endsOn ?? '');
  const [itemIds, setItemIds] = useState<string[]>((list?.items ?? []).map((i) => String(i.id)));
  const [tried, setTried] = useState(false);
  const [from, to] = mode === 'month' ? monthRange(month) : [startsOn, endsOn];
  const submit = () => {
    setTried(true);
    if (unitId === null || !title.trim() || !from || !to || itemIds.length === 0) return;
    save.mutate({ id: list?.id, unitId, title, startsOn: from, endsOn: to, itemIds: itemIds.map(Number) }, { onSuccess: onClose });
  };
  const selectedLabel = committees.find((c) => c.id === unitId)?.name;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={list ? t('library.lists.edit') : t('library.lists.add')}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error}
      size="lg"
    >
      <UnitPicker
        label={t('library.lists.committee')}
        kind="committee"
        value={unitId}
        onChange={setUnitId}
        selectedLabel={selectedLabel}
        error={tried && unitId === null ? t('library.form.required') : undefined}
        data-testid="list-unit"
      />
      <TextInput
        label={t('library.form.title')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        maxLength={200}
        error={tried && !title.trim() ? t('library.form.required') : undefined}
        data-testid="list-title"
      />
      <SegmentedControl
        value={mode}
        onChange={(v) => setMode(v === 'range' ? 'range' : 'month')}
        data={[
          { value: 'month', label: t('library.lists.aMonth') },
          { value: 'range', label: t('library.lists.aRange') },
        ]}
      />
      {mode === 'month' ? (
        <TextInput
          type="month"
          label={t('library.lists.month')}
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value)}
          data-testid="list-month"
        />
      ) : (
        <Group grow>
          <TextInput type="date" label={t('library.lists.from')} value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} />
          <TextInput type="date" label={t('library.lists.to')} value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} />
        </Group>
      )}
      <ItemPicker
        label={t('library.lists.items')}
        value={itemIds}
        onChange={setItemIds}
        initial={(list?.items ?? []).map((i) => ({ value: String(i.id), label: i.title }))}
        error={tried && itemIds.length === 0 ? t('library.form.required') : undefined}
        data-testid="list-items"
      />
    </FormModal>
  );
}
