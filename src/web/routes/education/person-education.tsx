/**
 * A person's education on their page: the learning plan (set or reviewed by whoever manages their cell)
 * and their enrolments in study while working (recorded by them or their secretary). Shown to those who
 * may read the person's personal data, and to the person themself.
 */
import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateEnrolmentSchema, ENROLMENT_KINDS, ENROLMENT_STATUSES, type Enrolment } from '../../../shared/schemas/education.ts';
import { useCreateEnrolment, useEnrolments, useLearningPlan, useSetLearningPlan, useUpdateEnrolment } from '../../api/education.ts';
import { useMe } from '../../api/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { formatDate } from '../../lib/period.ts';
import { blankToUndefined, today, validate, type FieldErrors } from '../../lib/validate.ts';
import { PlanThemes } from './learning-plan-card.tsx';
import { ThemePicker } from './theme-picker.tsx';

export function PersonEducation({ personId, canManage }: { personId: number; canManage: boolean }) {
  const me = useMe();
  const isSelf = me.data?.person?.id === personId;
  return (
    <Stack gap="lg">
      <PlanSection personId={personId} canManage={canManage} />
      <EnrolmentsSection personId={personId} canRecord={canManage || isSelf} />
    </Stack>
  );
}

function PlanSection({ personId, canManage }: { personId: number; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const plan = useLearningPlan(personId);
  const [editing, setEditing] = useState<number[] | null>(null);
  const save = useSetLearningPlan(personId);
  if (plan.isError) return null; // not theirs to read: the section is simply absent
  const themes = plan.data?.themes ?? [];
  return (
    <section aria-labelledby="plan-title" data-testid="person-learning-plan">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="plan-title">
          {t('education.plan.title')}
        </Title>
        {canManage && plan.data && (
          <Button size="xs" variant="light" onClick={() => setEditing(themes.map((th) => th.id))} data-testid="edit-plan">
            {themes.length ? t('education.plan.change') : t('education.plan.set')}
          </Button>
        )}
      </Group>
      {plan.data?.setAt && (
        <Text size="xs" c="dimmed" mb={4}>
          {t(plan.data.current ? 'education.plan.setAt' : 'education.plan.stale', {
            date: formatDate(plan.data.setAt.slice(0, 10), i18n.language),
          })}
        </Text>
      )}
      {plan.data && themes.length > 0 ? <PlanThemes plan={plan.data} /> : <Text c="dimmed">{t('education.plan.none')}</Text>}
      {editing && (
        <FormModal
          opened
          onClose={() => setEditing(null)}
          title={t('education.plan.title')}
          onSubmit={() => save.mutate({ themeIds: editing }, { onSuccess: () => setEditing(null) })}
          pending={save.isPending}
          error={save.error}
        >
          <Text size="sm">{t('education.plan.intro')}</Text>
          <ThemePicker
            label={t('education.plan.themes')}
            value={editing}
            onChange={setEditing}
            keep={themes.map((th) => th.id)}
            testId="plan-themes"
          />
        </FormModal>
      )}
    </section>
  );
}

function EnrolmentsSection({ personId, canRecord }: { personId: number; canRecord: boolean }) {
  const { t, i18n } = useTranslation();
  const enrolments = useEnrolments(personId);
  const update = useUpdateEnrolment();
  const [adding, setAdding] = useState(false);
  if (enrolments.isError) return null;
  const rows = enrolments.data ?? [];
  return (
    <section aria-labelledby="enrolments-title" data-testid="person-enrolments">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="enrolments-title">
          {t('education.enrolments.title')}
        </Title>
        {canRecord && (
          <Button size="xs" variant="light" onClick={() => setAdding(true)} data-testid="add-enrolment">
            {t('education.enrolments.add')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={update.error} />
      {rows.length === 0 ? (
        <Text c="dimmed">{t('education.enrolments.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped aria-labelledby="enrolments-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('education.enrolments.course')}</Table.Th>
                <Table.Th scope="col">{t('education.enrolments.kind')}</Table.Th>
                <Table.Th scope="col">{t('education.enrolments.dates')}</Table.Th>
                <Table.Th scope="col">{t('education.enrolments.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.id} data-testid="enrolment-row">
                  <Table.Td>
                    {e.course}
                    <Text size="xs" c="dimmed">
                      {e.institution}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`education.enrolments.kinds.${e.kind}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {formatDate(e.startsOn, i18n.language)} – {e.expectedEndOn ? formatDate(e.expectedEndOn, i18n.language) : '…'}
                  </Table.Td>
                  <Table.Td>
                    {canRecord ? (
                      <StatusSelect enrolment={e} onChange={(status) => update.mutate({ id: e.id, status })} />
                    ) : (
                      t(`education.enrolments.statuses.${e.status}`)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && <EnrolmentModal personId={personId} onClose={() => setAdding(false)} />}
    </section>
  );
}

function StatusSelect({ enrolment, onChange }: { enrolment: Enrolment; onChange: (s: Enrolment['status']) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      size="xs"
      aria-label={t('education.enrolments.statusOf', { course: enrolment.course })}
      data={ENROLMENT_STATUSES.map((s) => ({ value: s, label: t(`education.enrolments.statuses.${s}`) }))}
      value={enrolment.status}
      allowDeselect={false}
      onChange={(v) => v && onChange(v as Enrolment['status'])}
    />
  );
}

function EnrolmentModal({ personId, onClose }: { personId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateEnrolment(personId);
  const [form, setForm] = useState({ course: '', institution: '', kind: 'evening', startsOn: today(), expectedEndOn: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const submit = () => {
    const v = validate(CreateEnrolmentSchema, blankToUndefined(form), t);
    if (!v.ok) return setErrors(v.errors);
    if (v.data.expectedEndOn && v.data.expectedEndOn < v.data.startsOn)
      return setErrors({ expectedEndOn: t('serverErrors.education.endBeforeStart') });
    setErrors({});
    create.mutate(v.data, { onSuccess: onClose });
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('education.enrolments.add')}
      onSubmit={submit}
      pending={create.isPending}
      error={create.error}
    >
      <TextInput
        label={t('education.enrolments.course')}
        required
        value={form.course}
        error={errors.course}
        onChange={(e) => set('course')(e.currentTarget.value)}
        data-testid="enrolment-course"
      />
      <TextInput
        label={t('education.enrolments.institution')}
        required
        value={form.institution}
        error={errors.institution}
        onChange={(e) => set('institution')(e.currentTarget.value)}
        data-testid="enrolment-institution"
      />
      <Select
        label={t('education.enrolments.kind')}
        data={ENROLMENT_KINDS.map((k) => ({ value: k, label: t(`education.enrolments.kinds.${k}`) }))}
        value={form.kind}
        allowDeselect={false}
        onChange={(v) => v && set('kind')(v)}
      />
      <TextInput
        type="date"
        label={t('education.enrolments.startsOn')}
        value={form.startsOn}
        error={errors.startsOn}
        onChange={(e) => set('startsOn')(e.currentTarget.value)}
      />
      <TextInput
        type="date"
        label={t('education.enrolments.expectedEndOn')}
        value={form.expectedEndOn}
        error={errors.expectedEndOn}
        onChange={(e) => set('expectedEndOn')(e.currentTarget.value)}
      />
    </FormModal>
  );
}
