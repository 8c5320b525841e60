/**
 * Changing a running target (its setter): the figure, the unit of measure (the whole family's), the
 * figures of the parts already split (a part can be dropped: it is withdrawn), and withdrawing the
 * target with an optional reason, and giving a part to a child unit that has none yet (a new cell).
 */
import { Button, Card, Group, NumberInput, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetDetail } from '../../../shared/schemas/targets.ts';
import { useEditTarget, useWithdrawTarget } from '../../api/targets.ts';
import { useChildren } from '../../api/units.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

const asNumber = (v: number | string) => (typeof v === 'number' ? v : Number.NaN);

/** `saved`/`onSaved`: kept by the page, since a saved change remounts this card with the new values. */
export function EditTargetCard({ x, saved, onSaved }: { x: TargetDetail; saved: boolean; onSaved(done: boolean): void }) {
  const { t } = useTranslation();
  const edit = useEditTarget(x.id);
  const withdraw = useWithdrawTarget(x.id);
  const split = x.parts.filter((p) => p.targetId !== null && p.figure !== null);
  const [figure, setFigure] = useState<number | string>(x.figure);
  const [measure, setMeasure] = useState(x.measure);
  const [parts, setParts] = useState(split.map((p) => ({ unitId: p.unitId, unitName: p.unitName, figure: p.figure as number | string })));
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const children = useChildren(x.unitId, false, true);
  const open = (children.data?.pages.flatMap((p) => p.items) ?? []).filter((c) => !parts.some((p) => p.unitId === c.id));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    onSaved(false);
    // The promise, not mutate's onSuccess: the refetch after a save remounts this card, and a callback
    // given to mutate is dropped when its component unmounts first.
    edit
      .mutateAsync({
        figure: asNumber(figure),
        ...(measure.trim() !== x.measure ? { measure: measure.trim() } : {}),
        ...(split.length > 0 || parts.length > 0 ? { split: parts.map((p) => ({ unitId: p.unitId, figure: asNumber(p.figure) })) } : {}),
      })
      .then(
        () => onSaved(true),
        () => undefined, // shown by the card's error alert
      );
  };
  return (
    <Card withBorder component="section" aria-labelledby="target-edit" data-testid="target-edit">
      <Title order={2} size="h4" id="target-edit" mb="xs">
        {t('targets.editTitle')}
      </Title>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={edit.error} />
          {saved && (
            <Text c="green" role="status">
              {t('targets.edited')}
            </Text>
          )}
          <Group align="flex-end" wrap="wrap">
            <NumberInput
              label={t('targets.figure')}
              value={figure}
              onChange={setFigure}
              min={0}
              decimalScale={4}
              required
              data-testid="edit-figure"
            />
            <TextInput
              label={t('targets.measure')}
              value={measure}
              onChange={(e) => setMeasure(e.currentTarget.value)}
              maxLength={50}
              required
            />
          </Group>
          {parts.map((p, i) => (
            <Group key={p.unitId} align="flex-end">
              <NumberInput
                label={t('targets.partFigure', { unit: p.unitName })}
                value={p.figure}
                onChange={(v) => setParts(parts.map((q, j) => (j === i ? { ...q, figure: v } : q)))}
                min={0}
                decimalScale={4}
                required
              />
              <Button variant="subtle" color="red" onClick={() => setParts(parts.filter((_, j) => j !== i))}>
                {t('targets.dropPart', { unit: p.unitName })}
              </Button>
            </Group>
          ))}
          {open.length > 0 && (
            <Select
              label={t('targets.givePart')}
              placeholder={t('targets.givePartPlaceholder')}
              data={open.map((c) => ({ value: String(c.id), label: c.name }))}
              value={null}
              onChange={(v) => {
                const unit = open.find((c) => String(c.id) === v);
                if (unit) setParts([...parts, { unitId: unit.id, unitName: unit.name, figure: '' }]);
              }}
              searchable
              maw={360}
              data-testid="give-part"
            />
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={edit.isPending} data-testid="edit-save">
              {t('targets.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Stack mt="md" gap="xs">
        <ErrorAlert error={withdraw.error} />
        {confirming ? (
          <>
            <Textarea
              label={t('targets.withdrawReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={2000}
              autosize
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={withdraw.isPending}
                onClick={() => withdraw.mutate(reason.trim() ? { reason: reason.trim() } : {})}
                data-testid="withdraw-confirm"
              >
                {t('targets.withdrawConfirm')}
              </Button>
            </Group>
          </>
        ) : (
          <Group justify="flex-end">
            <Button variant="outline" color="red" onClick={() => setConfirming(true)} data-testid="withdraw-target">
              {t('targets.withdraw')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
