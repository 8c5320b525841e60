/**
 * The centre's admission rules and criteria checklist (central administrators, on the rulebook page):
 * how long sponsors must have been full members, how long a candidacy lasts, the vote rule, and the
 * items every nomination is checked against. A committee's own items are added on its admissions tab
 * (`CriteriaEditor` with the committee).
 */
import { Badge, Button, Card, Group, List, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdmissionRules } from '../../../shared/schemas/admissions.ts';
import { useAddCriterion, useAdmissionCriteria, useAdmissionRules, useSetAdmissionRules } from '../../api/admissions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function AdmissionSettings() {
  const { t } = useTranslation();
  const rules = useAdmissionRules();
  const save = useSetAdmissionRules();
  const [draft, setDraft] = useState<AdmissionRules | null>(null);
  useEffect(() => {
    if (rules.data) setDraft(rules.data);
  }, [rules.data]);
  const set = <K extends keyof AdmissionRules>(key: K, value: AdmissionRules[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));
  const num = (v: number | string) => (typeof v === 'number' ? v : Number.NaN);
  return (
    <Card withBorder component="section" aria-labelledby="admission-settings-title" data-testid="admission-settings">
      <Title order={3} size="h4" id="admission-settings-title">
        {t('admissions.settings.title')}
      </Title>
      <ErrorAlert error={rules.error ?? save.error} />
      {draft && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(draft);
          }}
        >
          <Group align="flex-end" wrap="wrap" mt="sm">
            <NumberInput
              label={t('admissions.settings.sponsorMinMonths')}
              min={0}
              max={120}
              allowDecimal={false}
              value={draft.sponsorMinMonths}
              onChange={(v) => set('sponsorMinMonths', num(v))}
              w={220}
              data-testid="rules-sponsor-months"
            />
            <NumberInput
              label={t('admissions.settings.candidacyMonths')}
              min={0}
              max={60}
              allowDecimal={false}
              value={draft.candidacyMonths}
              onChange={(v) => set('candidacyMonths', num(v))}
              w={220}
              data-testid="rules-candidacy-months"
            />
            <NumberInput
              label={t('admissions.settings.votePassPercent')}
              min={50}
              max={99}
              allowDecimal={false}
              suffix=" %"
              value={Math.round(draft.votePassShare * 100)}
              onChange={(v) => set('votePassShare', num(v) / 100)}
              w={220}
            />
            <Select
              label={t('admissions.settings.voteBasis')}
              data={[
                { value: 'present', label: t('admissions.settings.basis.present') },
                { value: 'roll', label: t('admissions.settings.basis.roll') },
              ]}
              value={draft.voteBasis}
              onChange={(v) => v && set('voteBasis', v as AdmissionRules['voteBasis'])}
              allowDeselect={false}
              w={260}
            />
            <Button type="submit" loading={save.isPending} data-testid="rules-save">
              {t('common.save')}
            </Button>
          </Group>
          {save.isSuccess && (
            <Text size="sm" c="teal" role="status" mt="xs">
              {t('admissions.settings.saved')}
            </Text>
          )}
        </form>
      )}
      <CriteriaEditor />
    </Card>
  );
}

/**
 * The criteria checklist: the centre's own items (no unit), or with a committee the items that apply
 * in its subtree (the centre's and those of the committees above, marked) and its own, added here.
 */
export function CriteriaEditor({ unitId }: { unitId?: number }) {
  const { t } = useTranslation();
  const criteria = useAdmissionCriteria(unitId);
  const add = useAddCriterion();
  const [title, setTitle] = useState('');
  const shown = (criteria.data ?? []).filter((c) => unitId !== undefined || c.unitId === null);
  return (
    <Stack gap="xs" mt="md" data-testid="criteria-editor">
      <Text fw={500}>{unitId === undefined ? t('admissions.settings.criteria') : t('admissions.settings.criteriaHere')}</Text>
      <ErrorAlert error={criteria.error ?? add.error} />
      <List size="sm" data-testid="criteria-list">
        {shown.map((c) => (
          <List.Item key={c.id}>
            {c.title}{' '}
            {unitId !== undefined && c.unitId !== unitId && (
              <Badge size="xs" variant="light" color="gray">
                {c.unitId === null ? t('admissions.settings.fromCentre') : t('admissions.settings.fromAbove')}
              </Badge>
            )}
          </List.Item>
        ))}
      </List>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim()) add.mutate({ title: title.trim(), unitId }, { onSuccess: () => setTitle('') });
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={unitId === undefined ? t('admissions.settings.newCriterion') : t('admissions.settings.newCriterionHere')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={300}
            style={{ flex: '1 1 260px' }}
            data-testid="criterion-title"
          />
          <Button type="submit" variant="light" loading={add.isPending} data-testid="criterion-add">
            {t('admissions.settings.addCriterion')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
