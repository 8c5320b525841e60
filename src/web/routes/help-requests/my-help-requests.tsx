/**
 * The member's requests for help on their home: "ask the cell for help", and each request with its
 * answers and what the member may do with it (confirm it resolved, reopen, edit, withdraw).
 */
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpRequest } from '../../../shared/schemas/help-requests.ts';
import { useMoveHelpRequest, useMyHelpRequests, type OwnMove } from '../../api/help-requests.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AskModal } from './ask-modal.tsx';
import { RequestView } from './request-view.tsx';

const MOVES: Record<HelpRequest['status'], OwnMove[]> = {
  open: ['withdraw'],
  answered: ['confirm', 'reopen', 'withdraw'],
  resolved: ['reopen', 'withdraw'],
  withdrawn: [],
};

export function MyHelpRequests({ canAsk, asSecretary = false }: { canAsk: boolean; asSecretary?: boolean }) {
  const { t } = useTranslation();
  const mine = useMyHelpRequests();
  const move = useMoveHelpRequest();
  const [asking, setAsking] = useState(false);
  const [editing, setEditing] = useState<HelpRequest | null>(null);
  const items = mine.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="home-help" data-testid="my-help-requests">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={3} size="h4" id="home-help">
          {t('help.mine')}
        </Title>
        {canAsk && (
          <Button size="xs" onClick={() => setAsking(true)} data-testid="ask-for-help">
            {t('help.ask')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={mine.error ?? move.error} />
      <Stack gap="md">
        {!mine.isPending && items.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('help.noneMine')}
          </Text>
        )}
        {items.map((r) => (
          <RequestView key={r.id} r={r} showAsker={false}>
            {r.subject !== null && (MOVES[r.status].length > 0 || r.status === 'open' || r.status === 'answered') && (
              <Group gap="xs" wrap="wrap">
                {MOVES[r.status].map((m) => (
                  <Button
                    key={m}
                    size="xs"
                    variant={m === 'confirm' ? 'filled' : 'light'}
                    color={m === 'withdraw' ? 'red' : undefined}
                    loading={move.isPending && move.variables?.id === r.id && move.variables.move === m}
                    onClick={() => move.mutate({ id: r.id, move: m })}
                    data-testid={`help-${m}`}
                  >
                    {t(`help.moves.${m}`)}
                  </Button>
                ))}
                {(r.status === 'open' || r.status === 'answered') && (
                  <Button size="xs" variant="subtle" onClick={() => setEditing(r)} data-testid="help-edit">
                    {t('help.edit')}
                  </Button>
                )}
              </Group>
            )}
          </RequestView>
        ))}
      </Stack>
      <AskModal
        opened={asking || editing !== null}
        editing={editing}
        asSecretary={asSecretary}
        onClose={() => {
          setAsking(false);
          setEditing(null);
        }}
      />
    </Card>
  );
}
