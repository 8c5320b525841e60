/**
 * The rulebook (central administrators): the standards in force and planned, each one's earlier
 * versions, and the forms to add a standard, change one from a month on, or retire it; below them,
 * the centre's admission rules and criteria.
 */
import { Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Standard } from '../../../shared/schemas/compliance.ts';
import { useStandards } from '../../api/compliance.ts';
import { useMeetingKinds } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AdmissionSettings } from '../admissions/admission-settings.tsx';
import { CaseRulesSettings } from '../cases/case-rules.tsx';
import { todayLocal } from '../../lib/period.ts';
import { RetireStandardModal } from './retire-standard-modal.tsx';
import { StandardModal } from './standard-modal.tsx';
import { StandardsTable } from './standards-table.tsx';
import { versionStatus } from './standard-rules.ts';

type Dialog = { kind: 'add' } | { kind: 'change'; standard: Standard } | { kind: 'retire'; standard: Standard } | null;

export function RulebookPage() {
  const { t } = useTranslation();
  const standards = useStandards();
  // The rules are worded with the meeting kinds' names: wait for them (on failure, codes stand in).
  const kinds = useMeetingKinds();
  const ready = standards.isSuccess && !kinds.isPending;
  const [dialog, setDialog] = useState<Dialog>(null);
  const today = todayLocal();
  const all = standards.data ?? [];
  const live = all.filter((s) => versionStatus(s, today) !== 'past');
  const past = all
    .filter((s) => versionStatus(s, today) === 'past')
    .sort((a, b) => a.code.localeCompare(b.code) || b.validFrom.localeCompare(a.validFrom));
  const close = () => setDialog(null);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Title order={2}>{t('rulebook.title')}</Title>
        <Button onClick={() => setDialog({ kind: 'add' })} data-testid="add-standard">
          {t('rulebook.add')}
        </Button>
      </Group>
      <Text maw={820}>{t('rulebook.intro')}</Text>
      <ErrorAlert error={standards.error} />
      {!ready && !standards.isError && (
        <Center>
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {ready && (
        <>
          <Title order={3} size="h4" id="standards-live">
            {t('rulebook.inForce')}
          </Title>
          {live.length === 0 ? (
            <Text c="dimmed">{t('rulebook.none')}</Text>
          ) : (
            <div data-testid="standards-live">
              <StandardsTable
                rows={live}
                today={today}
                labelledBy="standards-live"
                onChange={(s) => setDialog({ kind: 'change', standard: s })}
                onRetire={(s) => setDialog({ kind: 'retire', standard: s })}
              />
            </div>
          )}
          <Title order={3} size="h4" id="standards-history">
            {t('rulebook.history')}
          </Title>
          {past.length === 0 ? (
            <Text c="dimmed">{t('rulebook.noHistory')}</Text>
          ) : (
            <div data-testid="standards-history">
              <StandardsTable rows={past} today={today} labelledBy="standards-history" />
            </div>
          )}
        </>
      )}
      <AdmissionSettings />
      <CaseRulesSettings />
      {dialog?.kind === 'add' && <StandardModal editing={null} standards={all} onClose={close} />}
      {dialog?.kind === 'change' && <StandardModal key={dialog.standard.id} editing={dialog.standard} standards={all} onClose={close} />}
      {dialog?.kind === 'retire' && <RetireStandardModal standard={dialog.standard} standards={all} onClose={close} />}
    </Stack>
  );
}
