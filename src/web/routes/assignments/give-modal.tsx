/**
 * Giving one assignment to several members of the cell at once: one row per person on the server,
 * optionally carrying out one of the cell's meeting decisions.
 */
import { MultiSelect, Select, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGiveAssignments } from '../../api/assignments.ts';
import { useCellDecisions } from '../../api/meetings.ts';
import { useMembers } from '../../api/units.ts';
import { FormModal } from '../../components/form-modal.tsx';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export function GiveModal({ cellId, opened, onClose }: { cellId: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const give = useGiveAssignments(cellId);
  const members = useMembers(cellId, opened);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [doneWhen, setDoneWhen] = useState('');
  const [dueOn, setDueOn] = useState(inDays(14));
  const [people, setPeople] = useState<string[]>([]);
  const [decision, setDecision] = useState<string | null>(null);
  const decisions = useCellDecisions(cellId, opened);
  useEffect(() => {
    if (!opened) return;
    setTitle('');
    setDescription('');
    setDoneWhen('');
    setDueOn(inDays(14));
    setPeople([]);
    setDecision(null);
    give.reset();
  }, [opened, give.reset]);
  const options = (members.data?.pages ?? []).flatMap((p) => p.items).map((m) => ({ value: String(m.personId), label: m.fullName }));
  const submit = () =>
    give.mutate(
      {
        title,
        description: description.trim() || undefined,
        doneWhen: doneWhen.trim() || undefined,
        dueOn,
        personIds: people.map(Number),
        meetingDecisionId: decision ? Number(decision) : undefined,
      },
      { onSuccess: onClose },
    );
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('assignments.giveTitle')}
      onSubmit={submit}
      submitLabel={t('assignments.give')}
      pending={give.isPending}
      error={give.error}
    >
      <TextInput
        label={t('assignments.title')}
        required
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        maxLength={200}
        data-testid="give-title"
      />
      <MultiSelect
        label={t('assignments.people')}
        required
        searchable
        data={options}
        value={people}
        onChange={setPeople}
        data-testid="give-people"
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        type="date"
        label={t('assignments.dueOn')}
        required
        value={dueOn}
        onChange={(e) => setDueOn(e.currentTarget.value)}
        data-testid="give-due"
      />
      <Select
        label={t('assignments.decision')}
        description={t('assignments.decisionHint')}
        placeholder={t('assignments.noDecision')}
        clearable
        searchable
        data={(decisions.data ?? []).map((d) => ({
          value: String(d.id),
          label: `${d.meetsOn} · ${d.text.length > 80 ? `${d.text.slice(0, 79)}…` : d.text}`,
        }))}
        value={decision}
        onChange={setDecision}
        nothingFoundMessage={t('assignments.noDecisions')}
        data-testid="give-decision"
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t('assignments.doneWhen')}
        value={doneWhen}
        onChange={(e) => setDoneWhen(e.currentTarget.value)}
        maxLength={1000}
        autosize
        minRows={1}
      />
      <Textarea
        label={t('assignments.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        maxLength={4000}
        autosize
        minRows={2}
      />
    </FormModal>
  );
}
