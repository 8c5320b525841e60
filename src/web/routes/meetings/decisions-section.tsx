/** Decisions taken at the meeting, each with its follow-up actions, and a form to record another. */
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/schemas/meetings.ts';
import { ActionList } from '../../components/action-list.tsx';
import { DecisionForm } from './decision-form.tsx';

export function DecisionsSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const [adding, add] = useDisclosure(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="decisions-title">
      <Title order={3} size="h4" id="decisions-title" mb="xs">
        {t('decisions.title')}
      </Title>
      <Stack gap="md">
        {meeting.decisions.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('decisions.none')}
          </Text>
        )}
        {meeting.decisions.map((d, i) => (
          <Stack key={d.id} gap={6} data-testid="decision">
            <Text size="sm" fw={600}>
              {i + 1}. {d.text}
            </Text>
            <div style={{ paddingLeft: 16 }}>
              <ActionList actions={d.actions} canManage={meeting.canManage} empty={t('decisions.noActions')} />
            </div>
          </Stack>
        ))}
        {meeting.canManage &&
          (adding ? (
            <DecisionForm meeting={meeting} onDone={add.close} />
          ) : (
            <Button variant="light" size="xs" onClick={add.open} data-testid="add-decision" style={{ alignSelf: 'flex-start' }}>
              {t('decisions.add')}
            </Button>
          ))}
      </Stack>
    </Paper>
  );
}
