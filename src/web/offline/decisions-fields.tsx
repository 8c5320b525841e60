/** Decisions with their actions, written offline: the same fields as the meeting page's decision form. */
import { ActionIcon, Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RollMember } from './roll-taker.tsx';

export interface DraftAction {
  title: string;
  ownerPersonId: number | null;
  dueOn: string;
}
export interface DraftDecision {
  text: string;
  actions: DraftAction[];
}

/** The decisions as the API takes them: empty texts and untitled actions left out. */
export function cleanDecisions(decisions: DraftDecision[]): DraftDecision[] {
  return decisions
    .filter((d) => d.text.trim())
    .map((d) => ({
      text: d.text.trim(),
      actions: d.actions.filter((a) => a.title.trim() && a.dueOn).map((a) => ({ ...a, title: a.title.trim() })),
    }));
}

export function DecisionsFields({
  roll,
  value,
  onChange,
}: {
  roll: RollMember[];
  value: DraftDecision[];
  onChange: (next: DraftDecision[]) => void;
}) {
  const { t } = useTranslation();
  const owners = [{ value: '', label: t('decisions.noOwner') }, ...roll.map((m) => ({ value: String(m.personId), label: m.name }))];
  const update = (i: number, d: DraftDecision) => onChange(value.map((x, j) => (j === i ? d : x)));
  return (
    <Stack gap="sm">
      {value.map((d, i) => (
        <Stack key={i} gap={4} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
          <Textarea
            label={t('decisions.text')}
            value={d.text}
            maxLength={2000}
            autosize
            minRows={2}
            data-testid="offline-decision-text"
            onChange={(e) => update(i, { ...d, text: e.currentTarget.value })}
          />
          {d.actions.map((a, k) => {
            const setAction = (next: DraftAction) => update(i, { ...d, actions: d.actions.map((x, j) => (j === k ? next : x)) });
            return (
              <Group key={k} gap="xs" align="flex-end" wrap="wrap">
                <TextInput
                  label={t('decisions.actionTitle')}
                  value={a.title}
                  maxLength={500}
                  onChange={(e) => setAction({ ...a, title: e.currentTarget.value })}
                />
                <Select
                  label={t('decisions.owner')}
                  data={owners}
                  value={a.ownerPersonId ? String(a.ownerPersonId) : ''}
                  allowDeselect={false}
                  onChange={(v) => setAction({ ...a, ownerPersonId: v ? Number(v) : null })}
                />
                <TextInput
                  type="date"
                  label={t('decisions.dueOn')}
                  value={a.dueOn}
                  onChange={(e) => setAction({ ...a, dueOn: e.currentTarget.value })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('offline.removeAction')}
                  onClick={() => update(i, { ...d, actions: d.actions.filter((_, j) => j !== k) })}
                >
                  ×
                </ActionIcon>
              </Group>
            );
          })}
          <Group gap="xs">
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => update(i, { ...d, actions: [...d.actions, { title: '', ownerPersonId: null, dueOn: '' }] })}
            >
              {t('offline.addAction')}
            </Button>
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t('offline.removeDecision')}
            </Button>
          </Group>
        </Stack>
      ))}
      <Button
        size="xs"
        variant="default"
        onClick={() => onChange([...value, { text: '', actions: [] }])}
        data-testid="offline-add-decision"
      >
        {t('decisions.add')}
      </Button>
    </Stack>
  );
}
