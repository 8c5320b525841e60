/** Pairing a mentor on the cell's roll with a mentee: a struggling member, a young person of the cell's groups, or a candidate. */
import { Select, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MENTORSHIP_KINDS, type MentorshipKind } from '../../../shared/schemas/mentorships.ts';
import { usePairMentor, useYouthGroups } from '../../api/mentorships.ts';
import { useMembers } from '../../api/units.ts';
import { FormModal } from '../../components/form-modal.tsx';

export function PairModal({ cellId, opened, onClose }: { cellId: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const pair = usePairMentor(cellId);
  const members = useMembers(cellId, opened);
  const groups = useYouthGroups(cellId, opened);
  const [kind, setKind] = useState<MentorshipKind>('candidate');
  const [mentor, setMentor] = useState<string | null>(null);
  const [mentee, setMentee] = useState<string | null>(null);
  const [goals, setGoals] = useState('');
  useEffect(() => {
    if (!opened) return;
    setKind('candidate');
    setMentor(null);
    setMentee(null);
    setGoals('');
    pair.reset();
  }, [opened, pair.reset]);
  const roll = (members.data?.pages ?? []).flatMap((p) => p.items);
  const option = (m: { personId: number; fullName: string }) => ({ value: String(m.personId), label: m.fullName });
  const mentors = roll.filter((m) => m.role !== 'candidate').map(option);
  const young = new Map(
    (groups.data ?? []).filter((g) => g.closedOn === null).flatMap((g) => g.youngPeople.map((p) => [p.id, p.fullName] as const)),
  );
  const mentees =
    kind === 'candidate'
      ? roll.filter((m) => m.role === 'candidate').map(option)
      : kind === 'youth'
        ? [...young].map(([id, fullName]) => ({ value: String(id), label: fullName }))
        : roll.map(option);
  const submit = () =>
    pair.mutate({ mentorId: Number(mentor), menteeId: Number(mentee), kind, goals: goals.trim() || undefined }, { onSuccess: onClose });
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('mentorships.pairTitle')}
      onSubmit={submit}
      submitLabel={t('mentorships.pair')}
      pending={pair.isPending}
      error={pair.error}
    >
      <Select
        label={t('mentorships.kind')}
        required
        allowDeselect={false}
        data={MENTORSHIP_KINDS.map((k) => ({ value: k, label: t(`mentorships.kinds.${k}`) }))}
        value={kind}
        onChange={(v) => {
          setKind((v as MentorshipKind) ?? 'candidate');
          setMentee(null);
        }}
        data-testid="pair-kind"
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('mentorships.mentor')}
        required
        searchable
        data={mentors}
        value={mentor}
        onChange={setMentor}
        data-testid="pair-mentor"
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('mentorships.mentee')}
        required
        searchable
        data={mentees}
        value={mentee}
        onChange={setMentee}
        nothingFoundMessage={t('mentorships.noMentees')}
        data-testid="pair-mentee"
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t('mentorships.goals')}
        value={goals}
        onChange={(e) => setGoals(e.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={2}
        data-testid="pair-goals"
      />
    </FormModal>
  );
}
