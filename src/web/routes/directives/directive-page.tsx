/** A directive: its text, acknowledging it, publishing or withdrawing it, its reach down the tree, and the secretary's briefings. */
import { Alert, Button, Card, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import type { Me } from '../../../shared/schemas/accounts.ts';
import { useAcknowledge, useDirective, usePublishDirective, useWithdrawDirective } from '../../api/directives.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { usePageTitle } from '../../components/page-title.tsx';
import { RichTextView } from '../../components/server-html.tsx';
import { AttachmentsPanel } from './attachments-panel.tsx';
import { BriefingForm } from './briefing-form.tsx';
import { DirectiveForm } from './directive-form.tsx';
import { StatusBadge } from './directive-bits.tsx';
import { ReachPanel } from './reach-panel.tsx';

export function DirectivePage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const directive = useDirective(id);
  const publish = usePublishDirective();
  const withdraw = useWithdrawDirective();
  const acknowledge = useAcknowledge();
  const [search, setSearch] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const d = directive.data;
  usePageTitle(d?.title);
  if (directive.isError) return <ErrorAlert error={directive.error} />;
  if (!d) return <Loader aria-label={t('common.loading')} />;
  const round = d.rounds[d.rounds.length - 1];
  const secretaryOf = me.cells.find((c) => c.role === 'secretary' || c.role === 'deputy_secretary');
  const seesReach = d.status !== 'draft' && me.grants.some((g) => g.role !== 'member');
  const unit = Number(search.get('unit')) || (me.roots[0]?.id ?? secretaryOf?.id ?? null);
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} data-testid="directive-heading">
            {d.title}
          </Title>
          <Group gap="xs">
            <StatusBadge status={d.status} />
            <Text size="sm" c="dimmed">
              {t('directives.issuedByUnit', { unit: d.issuingUnit.name })}
              {' · '}
              {t('directives.targetList', { units: d.target.units.map((u) => u.name).join(', ') })}
              {round?.deadlineOn ? ` · ${t('directives.acknowledgeBy', { date: round.deadlineOn })}` : ''}
              {d.rebrief ? ` · ${t('directives.rebrief.schedule', { count: d.rebrief.times, months: d.rebrief.everyMonths })}` : ''}
            </Text>
          </Group>
        </Stack>
        {d.canManage && (
          <Group>
            {d.status === 'draft' && (
              <Button variant="default" onClick={() => setEditing(true)} data-testid="directive-edit">
                {t('directives.edit')}
              </Button>
            )}
            {d.status === 'draft' && (
              <Button onClick={() => publish.mutate(d.id)} loading={publish.isPending} data-testid="directive-publish">
                {t('directives.publish')}
              </Button>
            )}
            {d.status === 'published' && (
              <Button
                color="red"
                variant="light"
                onClick={() => withdraw.mutate(d.id)}
                loading={withdraw.isPending}
                data-testid="directive-withdraw"
              >
                {t('directives.withdraw')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <ErrorAlert error={publish.error ?? withdraw.error ?? acknowledge.error} />
      <Card withBorder>
        <RichTextView html={d.body} data-testid="directive-body-text" />
      </Card>
      <AttachmentsPanel directive={d} />
      {d.mine && (
        <Card withBorder data-testid="my-acknowledgment">
          {d.mine.acknowledgedAt ? (
            <Text c="green" data-testid="acknowledged-at">
              {t('directives.acknowledgedAt', { time: time(d.mine.acknowledgedAt) })}
            </Text>
          ) : d.status === 'withdrawn' ? (
            <Alert color="gray">{t('directives.withdrawnNotice')}</Alert>
          ) : (
            <Group justify="space-between">
              <Text>{d.mine.briefedOn ? t('directives.briefedOn', { date: d.mine.briefedOn }) : t('directives.pleaseAcknowledge')}</Text>
              <Button onClick={() => acknowledge.mutate(d.id)} loading={acknowledge.isPending} data-testid="acknowledge">
                {t('directives.acknowledge')}
              </Button>
            </Group>
          )}
        </Card>
      )}
      {seesReach && unit !== null && (
        <>
          <Divider />
          <ReachPanel directiveId={d.id} unitId={unit} onDrill={(u) => setSearch({ unit: String(u) })} />
        </>
      )}
      {editing && <DirectiveForm opened draft={d} onClose={() => setEditing(false)} />}
      {d.status === 'published' && secretaryOf && (
        <>
          <Divider />
          <BriefingForm directiveId={d.id} cellId={secretaryOf.id} />
        </>
      )}
    </Stack>
  );
}
