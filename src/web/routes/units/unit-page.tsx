import { Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isNotFound } from '../../api/client.ts';
import { useUnit } from '../../api/units.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { usePageTitle } from '../../components/page-title.tsx';
import { UnitPicker } from '../../components/unit-picker.tsx';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { KeepOfflineButton } from '../../offline/keep-offline-button.tsx';
import { UnitActions } from './unit-actions.tsx';
import { UnitHeader } from './unit-header.tsx';
import { UnitTabs } from './unit-tabs.tsx';
import { DistinctionBadges } from '../emulation/distinctions-panel.tsx';

export function UnitPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const unit = useUnit(id);
  usePageTitle(unit.data?.name);

  const search = (
    <UnitPicker
      label={t('unitSearch.label')}
      value={null}
      data-testid="unit-search"
      maw={480}
      onChange={(target) => target && navigate(`/units/${target}`)}
    />
  );

  // Outside the actor's scope a unit does not exist (404), exactly like a unit that was never created.
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (unit.isPending)
    return (
      <Stack>
        {search}
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      </Stack>
    );
  if (unit.isError)
    return (
      <Stack>
        {search}
        {isNotFound(unit.error) ? <NotFoundPage /> : <ErrorAlert error={unit.error} />}
      </Stack>
    );
  const u = unit.data;

  return (
    <Stack gap="lg">
      {search}
      <UnitHeader unit={u} />
      <DistinctionBadges unit={u} />
      {u.canManage && <UnitActions key={u.id} unit={u} />}
      {/* Whoever records the cell's meetings may keep it on this device for offline use (issue 16). */}
      {u.canManage && u.kind === 'cell' && !u.closedOn && <KeepOfflineButton cellId={u.id} />}
      <UnitTabs unit={u} />
    </Stack>
  );
}
