import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Unit } from '../../../shared/schemas/units.ts';
import { useRelieveSecretary } from '../../api/units.ts';
import { KindBadge, SectorText } from '../../components/badges.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId} data-value={value}>
      <Text size="xs" c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

export function UnitHeader({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const relieve = useRelieveSecretary(unit.id);
  const crumbs = unit.breadcrumb.slice(0, -1);
  const officers = [
    ...(unit.secretary ? [{ ...unit.secretary, label: t('membershipRole.secretary'), role: 'secretary' }] : []),
    ...unit.deputies.map((d) => ({ ...d, label: t('membershipRole.deputy_secretary'), role: 'deputy_secretary' })),
  ];
  return (
    <Stack gap="sm">
      {crumbs.length > 0 && (
        <nav aria-label={t('unit.breadcrumb')}>
          <Breadcrumbs separator="›">
            {crumbs.map((c) => (
              <Anchor key={c.id} component={Link} to={`/units/${c.id}`} size="sm">
                {c.name}
              </Anchor>
            ))}
            <Text size="sm" aria-current="page">
              {unit.name}
            </Text>
          </Breadcrumbs>
        </nav>
      )}
      <Group gap="sm" align="center">
        <Title order={2} data-testid="unit-title" data-kind={unit.kind}>
          {unit.name}
        </Title>
        <KindBadge kind={unit.kind} />
        {unit.closedOn && <Badge color="gray">{t('unit.closed')}</Badge>}
      </Group>
      <Group gap="lg" c="dimmed">
        <Text size="sm">
          {t('unit.code')}:{' '}
          <Text span ff="monospace">
            {unit.code}
          </Text>
        </Text>
        <Text size="sm">
          {t('unit.sector')}: <SectorText sector={unit.sector} />
        </Text>
        <Text size="sm">
          {t('unit.openedOn')}: {unit.openedOn}
        </Text>
        {unit.closedOn && (
          <Text size="sm">
            {t('unit.closedOn')}: {unit.closedOn}
          </Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: unit.kind === 'committee' ? 3 : 2 }} maw={600}>
        {unit.kind === 'committee' && <Stat label={t('unit.childCount')} value={unit.childCount} testId="stat-child-count" />}
        {unit.kind === 'committee' && <Stat label={t('unit.cellCount')} value={unit.cellCount} testId="stat-cell-count" />}
        <Stat label={t('unit.memberCount')} value={unit.memberCount} testId="stat-member-count" />
      </SimpleGrid>
      {unit.kind === 'cell' && (
        <Stack gap={4} aria-label={t('unit.officers')}>
          {officers.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('unit.noSecretary')}
            </Text>
          )}
          {officers.map((o) => (
            <Group key={`${o.label}-${o.id}`} gap="xs" data-testid="officer" data-role={o.role} data-person-id={o.id}>
              <Text size="sm" fw={500}>
                {o.label}:
              </Text>
              <Anchor component={Link} to={`/people/${o.id}`} size="sm">
                {o.fullName}
              </Anchor>
              {unit.canRestructure && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  loading={relieve.isPending && relieve.variables?.personId === o.id}
                  onClick={() => relieve.mutate({ personId: o.id })}
                  aria-label={t('unit.relieveNamed', { name: o.fullName })}
                >
                  {t('unit.relieve')}
                </Button>
              )}
            </Group>
          ))}
          <ErrorAlert error={relieve.error} />
        </Stack>
      )}
    </Stack>
  );
}
