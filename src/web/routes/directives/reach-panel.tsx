/** Reach of a directive at one unit, with a bar, a drill-down to its children, and the members not reached (CSV too). */
import { Anchor, Button, Group, Loader, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReachFigures } from '../../../shared/schemas/directives.ts';
import { notReachedCsvHref, useDirective, useNotReached, useReach, useReachChildren } from '../../api/directives.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

const pct = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);

/** The reach of one unit as a stacked bar: acknowledged, then briefed in person; the rest is not reached. */
export function ReachBar({ f, label }: { f: ReachFigures; label: string }) {
  const { t } = useTranslation();
  return (
    <Progress.Root size="lg" aria-label={label}>
      <Progress.Section value={pct(f.acknowledged, f.members)} color="green" title={t('directives.reach.acknowledged')} />
      <Progress.Section value={pct(f.briefed, f.members)} color="teal.3" title={t('directives.reach.briefed')} />
    </Progress.Root>
  );
}

function Figure({ label, value, testid }: { label: string; value: number | string; testid: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testid}>
        {value}
      </Text>
    </Stack>
  );
}

export function ReachPanel({ directiveId, unitId, onDrill }: { directiveId: number; unitId: number; onDrill: (id: number) => void }) {
  const { t } = useTranslation();
  // A directive briefed again on a schedule has several rounds: one is picked (by default the latest).
  const rounds = useDirective(directiveId).data?.rounds ?? [];
  const [round, setRound] = useState<number | undefined>(undefined);
  const reach = useReach(directiveId, unitId, round);
  const r = reach.data;
  const children = useReachChildren(directiveId, unitId, r?.unitKind === 'committee', round);
  const notReached = useNotReached(directiveId, unitId, round);
  if (reach.isError) return <ErrorAlert error={reach.error} />;
  if (!r) return <Loader aria-label={t('common.loading')} />;
  return (
    <Stack data-testid="reach" data-unit={r.unitId}>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={3}>{t('directives.reach.heading', { unit: r.unitName, round: r.round })}</Title>
          {rounds.length > 1 && (
            <Select
              size="xs"
              w={180}
              aria-label={t('directives.reach.round')}
              data={rounds.map((x) => ({
                value: String(x.round),
                label: t('directives.reach.roundOption', { round: x.round, date: x.openedAt.slice(0, 10) }),
              }))}
              value={String(round ?? r.round)}
              onChange={(v) => setRound(v ? Number(v) : undefined)}
              allowDeselect={false}
              data-testid="reach-round"
            />
          )}
        </Group>
        {r.fanOut !== 'done' && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('directives.reach.fanOutRunning')}
            </Text>
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={t('directives.reach.members')} value={r.members} testid="reach-members" />
        <Figure label={t('directives.reach.acknowledged')} value={r.acknowledged} testid="reach-acknowledged" />
        <Figure label={t('directives.reach.briefed')} value={r.briefed} testid="reach-briefed" />
        <Figure label={t('directives.reach.notReached')} value={r.notReached} testid="reach-not-reached" />
      </SimpleGrid>
      <ReachBar f={r} label={t('directives.reach.barLabel', { unit: r.unitName })} />
      {r.deadlineOn && (
        <Text size="sm" data-testid="reach-in-time">
          {t('directives.reach.inTime', {
            date: r.deadlineOn,
            acknowledged: r.acknowledgedInTime,
            briefed: r.briefedInTime,
            notReached: r.notReachedInTime,
          })}
        </Text>
      )}
      {children.data && children.data.items.length > 0 && (
        <Table striped data-testid="reach-children">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('directives.reach.unit')}</Table.Th>
              <Table.Th>{t('directives.reach.members')}</Table.Th>
              <Table.Th>{t('directives.reach.acknowledged')}</Table.Th>
              <Table.Th>{t('directives.reach.briefed')}</Table.Th>
              <Table.Th>{t('directives.reach.notReached')}</Table.Th>
              <Table.Th w="25%">{t('directives.reach.bar')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {children.data.items.map((c) => (
              <Table.Tr key={c.unitId}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => onDrill(c.unitId)}>
                    {c.unitName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{c.members}</Table.Td>
                <Table.Td>{c.acknowledged}</Table.Td>
                <Table.Td>{c.briefed}</Table.Td>
                <Table.Td>{c.notReached}</Table.Td>
                <Table.Td>
                  <ReachBar f={c} label={t('directives.reach.barLabel', { unit: c.unitName })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between">
        <Title order={4}>{t('directives.reach.notReachedList')}</Title>
        <Button
          component="a"
          variant="default"
          size="compact-sm"
          href={notReachedCsvHref(directiveId, unitId, round)}
          download
          data-testid="not-reached-csv"
        >
          {t('directives.reach.downloadCsv')}
        </Button>
      </Group>
      {notReached.data?.items.length === 0 ? (
        <Text c="dimmed">{t('directives.reach.everyoneReached')}</Text>
      ) : (
        <Table data-testid="not-reached">
          <Table.Tbody>
            {notReached.data?.items.map((p) => (
              <Table.Tr key={p.personId}>
                <Table.Td>{p.fullName}</Table.Td>
                <Table.Td>{p.cellName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {notReached.data?.nextCursor && (
        <Text size="sm" c="dimmed">
          {t('directives.reach.moreInCsv')}
        </Text>
      )}
    </Stack>
  );
}
