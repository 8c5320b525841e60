/** Retiring a kind of meeting, after saying what it means; the server's refusals are shown in the user's language. */
import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { MeetingKind } from '../../api/health-types.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useRetireMeetingKind } from './rulebook-mutations.ts';

type Referring = { code: string; titleEn: string; titleKo: string };

/** The two refusals the API explains in its details (the default kind; standards that refer to the kind), worded here. */
function refusal(error: unknown, t: TFunction, ko: boolean): unknown {
  if (!(error instanceof ApiError)) return error;
  const details = error.details as { reason?: string; standards?: Referring[] } | undefined;
  if (error.status === 400 && details?.reason === 'default_kind') return new Error(t('meetingKinds.retireForm.defaultKind'));
  if (error.status === 409 && Array.isArray(details?.standards)) {
    const list = details.standards.map((s) => `${ko ? s.titleKo : s.titleEn} (${s.code})`).join(', ');
    return new Error(t('meetingKinds.retireForm.usedByStandards', { list }));
  }
  return error;
}

export function RetireMeetingKindModal({ kind, onClose }: { kind: MeetingKind; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const retire = useRetireMeetingKind();
  const ko = i18n.resolvedLanguage === 'ko';
  const name = ko ? kind.nameKo : kind.nameEn;

  return (
    <FormModal opened onClose={onClose} title={t('meetingKinds.retireForm.title', { name })} submitLabel={t('meetingKinds.retireForm.submit')}
      pending={retire.isPending} error={refusal(retire.error, t, ko)}
      onSubmit={() => retire.mutate({ code: kind.code, retire: true }, { onSuccess: onClose })}>
      <Text size="sm" data-testid="retire-kind-explain">{t('meetingKinds.retireForm.explain')}</Text>
    </FormModal>
  );
}
