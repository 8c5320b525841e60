/** One request for help as its readers see it: subject, status, text, and the answers given. */
import { Badge, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpRequest } from '../../../shared/schemas/help-requests.ts';

const COLORS = { open: 'orange', answered: 'blue', resolved: 'green', withdrawn: 'gray' } as const;

export function RequestView({ r, showAsker, children }: { r: HelpRequest; showAsker: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="help-request" data-status={r.status}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {r.subject ?? t('help.erased')}
        </Text>
        <Group gap={4}>
          <Badge variant="light" color="gray">
            {t(`help.visibilityShort.${r.visibility}`)}
          </Badge>
          <Badge variant="light" color={COLORS[r.status]} data-testid="help-status">
            {t(`help.statuses.${r.status}`)}
          </Badge>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {showAsker ? t('help.askedBy', { name: r.askedBy.name, day: r.askedOn }) : t('help.askedOn', { day: r.askedOn, cell: r.cellName })}
      </Text>
      {r.text && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {r.text}
        </Text>
      )}
      {r.answers.length > 0 && (
        <Stack gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-blue-3)' }} aria-label={t('help.answers')}>
          {r.answers.map((a) => (
            <div key={a.id} data-testid="help-answer">
              <Text size="xs" c="dimmed">
                {a.bySecretary ? t('help.answerBySecretary', { name: a.byName ?? '' }) : t('help.replyBy', { name: a.byName ?? '' })}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {a.text ?? t('help.erased')}
              </Text>
            </div>
          ))}
        </Stack>
      )}
      {children}
    </Stack>
  );
}
