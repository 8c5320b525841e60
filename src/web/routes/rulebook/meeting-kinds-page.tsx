/** The kinds of meeting cells hold, with their quorum and the standards that refer to them. */
import { Button, Center, Group, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingKinds, useStandards } from '../../api/health-queries.ts';
import type { MeetingKind } from '../../api/health-types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { todayLocal } from '../../lib/period.ts';
import { MeetingKindModal, quorumPercent } from './meeting-kind-modal.tsx';
import { versionStatus } from './standard-rules.ts';

type Dialog = { editing: MeetingKind | null } | null;

function QuorumText({ quorum }: { quorum: number | null }) {
  const { t } = useTranslation();
  if (quorum === null) return <Text size="sm" c="dimmed">{t('meetingKinds.noQuorum')}</Text>;
  const percent = quorumPercent(quorum);
  return <Text size="sm">{percent >= 100 ? t('meetingKinds.quorumAll') : t('meetingKinds.quorumMore', { percent })}</Text>;
}

/** How many standards in force or planned refer to each meeting kind. */
function useStandardsByKind(): Map<string, number> {
  const standards = useStandards();
  const today = todayLocal();
  const counts = new Map<string, number>();
  for (const s of standards.data ?? []) {
    if (versionStatus(s, today) === 'past' || typeof s.params.kind !== 'string') continue;
    counts.set(s.params.kind, (counts.get(s.params.kind) ?? 0) + 1);
  }
  return counts;
}

export function MeetingKindsPage() {
  const { t, i18n } = useTranslation();
  const kinds = useMeetingKinds();
  const usedBy = useStandardsByKind();
  const [dialog, setDialog] = useState<Dialog>(null);
  const rows = kinds.data ?? [];
  const ko = i18n.resolvedLanguage === 'ko';

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Title order={2} id="meeting-kinds-title">{t('meetingKinds.title')}</Title>
        <Button onClick={() => setDialog({ editing: null })} data-testid="add-meeting-kind">{t('meetingKinds.add')}</Button>
      </Group>
      <Text maw={820}>{t('meetingKinds.intro')}</Text>
      <ErrorAlert error={kinds.error} />
      {kinds.isPending && <Center><Loader size="sm" aria-label={t('common.loading')} /></Center>}
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-labelledby="meeting-kinds-title" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('meetingKinds.col.name')}</Table.Th>
              <Table.Th scope="col">{t('meetingKinds.col.otherName')}</Table.Th>
              <Table.Th scope="col">{t('meetingKinds.col.quorum')}</Table.Th>
              <Table.Th scope="col">{t('meetingKinds.col.usedBy')}</Table.Th>
              <Table.Th scope="col"><VisuallyHidden>{t('meetingKinds.col.actions')}</VisuallyHidden></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((k) => {
              const name = ko ? k.nameKo : k.nameEn;
              const count = usedBy.get(k.code) ?? 0;
              return (
                <Table.Tr key={k.code} data-testid="meeting-kind-row" data-code={k.code} data-quorum={k.quorum ?? ''}>
                  <Table.Td>
                    <Text size="sm" fw={500}>{name}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">{k.code}</Text>
                  </Table.Td>
                  <Table.Td><Text size="sm">{ko ? k.nameEn : k.nameKo}</Text></Table.Td>
                  <Table.Td><QuorumText quorum={k.quorum} /></Table.Td>
                  <Table.Td><Text size="sm">{count > 0 ? t('meetingKinds.usedBy', { count }) : '—'}</Text></Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="light" onClick={() => setDialog({ editing: k })}
                      aria-label={t('meetingKinds.changeNamed', { name })} data-testid="change-meeting-kind">{t('meetingKinds.change')}</Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {dialog && <MeetingKindModal key={dialog.editing?.code ?? 'new'} editing={dialog.editing} kinds={rows} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
