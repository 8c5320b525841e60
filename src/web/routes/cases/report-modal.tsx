/**
 * Reporting conduct in a role: whom (only people holding a role the member can name), which kind of
 * conduct, what happened, an optional file of evidence, and whether to stay anonymous to the subject.
 * The form says plainly that private life and beliefs are out of scope.
 */
import { Alert, Checkbox, FileInput, Select, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_CATEGORIES, CASE_LIMITS, type CaseCategory } from '../../../shared/schemas/cases.ts';
import { uploadFile } from '../../api/client.ts';
import { useCaseSubjects, useReportCase } from '../../api/cases.ts';
import { FormModal } from '../../components/form-modal.tsx';

export function ReportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const subjects = useCaseSubjects(opened);
  const report = useReportCase();
  const [subject, setSubject] = useState<string | null>(null);
  const [category, setCategory] = useState<CaseCategory | null>(null);
  const [summary, setSummary] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [file, setFile] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  useEffect(() => {
    if (!opened) return;
    setSubject(null);
    setCategory(null);
    setSummary('');
    setAnonymous(true);
    setFile(null);
    setUploadError(null);
    report.reset();
  }, [opened, report.reset]);
  const submit = () => {
    report.mutate(
      {
        subjectPersonId: Number(subject?.split(':')[0]),
        category: category as CaseCategory,
        summary: summary.trim(),
        anonymousToSubject: anonymous,
      },
      {
        onSuccess: async ({ id }) => {
          if (file) {
            try {
              await uploadFile(`/api/v1/cases/${id}/evidence`, file);
            } catch (e) {
              setUploadError(e);
              return;
            }
          }
          onClose();
        },
      },
    );
  };
  const roleLabel = (role: string, unit: string) => t(`cases.subjectRole.${role}`, { unit });
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('cases.reportTitle')}
      onSubmit={submit}
      submitLabel={t('cases.send')}
      pending={report.isPending}
      error={report.error ?? uploadError}
      size="lg"
    >
      <Alert color="blue" variant="light" data-testid="case-scope-note">
        {t('cases.scopeNote')}
      </Alert>
      <Select
        label={t('cases.subject')}
        description={t('cases.subjectHelp')}
        required
        searchable
        value={subject}
        onChange={setSubject}
        data={(subjects.data?.items ?? []).map((s) => ({
          value: `${s.id}:${s.unit.id}:${s.role}`,
          label: `${s.fullName} — ${roleLabel(s.role, s.unit.name)}`,
        }))}
        nothingFoundMessage={t('cases.noSubjects')}
        data-testid="case-subject"
      />
      <Select
        label={t('cases.category')}
        required
        value={category}
        onChange={(v) => setCategory(v as CaseCategory | null)}
        data={CASE_CATEGORIES.map((c) => ({ value: c, label: t(`cases.categories.${c}`) }))}
        data-testid="case-category"
      />
      <Textarea
        label={t('cases.summary')}
        description={t('cases.summaryHelp')}
        required
        autosize
        minRows={4}
        maxLength={CASE_LIMITS.summary}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        data-testid="case-summary"
      />
      <FileInput label={t('cases.evidence')} description={t('cases.evidenceHelp')} clearable value={file} onChange={setFile} />
      <Checkbox
        label={t('cases.anonymous')}
        description={t('cases.anonymousHelp')}
        checked={anonymous}
        onChange={(e) => setAnonymous(e.currentTarget.checked)}
        data-testid="case-anonymous"
      />
    </FormModal>
  );
}
