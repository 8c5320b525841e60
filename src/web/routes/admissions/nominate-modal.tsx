/**
 * Nominating to a cell: as a candidate a new person (name, birth year, workplace, contact) or someone
 * known and on no roll (a former member, a young person of the cell's youth groups, someone nominated
 * before: searched on the server), or a current candidate on the roll for full membership; two or
 * more sponsors chosen from the roll.
 */
import { MultiSelect, NumberInput, SegmentedControl, Select, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNominate, useNominees } from '../../api/admissions.ts';
import { useMembers } from '../../api/units.ts';
import { FormModal } from '../../components/form-modal.tsx';

export function NominateModal({
  cellId,
  opened,
  onClose,
  onDone,
}: {
  cellId: number;
  opened: boolean;
  onClose: () => void;
  onDone: (id: number) => void;
}) {
  const { t } = useTranslation();
  const nominate = useNominate(cellId);
  const members = useMembers(cellId, opened);
  const [kind, setKind] = useState<'candidate' | 'full_membership'>('candidate');
  const [who, setWho] = useState<'new' | 'known'>('new');
  const [search, setSearch] = useState('');
  const [known, setKnown] = useState<string | null>(null);
  const nominees = useNominees(cellId, search, opened && kind === 'candidate' && who === 'known');
  const [fullName, setFullName] = useState('');
  const [birthYear, setBirthYear] = useState<number | string>('');
  const [workplace, setWorkplace] = useState('');
  const [phone, setPhone] = useState('');
  const [candidate, setCandidate] = useState<string | null>(null);
  const [sponsors, setSponsors] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (!opened) return;
    setKind('candidate');
    setWho('new');
    setSearch('');
    setKnown(null);
    setFullName('');
    setBirthYear('');
    setWorkplace('');
    setPhone('');
    setCandidate(null);
    setSponsors([]);
    setReason('');
    nominate.reset();
  }, [opened, nominate.reset]);
  const roll = (members.data?.pages ?? []).flatMap((p) => p.items);
  const fullMembers = roll.filter((m) => m.role !== 'candidate').map((m) => ({ value: String(m.personId), label: m.fullName }));
  const candidates = roll.filter((m) => m.role === 'candidate').map((m) => ({ value: String(m.personId), label: m.fullName }));
  const submit = () =>
    nominate.mutate(
      {
        kind,
        ...(kind === 'candidate' && who === 'known'
          ? { personId: known ? Number(known) : undefined }
          : kind === 'candidate'
            ? {
                person: {
                  fullName,
                  birthYear: typeof birthYear === 'number' ? birthYear : undefined,
                  workplace: workplace.trim() || undefined,
                  phone: phone.trim() || undefined,
                },
              }
            : { personId: candidate ? Number(candidate) : undefined }),
        sponsorIds: sponsors.map(Number),
        reason: reason.trim() || undefined,
      },
      { onSuccess: (r) => onDone(r.id) },
    );
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('admissions.nominateTitle')}
      onSubmit={submit}
      submitLabel={t('admissions.nominate')}
      pending={nominate.isPending}
      error={nominate.error}
    >
      <SegmentedControl
        aria-label={t('admissions.kind')}
        value={kind}
        onChange={(v) => setKind(v as typeof kind)}
        data={[
          { value: 'candidate', label: t('admissions.kinds.candidate') },
          { value: 'full_membership', label: t('admissions.kinds.full_membership') },
        ]}
      />
      {kind === 'candidate' && (
        <SegmentedControl
          aria-label={t('admissions.who')}
          value={who}
          onChange={(v) => setWho(v as typeof who)}
          data={[
            { value: 'new', label: t('admissions.whoNew') },
            { value: 'known', label: t('admissions.whoKnown') },
          ]}
          data-testid="nominee-who"
        />
      )}
      {kind === 'candidate' && who === 'known' ? (
        <Select
          label={t('admissions.knownPerson')}
          description={t('admissions.knownPersonHint')}
          required
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          data={(nominees.data ?? []).map((p) => ({
            value: String(p.personId),
            label: `${p.fullName} · ${p.youth ? t('admissions.fromYouthGroup', { name: p.from }) : p.from}`,
          }))}
          value={known}
          onChange={setKnown}
          nothingFoundMessage={t('admissions.noKnownPeople')}
          comboboxProps={{ withinPortal: true }}
          data-testid="nominee-known"
        />
      ) : kind === 'candidate' ? (
        <>
          <TextInput
            label={t('admissions.fullName')}
            required
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            maxLength={200}
            data-testid="nominee-name"
          />
          <NumberInput
            label={t('admissions.birthYear')}
            value={birthYear}
            onChange={setBirthYear}
            min={1900}
            max={2100}
            allowDecimal={false}
          />
          <TextInput
            label={t('admissions.workplace')}
            value={workplace}
            onChange={(e) => setWorkplace(e.currentTarget.value)}
            maxLength={200}
          />
          <TextInput label={t('admissions.phone')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} maxLength={40} />
        </>
      ) : (
        <Select
          label={t('admissions.candidate')}
          required
          searchable
          data={candidates}
          value={candidate}
          onChange={setCandidate}
          nothingFoundMessage={t('admissions.noCandidates')}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <MultiSelect
        label={t('admissions.sponsors')}
        description={t('admissions.sponsorsHint')}
        required
        searchable
        data={fullMembers}
        value={sponsors}
        onChange={setSponsors}
        data-testid="nominee-sponsors"
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t('admissions.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={2}
      />
    </FormModal>
  );
}
