/** The kinds of meeting cells hold, in the order forms offer them, with their quorum and the standards that refer to them. */
import { Badge, Button, Center, Group, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingKind, MeetingKindMove } from '../../../shared/schemas/meetings.ts';
import { useStandards } from '../../api/compliance.ts';
import { useMeetingKinds, useMoveMeetingKind, useRetireMeetingKind } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { todayLocal } from '../../lib/period.ts';
import { MeetingKindActions } from './meeting-kind-actions.tsx';
import { MeetingKindModal, quorumPercent } from './meeting-kind-modal.tsx';
import { RetireMeetingKindModal } from './meeting-kind-retire-modal.tsx';
import { versionStatus } from './standard-rules.ts';

type Dialog = { editing: MeetingKind | null } | { retiring: MeetingKind } | null;
type Moved = { code: string; direction: MeetingKindMove };

function QuorumText({ quorum }: { quorum: number | null }) {
  const { t } = useTranslation();
  if (quorum === null)
    return (
      <Text size="sm" c="dimmed">
        {t('meetingKinds.noQuorum')}
      </Text>
    );
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

/**
 * Keeps the keyboard focus on the row being moved: on the arrow pressed, or on the other arrow once the row
 * reached an end and the one pressed is disabled (some browsers also drop the focus of a node moved in the page).
 */
function useFocusAfterMove(rows: MeetingKind[]) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [moved, setMoved] = useState<Moved | null>(null);
  useEffect(() => {
    if (!moved) return;
    const row = body.current?.querySelector(`[data-code="${CSS.escape(moved.code)}"]`);
    const same = row?.querySelector<HTMLButtonElement>(`[data-move="${moved.direction}"]`);
    (same && !same.disabled ? same : row?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)'))?.focus();
    setMoved(null);
  }, [moved, rows]);
  return { body, setMoved };
}

export function MeetingKindsPage() {
  const { t, i18n } = useTranslation();
  const kinds = useMeetingKinds();
  const usedBy = useStandardsByKind();
  const move = useMoveMeetingKind();
  const restore = useRetireMeetingKind();
  const [dialog, setDialog] = useState<Dialog>(null);
  const rows = kinds.data ?? [];
  const ko = i18n.resolvedLanguage === 'ko';
  const focus = useFocusAfterMove(rows);
  const moveKind = (code: string, direction: MeetingKindMove) => {
    if (!move.isPending) move.mutate({ code, direction }, { onSuccess: () => focus.setMoved({ code, direction }) });
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Title order={2} id="meeting-kinds-title">
          {t('meetingKinds.title')}
        </Title>
        <Button onClick={() => setDialog({ editing: null })} data-testid="add-meeting-kind">
          {t('meetingKinds.add')}
        </Button>
      </Group>
      <Text maw={820}>{t('meetingKinds.intro')}</Text>
      <ErrorAlert error={kinds.error ?? move.error ?? restore.error} />
      {kinds.isPending && (
        <Center>
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-labelledby="meeting-kinds-title" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('meetingKinds.col.name')}</Table.Th>
              <Table.Th scope="col">{t('meetingKinds.col.otherName')}</Table.Th>
              <Table.Th scope="col">{t('meetingKinds.col.quorum')}</Table.Th>
              <Table.Th scope="col">{t('meetingKinds.col.usedBy')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('meetingKinds.col.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody ref={focus.body}>
            {rows.map((k, i) => {
              const name = ko ? k.nameKo : k.nameEn;
              const count = usedBy.get(k.code) ?? 0;
              const dim = k.retired ? { opacity: 0.55 } : undefined;
              return (
                <Table.Tr
                  key={k.code}
                  data-testid="meeting-kind-row"
                  data-code={k.code}
                  data-quorum={k.quorum ?? ''}
                  data-retired={k.retired ?? false}
                >
                  <Table.Td style={dim}>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {name}
                      </Text>
                      {k.retired && (
                        <Badge size="sm" color="gray" variant="outline" data-testid="retired-badge">
                          {t('meetingKinds.retired')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {k.code}
                    </Text>
                  </Table.Td>
                  <Table.Td style={dim}>
                    <Text size="sm">{ko ? k.nameEn : k.nameKo}</Text>
                  </Table.Td>
                  <Table.Td style={dim}>
                    <QuorumText quorum={k.quorum} />
                  </Table.Td>
                  <Table.Td style={dim}>
                    <Text size="sm">{count > 0 ? t('meetingKinds.usedBy', { count }) : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <MeetingKindActions
                      kind={k}
                      name={name}
                      first={i === 0}
                      last={i === rows.length - 1}
                      onMove={(direction) => moveKind(k.code, direction)}
                      onChange={() => setDialog({ editing: k })}
                      onRetire={() => setDialog({ retiring: k })}
                      onRestore={() => restore.mutate({ code: k.code, retire: false })}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {dialog && 'editing' in dialog && (
        <MeetingKindModal key={dialog.editing?.code ?? 'new'} editing={dialog.editing} kinds={rows} onClose={() => setDialog(null)} />
      )}
      {dialog && 'retiring' in dialog && <RetireMeetingKindModal kind={dialog.retiring} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
