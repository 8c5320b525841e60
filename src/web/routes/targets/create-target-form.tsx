/**
 * Setting a target for a committee (issue 15, task 5): the indicator from the catalogue (or a free
 * name), its unit of measure, the figure, and an optional split among the child units whose sum is
 * shown against the figure as it is typed (it need not be even, nor add up exactly).
 */
import { ActionIcon, Autocomplete, Button, Card, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sector } from '../../../shared/enums.ts';
import type { Unit } from '../../../shared/schemas/units.ts';
import { useCreateTarget, useIndicators } from '../../api/targets.ts';
import { useChildren } from '../../api/units.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SectorSelect } from '../../components/sector-select.tsx';
import { formatFigure } from './target-bits.tsx';

type Part = { key: number; unitId: string | null; figure: number | string };

export function CreateTargetForm({ unit, year }: { unit: Unit; year: number }) {
  const { t, i18n } = useTranslation();
  const indicators = useIndicators();
  const children = useChildren(unit.id, false, true);
  const create = useCreateTarget(unit.id);
  const [indicator, setIndicator] = useState('');
  const [measure, setMeasure] = useState('');
  const [sector, setSector] = useState<Sector | null>(unit.sector ?? null);
  const [quarter, setQuarter] = useState<string | null>(null);
  const [figure, setFigure] = useState<number | string>('');
  const [parts, setParts] = useState<Part[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [done, setDone] = useState<string | null>(null);
  const childUnits = (children.data?.pages ?? []).flatMap((p) => p.items);
  const sum = parts.reduce((s, p) => s + (typeof p.figure === 'number' ? p.figure : 0), 0);
  const target = typeof figure === 'number' ? figure : 0;
  const pick = (name: string) => {
    setIndicator(name);
    const known = indicators.data?.items.find((i) => i.name === name);
    if (known) {
      setMeasure(known.measure);
      if (known.sector) setSector(known.sector as Sector);
    }
  };
  const setPart = (key: number, change: Partial<Part>) => setParts((ps) => ps.map((p) => (p.key === key ? { ...p, ...change } : p)));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setDone(null);
    create.mutate(
      {
        year,
        ...(quarter ? { quarter: Number(quarter) } : {}),
        sector: sector ?? 'other',
        indicator,
        measure,
        figure: target,
        ...(parts.length
          ? { split: parts.map((p) => ({ unitId: Number(p.unitId), figure: typeof p.figure === 'number' ? p.figure : 0 })) }
          : {}),
      },
      {
        onSuccess: () => {
          setDone(indicator);
          setIndicator('');
          setFigure('');
          setParts([]);
        },
      },
    );
  };
  const difference = Math.round((sum - target) * 10_000) / 10_000;
  return (
    <Card withBorder component="section" aria-labelledby="target-create">
      <form onSubmit={submit} data-testid="target-form">
        <Stack>
          <Title order={3} size="h4" id="target-create">
            {t('targets.setTitle', { year })}
          </Title>
          <ErrorAlert error={create.error} />
          {done && (
            <Text c="green" role="status">
              {t('targets.saved', { indicator: done })}
            </Text>
          )}
          <Group align="flex-end" wrap="wrap">
            <Autocomplete
              label={t('targets.indicator')}
              description={t('targets.indicatorHint')}
              data={[...new Set((indicators.data?.items ?? []).map((i) => i.name))]}
              value={indicator}
              onChange={pick}
              required
              maxLength={200}
              style={{ flex: '2 1 14rem' }}
              data-testid="target-indicator"
            />
            <TextInput
              label={t('targets.measure')}
              value={measure}
              onChange={(e) => setMeasure(e.currentTarget.value)}
              required
              maxLength={50}
              style={{ flex: '1 1 8rem' }}
              data-testid="target-measure"
            />
            <NumberInput
              label={t('targets.figure')}
              value={figure}
              onChange={setFigure}
              min={0}
              decimalScale={4}
              thousandSeparator=","
              required
              style={{ flex: '1 1 8rem' }}
              data-testid="target-figure"
            />
          </Group>
          <Group align="flex-end" wrap="wrap">
            <SectorSelect value={sector} onChange={setSector} />
            <Select
              label={t('targets.period')}
              data={[
                { value: '', label: t('targets.wholeYear') },
                ...[1, 2, 3, 4].map((q) => ({ value: String(q), label: t('targets.quarterOf', { year, quarter: q }) })),
              ]}
              value={quarter ?? ''}
              onChange={(v) => setQuarter(v || null)}
              allowDeselect={false}
            />
          </Group>
          <Stack gap="xs" data-testid="target-split">
            <Text fw={600}>{t('targets.split')}</Text>
            <Text size="sm" c="dimmed">
              {t('targets.splitHint')}
            </Text>
            {parts.map((p, i) => (
              <Group key={p.key} align="flex-end" wrap="wrap" data-testid="split-row">
                <Select
                  label={t('targets.splitUnit', { n: i + 1 })}
                  data={childUnits.map((c) => ({ value: String(c.id), label: c.name }))}
                  value={p.unitId}
                  onChange={(v) => setPart(p.key, { unitId: v })}
                  searchable
                  required
                  style={{ flex: '2 1 12rem' }}
                  data-testid="split-unit"
                />
                <NumberInput
                  label={t('targets.splitFigure', { n: i + 1 })}
                  value={p.figure}
                  onChange={(v) => setPart(p.key, { figure: v })}
                  min={0}
                  decimalScale={4}
                  thousandSeparator=","
                  required
                  style={{ flex: '1 1 8rem' }}
                  data-testid="split-figure"
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('targets.removePart', { n: i + 1 })}
                  onClick={() => setParts((ps) => ps.filter((x) => x.key !== p.key))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group justify="space-between">
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  setParts((ps) => [...ps, { key: nextKey, unitId: null, figure: '' }]);
                  setNextKey((k) => k + 1);
                }}
                data-testid="split-add"
              >
                {t('targets.addPart')}
              </Button>
              {parts.length > 0 && (
                <Text size="sm" aria-live="polite" data-testid="split-sum" c={difference === 0 ? 'green' : 'orange'}>
                  {t('targets.splitSum', { sum: formatFigure(sum, i18n.language), figure: formatFigure(target, i18n.language) })}{' '}
                  {difference === 0
                    ? t('targets.splitExact')
                    : difference < 0
                      ? t('targets.splitUnder', { value: formatFigure(-difference, i18n.language) })
                      : t('targets.splitOver', { value: formatFigure(difference, i18n.language) })}
                </Text>
              )}
            </Group>
          </Stack>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} data-testid="target-save">
              {t('targets.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
