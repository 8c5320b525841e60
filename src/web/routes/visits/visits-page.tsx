/**
 * The official's visits (issue 14): plan a visit to a cell of their subtree (the server refuses any
 * other), and the visits they planned, planned or held or cancelled, each opening the visit's page.
 */
import { Button, Card, Group, SegmentedControl, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMyVisits, usePlanVisit } from '../../api/visits.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { UnitPicker } from '../../components/unit-picker.tsx';
import { VisitList } from './visit-list.tsx';

const today = () => new Date().toISOString().slice(0, 10);

function PlanForm() {
  const { t } = useTranslation();
  const plan = usePlanVisit();
  const navigate = useNavigate();
  const [unitId, setUnitId] = useState<number | null>(null);
  const [plannedOn, setPlannedOn] = useState(today());
  const [purpose, setPurpose] = useState('');
  return (
    <Card withBorder component="section" aria-labelledby="plan-visit">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (unitId === null) return;
          plan.mutate({ unitId, plannedOn, ...(purpose.trim() ? { purpose } : {}) }, { onSuccess: (r) => navigate(`/visits/${r.id}`) });
        }}
      >
        <Stack>
          <Title order={2} size="h4" id="plan-visit">
            {t('visits.planTitle')}
          </Title>
          <ErrorAlert error={plan.error} />
          <UnitPicker label={t('visits.cell')} kind="cell" value={unitId} onChange={setUnitId} data-testid="visit-cell" />
          <TextInput
            type="date"
            label={t('visits.plannedOn')}
            value={plannedOn}
            min={today()}
            onChange={(e) => setPlannedOn(e.currentTarget.value)}
            required
            data-testid="visit-planned-on"
          />
          <Textarea
            label={t('visits.purpose')}
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={2}
            data-testid="visit-purpose"
          />
          <Group justify="flex-end">
            <Button type="submit" disabled={unitId === null} loading={plan.isPending} data-testid="visit-plan">
              {t('visits.plan')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function VisitsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('planned');
  const mine = useMyVisits(status);
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('visits.title')}
      </Title>
      <PlanForm />
      <Stack component="section" aria-labelledby="my-visits">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="my-visits">
            {t('visits.mine')}
          </Title>
          <SegmentedControl
            value={status}
            onChange={setStatus}
            data={['planned', 'held', 'cancelled', 'all'].map((s) => ({ value: s, label: t(`visits.filter.${s}`) }))}
          />
        </Group>
        <ErrorAlert error={mine.error} />
        {mine.data && <VisitList items={mine.data.items} />}
      </Stack>
    </Stack>
  );
}
