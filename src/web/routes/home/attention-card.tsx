/**
 * For an official: the cells under a committee that failed standards in the last complete month,
 * worst first, each a link to its page, and the committee's dashboard one click away. For an
 * administrator at the top, the national picture comes first.
 */
import { Anchor, Card, Center, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { UnitRef } from '../../../shared/schemas/base.ts';
import { useCompliance, useWorstCells } from '../../api/compliance.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatPeriod, lastCompletePeriod, percent } from '../../lib/period.ts';

export function AttentionCard({ unit }: { unit: Pick<UnitRef, 'id' | 'name'> }) {
  const { t, i18n } = useTranslation();
  const period = lastCompletePeriod();
  const month = formatPeriod(period, i18n.language);
  const worst = useWorstCells(unit.id, period);
  const items = (worst.data?.items ?? []).filter((w) => w.failing.length > 0);
  return (
    <Card withBorder component="section" aria-labelledby={`home-attention-${unit.id}`} data-testid="home-attention" data-unit-id={unit.id}>
      <Title order={3} size="h4" id={`home-attention-${unit.id}`} mb="xs">
        {t('roleHome.attention', { unit: unit.name, month })}
      </Title>
      <ErrorAlert error={worst.error} />
      {worst.isPending && (
        <Center p="sm">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {worst.data && items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('roleHome.noAttention', { unit: unit.name, month })}
        </Text>
      )}
      <List listStyleType="none" spacing={4}>
        {items.map((w) => (
          <List.Item key={w.cell.id} data-testid="attention-cell" data-cell-id={w.cell.id}>
            <Group gap="xs">
              <Anchor component={Link} to={`/units/${w.cell.id}?period=${period}`} size="sm">
                {w.cell.name}
              </Anchor>
              {w.parent && (
                <Text span size="xs" c="dimmed">
                  {w.parent.name}
                </Text>
              )}
              <Text span size="xs" c="red.8">
                {t('roleHome.failing', { count: w.failing.length })}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
      <Anchor
        component={Link}
        to={`/units/${unit.id}?period=${period}`}
        size="sm"
        mt="sm"
        display="inline-block"
        data-testid="attention-dashboard"
      >
        {t('roleHome.openDashboard')}
      </Anchor>
    </Card>
  );
}

export function NationalCard({ unit }: { unit: UnitRef }) {
  const { t, i18n } = useTranslation();
  const period = lastCompletePeriod();
  const c = useCompliance(unit.id, period).data;
  return (
    <Card withBorder component="section" aria-labelledby="home-national" data-testid="home-national">
      <Title order={3} size="h4" id="home-national" mb="xs">
        {t('roleHome.national', { month: formatPeriod(period, i18n.language) })}
      </Title>
      {!c ? (
        <Center p="sm">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : (
        <Stack gap={4}>
          <Text size="sm" data-testid="national-healthy" data-meeting={c.cellsMeetingAll} data-total={c.cells}>
            {t('roleHome.healthyCells', { meeting: c.cellsMeetingAll.toLocaleString(), total: c.cells.toLocaleString() })}
            {c.cells > 0 && ` (${percent(c.cellsMeetingAll, c.cells)} %)`}
          </Text>
          <Anchor component={Link} to={`/units/${unit.id}?period=${period}`} size="sm">
            {t('roleHome.openDashboard')}
          </Anchor>
        </Stack>
      )}
    </Card>
  );
}
