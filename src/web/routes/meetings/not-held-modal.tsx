/** Recording that the cell did not meet, with the reason: a fact the reports count too. */
import { Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/schemas/meetings.ts';
import { useMarkNotHeld } from '../../api/meetings.ts';
import { FormModal } from '../../components/form-modal.tsx';

export function NotHeldModal({ meeting, opened, onClose }: { meeting: Meeting; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const mark = useMarkNotHeld(meeting.id);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const close = () => {
    mark.reset();
    setTouched(false);
    onClose();
  };
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('meeting.markNotHeld')}
      submitLabel={t('meeting.confirmNotHeld')}
      pending={mark.isPending}
      error={mark.error}
      onSubmit={() => {
        setTouched(true);
        if (!reason.trim()) return;
        mark.mutate({ reason: reason.trim(), version: meeting.version }, { onSuccess: close });
      }}
    >
      <Textarea
        label={t('meeting.notHeldReason')}
        required
        autosize
        minRows={2}
        maxLength={500}
        value={reason}
        data-autofocus
        data-testid="not-held-reason"
        error={touched && !reason.trim() ? t('validation.required') : undefined}
        description={meeting.status === 'held' ? t('meeting.notHeldClears') : undefined}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
    </FormModal>
  );
}
