/** The assignee's progress report: in progress with a percent, or done; a note either way. */
import { NumberInput, SegmentedControl, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../../shared/schemas/assignments.ts';
import { useReportProgress } from '../../api/assignments.ts';
import { FormModal } from '../../components/form-modal.tsx';

export function ReportModal({ assignment, onClose }: { assignment: Assignment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useReportProgress();
  const [status, setStatus] = useState<'in_progress' | 'done'>('in_progress');
  const [percent, setPercent] = useState<number | string>(0);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (!assignment) return;
    setStatus('in_progress');
    setPercent(assignment.percent);
    setNote('');
    report.reset();
  }, [assignment, report.reset]);
  const submit = () => {
    if (!assignment) return;
    const body = {
      id: assignment.id,
      status,
      note: note.trim() || undefined,
      percent: status === 'done' ? undefined : Number(percent) || 0,
    };
    report.mutate(body, { onSuccess: onClose });
  };
  return (
    <FormModal
      opened={assignment !== null}
      onClose={onClose}
      title={t('assignments.reportTitle', { title: assignment?.title ?? '' })}
      onSubmit={submit}
      submitLabel={t('assignments.sendReport')}
      pending={report.isPending}
      error={report.error}
    >
      {assignment?.doneWhen && (
        <Text size="sm">
          {t('assignments.doneWhen')}: {assignment.doneWhen}
        </Text>
      )}
      <SegmentedControl
        aria-label={t('assignments.status')}
        value={status}
        onChange={(v) => setStatus(v as 'in_progress' | 'done')}
        data={[
          { value: 'in_progress', label: t('assignments.statuses.in_progress') },
          { value: 'done', label: t('assignments.markDone') },
        ]}
        data-testid="report-status"
      />
      {status === 'in_progress' && (
        <NumberInput
          label={t('assignments.percent')}
          min={0}
          max={100}
          value={percent}
          onChange={setPercent}
          data-testid="report-percent"
        />
      )}
      <Textarea
        label={t('assignments.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={2}
        data-testid="report-note"
      />
    </FormModal>
  );
}
