/** A decision and any number of follow-up actions (what, who from the roll, by when), saved in one request. */
import { ActionIcon, Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/schemas/meetings.ts';
import { useAddDecision } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

interface Draft {
  title: string;
  owner: string | null;
  dueOn: string;
}

function inTwoWeeks(): string {
  const d = new Date(Date.now() + 14 * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function DecisionForm({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddDecision(meeting.id);
  const [text, setText] = useState('');
  const [actions, setActions] = useState<Draft[]>([]);
  const [touched, setTouched] = useState(false);
  const owners = meeting.roll.map((r) => ({ value: String(r.personId), label: r.fullName }));
  const patch = (i: number, p: Partial<Draft>) => setActions((a) => a.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const invalid = !text.trim() || actions.some((a) => !a.title.trim() || !a.dueOn);

  const submit = () => {
    setTouched(true);
    if (invalid) return;
    add.mutate(
      {
        text: text.trim(),
        actions: actions.map((a) => ({ title: a.title.trim(), ownerPersonId: a.owner ? Number(a.owner) : null, dueOn: a.dueOn })),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="decision-form"
    >
      <Textarea
        label={t('decisions.text')}
        required
        autosize
        minRows={2}
        maxLength={2000}
        value={text}
        data-autofocus
        error={touched && !text.trim() ? t('validation.required') : undefined}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      {actions.map((a, i) => (
        <Group key={i} gap="xs" align="flex-end" wrap="wrap" data-testid="action-draft">
          <TextInput
            label={t('decisions.actionTitle')}
            required
            value={a.title}
            maxLength={500}
            style={{ flex: '2 1 180px' }}
            error={touched && !a.title.trim() ? t('validation.required') : undefined}
            onChange={(e) => patch(i, { title: e.currentTarget.value })}
          />
          <Select
            label={t('decisions.owner')}
            data={owners}
            value={a.owner}
            searchable
            clearable
            style={{ flex: '1 1 140px' }}
            placeholder={t('decisions.noOwner')}
            onChange={(v) => patch(i, { owner: v })}
          />
          <TextInput
            label={t('decisions.dueOn')}
            type="date"
            required
            value={a.dueOn}
            style={{ flex: '0 1 150px' }}
            onChange={(e) => patch(i, { dueOn: e.currentTarget.value })}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('decisions.removeAction')}
            onClick={() => setActions((x) => x.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <ErrorAlert error={add.error} />
      <Group justify="space-between">
        <Button
          variant="subtle"
          size="xs"
          onClick={() => setActions((a) => [...a, { title: '', owner: null, dueOn: inTwoWeeks() }])}
          data-testid="add-action"
        >
          {t('decisions.addAction')}
        </Button>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" size="xs" loading={add.isPending} data-testid="save-decision">
            {t('decisions.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
