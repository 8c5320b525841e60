/**
 * A cell's requests for help on its page: the secretary's list of every request with an answer form;
 * a member of the cell sees the shared ones (and their own) and may reply to shared ones. Officials
 * above the cell read the counts only (the API answers 403 on the list): they get the cell's figures.
 */
import { Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HELP_LIMITS, type HelpRequest } from '../../../shared/schemas/help-requests.ts';
import { ApiError } from '../../api/client.ts';
import { useAnswerHelpRequest, useCellHelpRequests } from '../../api/help-requests.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { HelpSummaryView } from './help-summary.tsx';
import { RequestView } from './request-view.tsx';

function AnswerForm({ r, asSecretary }: { r: HelpRequest; asSecretary: boolean }) {
  const { t } = useTranslation();
  const answer = useAnswerHelpRequest();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<'answered' | 'resolved'>('answered');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    answer.mutate({ id: r.id, text: text.trim(), status }, { onSuccess: () => setText('') });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <ErrorAlert error={answer.error} />
        <Textarea
          label={asSecretary ? t('help.answerLabel') : t('help.replyLabel')}
          value={text}
          maxLength={HELP_LIMITS.text}
          autosize
          minRows={2}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="help-answer-text"
        />
        <Group gap="xs" wrap="wrap">
          {asSecretary && (
            <SegmentedControl
              aria-label={t('help.answerStatus')}
              value={status}
              onChange={(v) => setStatus(v as 'answered' | 'resolved')}
              data={[
                { value: 'answered', label: t('help.statuses.answered') },
                { value: 'resolved', label: t('help.statuses.resolved') },
              ]}
              data-testid="help-answer-status"
            />
          )}
          <Button type="submit" size="xs" loading={answer.isPending} data-testid="help-answer-send">
            {asSecretary ? t('help.sendAnswer') : t('help.sendReply')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CellHelpRequests({ cellId, period, onPeriod }: { cellId: number; period: string; onPeriod: (p: string) => void }) {
  const { t } = useTranslation();
  const list = useCellHelpRequests(cellId);
  if (list.error instanceof ApiError && list.error.status === 403) {
    return (
      <Stack>
        <Text size="sm" c="dimmed" data-testid="help-counts-only">
          {t('help.countsOnly')}
        </Text>
        <HelpSummaryView unitId={cellId} period={period} onPeriod={onPeriod} />
      </Stack>
    );
  }
  // Waiting ones first, then answered, then the closed ones; newest first within each.
  const rank = { open: 0, answered: 1, resolved: 2, withdrawn: 3 } as const;
  const items = [...(list.data?.items ?? [])].sort((a, b) => rank[a.status] - rank[b.status] || b.id - a.id);
  const asSecretary = list.data?.asSecretary ?? false;
  return (
    <Stack gap="lg" data-testid="cell-help-requests">
      <ErrorAlert error={list.error} />
      <Text size="sm" c="dimmed">
        {asSecretary ? t('help.secretaryIntro') : t('help.memberIntro')}
      </Text>
      {!list.isPending && items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('help.noneInCell')}
        </Text>
      )}
      {items.map((r) => (
        <Paper key={r.id} withBorder p="sm">
          <RequestView r={r} showAsker>
            {!r.mine && (r.status === 'open' || r.status === 'answered') && r.subject !== null && (
              <AnswerForm r={r} asSecretary={asSecretary} />
            )}
          </RequestView>
        </Paper>
      ))}
    </Stack>
  );
}
