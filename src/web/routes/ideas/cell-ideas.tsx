/**
 * A cell's ideas tab: the form to submit an idea (its members and secretary), with co-authors picked
 * from the cell's roll; the cell's ideas with their status; those awaiting the cell's evaluation.
 */
import { Button, Card, MultiSelect, SegmentedControl, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { IDEA_STATUSES } from '../../../shared/schemas/ideas.ts';
import { useAwaitingIdeas, useCellIdeas, useSubmitIdea } from '../../api/ideas.ts';
import { useMe } from '../../api/session.ts';
import { useMembers } from '../../api/units.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { IdeaTextFields, type IdeaText } from './idea-fields.tsx';
import { IdeaList } from './idea-list.tsx';
import { IdeasSummaryView } from './ideas-summary.tsx';

function SubmitIdeaForm({ cellId }: { cellId: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const members = useMembers(cellId, true);
  const submit = useSubmitIdea(cellId);
  const navigate = useNavigate();
  const roll = (members.data?.pages ?? []).flatMap((p) => p.items);
  const myId = me.data?.person?.id;
  const onRoll = myId !== undefined && roll.some((m) => m.personId === myId);
  const [text, setText] = useState<IdeaText>({ title: '', description: '', expectedBenefit: '' });
  const [authors, setAuthors] = useState<string[] | null>(null);
  const chosen = authors ?? (onRoll ? [String(myId)] : []);
  const options = [...new Map(roll.map((m) => [m.personId, m])).values()].map((m) => ({ value: String(m.personId), label: m.fullName }));
  const send = (e: React.FormEvent) => {
    e.preventDefault();
    submit.mutate(
      {
        title: text.title,
        description: text.description,
        ...(text.expectedBenefit.trim() ? { expectedBenefit: text.expectedBenefit } : {}),
        authorIds: chosen.map(Number),
      },
      { onSuccess: (r) => navigate(`/ideas/${r.id}`) },
    );
  };
  return (
    <Card withBorder component="section" aria-labelledby="submit-idea">
      <form onSubmit={send} data-testid="idea-form">
        <Stack>
          <Title order={3} size="h4" id="submit-idea">
            {t('ideas.submitTitle')}
          </Title>
          <ErrorAlert error={submit.error} />
          <IdeaTextFields value={text} onChange={setText} testId="idea" />
          <MultiSelect
            label={t('ideas.authors')}
            description={t('ideas.authorsHint')}
            data={options}
            value={chosen}
            onChange={setAuthors}
            searchable
            required
            data-testid="idea-authors"
          />
          <Button type="submit" loading={submit.isPending} disabled={chosen.length === 0} data-testid="idea-submit" w="fit-content">
            {t('ideas.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

export function AwaitingIdeas({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const awaiting = useAwaitingIdeas(unitId);
  if (!awaiting.data || awaiting.data.items.length === 0) return null;
  return (
    <Stack component="section" aria-labelledby={`awaiting-${unitId}`} data-testid="ideas-awaiting">
      <Title order={3} size="h4" id={`awaiting-${unitId}`}>
        {t('ideas.awaiting')}
      </Title>
      <IdeaList items={awaiting.data.items} showCell />
    </Stack>
  );
}

export function CellIdeas({ cellId }: { cellId: number }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('all');
  const ideas = useCellIdeas(cellId, status);
  return (
    <Stack gap="xl" data-testid="cell-ideas">
      <SubmitIdeaForm cellId={cellId} />
      <AwaitingIdeas unitId={cellId} />
      <Stack component="section" aria-labelledby="cell-idea-list">
        <Title order={3} size="h4" id="cell-idea-list">
          {t('ideas.cellIdeas')}
        </Title>
        <SegmentedControl
          value={status}
          onChange={setStatus}
          aria-label={t('ideas.statusLabel')}
          data={['all', ...IDEA_STATUSES].map((s) => ({ value: s, label: s === 'all' ? t('ideas.all') : t(`ideas.status.${s}`) }))}
        />
        <ErrorAlert error={ideas.error} />
        {ideas.data && <IdeaList items={ideas.data.pages.flatMap((p) => p.items)} />}
        {ideas.hasNextPage && (
          <Button
            variant="light"
            w="fit-content"
            onClick={() => ideas.fetchNextPage()}
            loading={ideas.isFetchingNextPage}
            data-testid="ideas-more"
          >
            {t('ideas.more')}
          </Button>
        )}
      </Stack>
      <IdeasSummaryView unitId={cellId} />
    </Stack>
  );
}
