import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GrantAccess, GrantRole, MembershipRole, Sector, UnitKind } from '../../shared/enums.ts';

export function KindBadge({ kind }: { kind: UnitKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={kind === 'cell' ? 'teal' : 'indigo'} variant="light">
      {t(`kind.${kind}`)}
    </Badge>
  );
}

const ROLE_COLORS: Record<MembershipRole, string> = {
  secretary: 'red',
  deputy_secretary: 'orange',
  member: 'blue',
  candidate: 'gray',
};

export function RoleBadge({ role }: { role: MembershipRole }) {
  const { t } = useTranslation();
  return (
    <Badge color={ROLE_COLORS[role]} variant="light">
      {t(`membershipRole.${role}`)}
    </Badge>
  );
}

export function GrantLabel({ role, access }: { role: GrantRole; access: GrantAccess }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`grantRole.${role}`)} · {t(`access.${access}`)}
    </>
  );
}

export function SectorText({ sector }: { sector: Sector | null }) {
  const { t } = useTranslation();
  return <>{sector ? t(`sector.${sector}`) : '—'}</>;
}
