/** The cells failing the most standards this month, each with what it lacks. */
import { Anchor, Center, List, Loader, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Compliance } from '../../../shared/schemas/compliance.ts';
import { useWorstCells } from '../../api/compliance.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { pastMonthName } from '../../lib/period.ts';
import { describeDetail, standardTitle } from '../../lib/standards.ts';

export function WorstCells({ compliance }: { compliance: Compliance }) {
  const { t, i18n } = useTranslation();
  const worst = useWorstCells(compliance.unitId, compliance.period);
  const past = pastMonthName(compliance.period, i18n.language);
  const title = (code: string) => {
    const s = compliance.standards.find((x) => x.code === code);
    return s ? standardTitle(s, i18n.language) : code;
  };
  const items = (worst.data?.items ?? []).filter((i) => i.failing.length > 0);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="worst-title">
      <Title order={3} size="h4" id="worst-title" mb="sm">
        {t('health.worst')}
      </Title>
      <ErrorAlert error={worst.error} />
      {worst.isPending && (
        <Center p="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {worst.data && items.length === 0 && (
        <Text c="dimmed" size="sm">
          {past ? t('monthView.noneFailingIn', { month: past }) : t('health.noneFailing')}
        </Text>
      )}
      <ScrollArea.Autosize mah={400} type="auto" offsetScrollbars>
        <Stack gap="sm">
          {items.map((w) => (
            <div key={w.cell.id} data-testid="worst-cell" data-unit-id={w.cell.id}>
              <Text size="sm" fw={600}>
                <Anchor component={Link} to={`/units/${w.cell.id}`} inherit>
                  {w.cell.name}
                </Anchor>
                {w.parent && (
                  <Text span size="xs" c="dimmed" fw={400}>
                    {' '}
                    · {w.parent.name}
                  </Text>
                )}
                <Text span size="xs" c="red" fw={500}>
                  {' '}
                  · {t('health.failingCount', { count: w.failing.length })}
                </Text>
              </Text>
              <List size="xs" spacing={2} ml="xs">
                {w.failing.map((f) => (
                  <List.Item key={f.code}>
                    <b>{title(f.code)}</b>: {describeDetail(t, f.detail, false, past)}
                  </List.Item>
                ))}
              </List>
            </div>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}
