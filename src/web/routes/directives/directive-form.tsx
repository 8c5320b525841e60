/** Drafting a directive: title, body, target units (one or more subtrees), sectors, roles, the days to acknowledge. */
import { CloseButton, Group, MultiSelect, NumberInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { MEMBERSHIP_ROLES, SECTORS } from '../../../shared/enums.ts';
import type { Directive } from '../../../shared/schemas/directives.ts';
import { useCreateDirective, useUpdateDirective } from '../../api/directives.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { RichTextField } from '../../components/rich-text-field.tsx';
import { UnitPicker } from '../../components/unit-picker.tsx';
import { useUnit } from '../../api/units.ts';

/** The schema's bound on both numbers of a re-briefing schedule (CreateDirectiveSchema.rebrief). */
const REBRIEF_MAX = 24;

/** Drafts a new directive, or with `draft`, changes that draft (PATCH). */
export function DirectiveForm({ opened, onClose, draft }: { opened: boolean; onClose: () => void; draft?: Directive }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateDirective();
  const update = useUpdateDirective();
  const write = draft ? update : create;
  const [title, setTitle] = useState(draft?.title ?? '');
  const [body, setBody] = useState(draft?.body ?? '');
  const [targets, setTargets] = useState<number[]>(draft?.target.unitIds ?? []);
  const [sectors, setSectors] = useState<string[]>(draft?.target.sectors ?? []);
  const [roles, setRoles] = useState<string[]>(draft?.target.roles ?? []);
  const [days, setDays] = useState<number | string>(draft ? (draft.acknowledgeWithinDays ?? '') : 14);
  const [rebrief, setRebrief] = useState(Boolean(draft?.rebrief));
  const [everyMonths, setEveryMonths] = useState<number | string>(draft?.rebrief?.everyMonths ?? 3);
  const [times, setTimes] = useState<number | string>(draft?.rebrief?.times ?? 1);
  const [missing, setMissing] = useState(false);
  const scheduleOk = (n: number | string) => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= REBRIEF_MAX;

  const submit = () => {
    if (!title.trim() || !body.trim() || targets.length === 0 || (rebrief && !(scheduleOk(everyMonths) && scheduleOk(times)))) {
      setMissing(true);
      return;
    }
    const values = {
      title: title.trim(),
      body,
      target: {
        unitIds: targets,
        ...(sectors.length ? { sectors: sectors as never } : {}),
        ...(roles.length ? { roles: roles as never } : {}),
      },
      acknowledgeWithinDays: typeof days === 'number' && days > 0 ? days : null,
      rebrief: rebrief ? { everyMonths: Number(everyMonths), times: Number(times) } : null,
    };
    if (draft) update.mutate({ id: draft.id, ...values }, { onSuccess: onClose });
    else create.mutate(values, { onSuccess: (d) => navigate(`/directives/${d.id}`) });
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={draft ? t('directives.editDraft') : t('directives.new')}
      onSubmit={submit}
      submitLabel={t('directives.saveDraft')}
      pending={write.isPending}
      error={write.error}
      size="lg"
    >
      <TextInput
        label={t('directives.title')}
        data-testid="directive-title"
        required
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={missing && !title.trim() ? t('directives.required') : undefined}
      />
      <RichTextField
        label={t('directives.body')}
        testId="directive-body"
        required
        value={body}
        onChange={setBody}
        error={missing && !body.trim() ? t('directives.required') : undefined}
      />
      <Stack gap={4}>
        <UnitPicker
          label={t('directives.addTarget')}
          value={null}
          data-testid="directive-target"
          onChange={(id) => id !== null && !targets.includes(id) && setTargets([...targets, id])}
          error={missing && targets.length === 0 ? t('directives.targetRequired') : undefined}
        />
        <Group gap="xs" data-testid="directive-targets">
          {targets.map((id) => (
            <TargetChip key={id} id={id} onRemove={() => setTargets(targets.filter((x) => x !== id))} />
          ))}
        </Group>
      </Stack>
      <MultiSelect
        label={t('directives.sectors')}
        description={t('directives.sectorsHint')}
        data={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
        value={sectors}
        onChange={setSectors}
        clearable
      />
      <MultiSelect
        label={t('directives.roles')}
        description={t('directives.rolesHint')}
        data={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: t(`membershipRole.${r}`) }))}
        value={roles}
        onChange={setRoles}
        clearable
      />
      <NumberInput
        label={t('directives.withinDays')}
        description={t('directives.withinDaysHint')}
        min={1}
        max={365}
        value={days}
        onChange={setDays}
        data-testid="directive-days"
      />
      <Switch
        label={t('directives.rebrief.label')}
        description={t('directives.rebrief.hint')}
        checked={rebrief}
        onChange={(e) => setRebrief(e.currentTarget.checked)}
        data-testid="directive-rebrief"
      />
      {rebrief && (
        <Group grow align="flex-start">
          <NumberInput
            label={t('directives.rebrief.everyMonths')}
            min={1}
            max={REBRIEF_MAX}
            allowDecimal={false}
            value={everyMonths}
            onChange={setEveryMonths}
            error={missing && !scheduleOk(everyMonths) ? t('directives.rebrief.range', { max: REBRIEF_MAX }) : undefined}
            data-testid="directive-rebrief-months"
          />
          <NumberInput
            label={t('directives.rebrief.times')}
            min={1}
            max={REBRIEF_MAX}
            allowDecimal={false}
            value={times}
            onChange={setTimes}
            error={missing && !scheduleOk(times) ? t('directives.rebrief.range', { max: REBRIEF_MAX }) : undefined}
            data-testid="directive-rebrief-times"
          />
        </Group>
      )}
    </FormModal>
  );
}

/** A chosen target, by name, with a button to remove it. */
function TargetChip({ id, onRemove }: { id: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const unit = useUnit(id);
  const name = unit.data?.name ?? `#${id}`;
  return (
    <Group gap={2} px="xs" style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }} data-testid="directive-target-chip">
      <Text size="sm">{name}</Text>
      <CloseButton size="sm" aria-label={t('directives.removeTarget', { name })} onClick={onRemove} />
    </Group>
  );
}
