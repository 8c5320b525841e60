/** Small pieces shared by the case pages. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A case's status: orange while something is still to be done, grey once decided or closed. */
export function CaseStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = status === 'received' || status === 'open' || status === 'appealed' ? 'orange' : 'gray';
  return (
    <Badge color={color} variant="light">
      {t(`cases.status.${status}`)}
    </Badge>
  );
}
