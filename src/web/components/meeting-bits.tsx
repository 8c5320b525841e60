/** Small pieces shared by meeting views: the kind's name in the current language and the status badge. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMeetingKinds } from '../api/meetings.ts';

export function useKindName(): (code: string) => string {
  const { i18n } = useTranslation();
  const kinds = useMeetingKinds();
  return (code) => {
    const k = kinds.data?.find((x) => x.code === code);
    if (!k) return code;
    return i18n.resolvedLanguage === 'ko' ? k.nameKo : k.nameEn;
  };
}

const STATUS_COLORS: Record<string, string> = { scheduled: 'blue', held: 'green', not_held: 'gray' };

export function MeetingStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light" data-status={status}>
      {t(`meetingStatus.${status}`, status)}
    </Badge>
  );
}
