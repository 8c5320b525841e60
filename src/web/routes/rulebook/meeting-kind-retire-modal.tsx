/** Retiring a kind of meeting, after saying what it means; the server's refusals (default kind, kind in use) show in the dialog. */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingKind } from '../../../shared/schemas/meetings.ts';
import { useRetireMeetingKind } from '../../api/meetings.ts';
import { FormModal } from '../../components/form-modal.tsx';

export function RetireMeetingKindModal({ kind, onClose }: { kind: MeetingKind; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const retire = useRetireMeetingKind();
  const ko = i18n.resolvedLanguage === 'ko';
  const name = ko ? kind.nameKo : kind.nameEn;

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('meetingKinds.retireForm.title', { name })}
      submitLabel={t('meetingKinds.retireForm.submit')}
      pending={retire.isPending}
      error={retire.error}
      onSubmit={() => retire.mutate({ code: kind.code, retire: true }, { onSuccess: onClose })}
    >
      <Text size="sm" data-testid="retire-kind-explain">
        {t('meetingKinds.retireForm.explain')}
      </Text>
    </FormModal>
  );
}
