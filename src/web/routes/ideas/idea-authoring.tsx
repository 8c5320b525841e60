/**
 * What an idea's authors may still do while it awaits evaluation: change its title, description and
 * expected benefit, or withdraw it (it stays in the cell's history and leaves the counts).
 */
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Idea } from '../../../shared/schemas/ideas.ts';
import { useEditIdea, useWithdrawIdea } from '../../api/ideas.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { IdeaTextFields, type IdeaText } from './idea-fields.tsx';

function EditForm({ idea, onDone }: { idea: Idea; onDone: () => void }) {
  const { t } = useTranslation();
  const edit = useEditIdea(idea.id);
  const [text, setText] = useState<IdeaText>({
    title: idea.title,
    description: idea.description,
    expectedBenefit: idea.expectedBenefit ?? '',
  });
  const send = (e: React.FormEvent) => {
    e.preventDefault();
    edit.mutate({ ...text, expectedBenefit: text.expectedBenefit.trim() ? text.expectedBenefit : null }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={send} data-testid="idea-edit-form">
      <Stack>
        <ErrorAlert error={edit.error} />
        <IdeaTextFields value={text} onChange={setText} testId="idea-edit" />
        <Group>
          <Button type="submit" loading={edit.isPending} data-testid="idea-edit-save">
            {t('ideas.saveEdit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('ideas.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function IdeaAuthoring({ idea }: { idea: Idea }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawIdea(idea.id);
  const [editing, setEditing] = useState(false);
  return (
    <Card withBorder component="section" aria-labelledby="idea-authoring">
      <Stack>
        <Title order={2} size="h4" id="idea-authoring">
          {t('ideas.editTitle')}
        </Title>
        {editing ? (
          <EditForm idea={idea} onDone={() => setEditing(false)} />
        ) : (
          <Button variant="light" w="fit-content" onClick={() => setEditing(true)} data-testid="idea-edit">
            {t('ideas.edit')}
          </Button>
        )}
        {idea.can.withdraw && (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('ideas.withdrawHint')}
            </Text>
            <ErrorAlert error={withdraw.error} />
            <Button
              color="red"
              variant="light"
              w="fit-content"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate()}
              data-testid="idea-withdraw"
            >
              {t('ideas.withdraw')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
