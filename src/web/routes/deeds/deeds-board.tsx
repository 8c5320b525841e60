/** The home page's board of laudable deeds published to the committees above the member's cells, newest first. */
import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDeedsBoard } from '../../api/deeds.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { DeedCard } from './deed-card.tsx';

export function DeedsBoard() {
  const { t } = useTranslation();
  const board = useDeedsBoard();
  if (board.data && board.data.items.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="deeds-board" data-testid="deeds-board">
      <Stack gap="sm">
        <Title order={3} size="h4" id="deeds-board">
          {t('deeds.boardTitle')}
        </Title>
        <ErrorAlert error={board.error} />
        {board.isPending && <Text c="dimmed">{t('common.loading')}</Text>}
        {board.data?.items.map((d) => (
          <DeedCard key={d.id} deed={d} showCell />
        ))}
      </Stack>
    </Card>
  );
}
