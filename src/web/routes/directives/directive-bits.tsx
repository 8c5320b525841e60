/** Small pieces shared by the directives pages. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/schemas/accounts.ts';

/** Officials managing a subtree and administrators issue directives. */
export const issuesDirectives = (me: Me) => me.grants.some((g) => g.role === 'admin' || (g.role === 'official' && g.access === 'manage'));

export function StatusBadge({ status }: { status: 'draft' | 'published' | 'withdrawn' }) {
  const { t } = useTranslation();
  const color = status === 'published' ? 'green' : status === 'draft' ? 'gray' : 'red';
  return (
    <Badge color={color} variant="light" data-testid="directive-status">
      {t(`directives.status.${status}`)}
    </Badge>
  );
}
