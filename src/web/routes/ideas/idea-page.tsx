/**
 * One idea (issue 15): what it is, its authors, its timeline (every step with who and when), and the
 * form of the next step for whoever may take it: the evaluating unit accepts or rejects; whoever manages
 * the cell puts it into trial, records its introduction with the benefit, confirms the benefit.
 */
import {
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { BENEFIT_PERIODS, IDEA_LIMITS, type Idea } from '../../../shared/schemas/ideas.ts';
import { useIdea, useIdeaStep, type EvaluateIdea, type IntroduceIdea } from '../../api/ideas.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { usePageTitle } from '../../components/page-title.tsx';
import { IdeaAuthoring } from './idea-authoring.tsx';
import { IdeaStatusBadge } from './idea-list.tsx';

const today = () => new Date().toISOString().slice(0, 10);

function StepCard({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Stack>
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function EvaluateForm({ idea }: { idea: Idea }) {
  const { t } = useTranslation();
  const step = useIdeaStep<EvaluateIdea>(idea.id, 'evaluation');
  const [decision, setDecision] = useState<'accepted' | 'rejected'>('accepted');
  const [reasons, setReasons] = useState('');
  return (
    <StepCard id="idea-evaluate" title={t('ideas.evaluateTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          step.mutate({ decision, reasons });
        }}
      >
        <Stack>
          <ErrorAlert error={step.error} />
          <Radio.Group label={t('ideas.decision')} value={decision} onChange={(v) => setDecision(v as typeof decision)} required>
            <Group mt="xs">
              <Radio value="accepted" label={t('ideas.accept')} data-testid="idea-accept" />
              <Radio value="rejected" label={t('ideas.reject')} data-testid="idea-reject" />
            </Group>
          </Radio.Group>
          <Textarea
            label={t('ideas.reasons')}
            required
            autosize
            minRows={2}
            maxLength={IDEA_LIMITS.reasons}
            value={reasons}
            onChange={(e) => setReasons(e.currentTarget.value)}
            data-testid="idea-reasons"
          />
          <Button type="submit" loading={step.isPending} w="fit-content" data-testid="idea-evaluate">
            {t('ideas.evaluate')}
          </Button>
        </Stack>
      </form>
    </StepCard>
  );
}

function IntroduceForm({ idea }: { idea: Idea }) {
  const { t } = useTranslation();
  const step = useIdeaStep<IntroduceIdea>(idea.id, 'introduction');
  const trial = useIdeaStep<Record<string, never>>(idea.id, 'trial');
  const [on, setOn] = useState(today());
  const [amount, setAmount] = useState<number | string>('');
  const [unit, setUnit] = useState('');
  const [period, setPeriod] = useState<string | null>('year');
  return (
    <StepCard id="idea-introduce" title={t('ideas.introduceTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          step.mutate({
            introducedOn: on,
            benefit: { amount: Number(amount), unit, ...(period ? { period: period as (typeof BENEFIT_PERIODS)[number] } : {}) },
          });
        }}
      >
        <Stack>
          <ErrorAlert error={step.error ?? trial.error} />
          <Group align="flex-end" wrap="wrap">
            <TextInput
              type="date"
              label={t('ideas.introducedOn')}
              required
              value={on}
              min={idea.submittedOn}
              max={today()}
              onChange={(e) => setOn(e.currentTarget.value)}
              data-testid="idea-introduced-on"
            />
            <NumberInput
              label={t('ideas.benefitAmount')}
              required
              min={0}
              decimalScale={2}
              value={amount}
              onChange={setAmount}
              data-testid="idea-benefit-amount"
            />
            <TextInput
              label={t('ideas.benefitUnit')}
              description={t('ideas.benefitUnitHint')}
              required
              maxLength={IDEA_LIMITS.unit}
              value={unit}
              onChange={(e) => setUnit(e.currentTarget.value)}
              data-testid="idea-benefit-unit"
            />
            <Select
              label={t('ideas.benefitPeriod')}
              value={period}
              onChange={setPeriod}
              clearable
              data={BENEFIT_PERIODS.map((p) => ({ value: p, label: t(`ideas.period.${p}`) }))}
              data-testid="idea-benefit-period"
            />
          </Group>
          <Group>
            <Button type="submit" loading={step.isPending} data-testid="idea-introduce">
              {t('ideas.introduce')}
            </Button>
            {idea.can.trial && (
              <Button variant="default" onClick={() => trial.mutate({})} loading={trial.isPending} data-testid="idea-trial">
                {t('ideas.startTrial')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </StepCard>
  );
}

function ConfirmForm({ idea }: { idea: Idea }) {
  const { t } = useTranslation();
  const step = useIdeaStep<{ note?: string }>(idea.id, 'confirmation');
  const [note, setNote] = useState('');
  return (
    <StepCard id="idea-confirm" title={t('ideas.confirmTitle')}>
      <ErrorAlert error={step.error} />
      <Textarea
        label={t('ideas.note')}
        autosize
        value={note}
        maxLength={IDEA_LIMITS.note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Button w="fit-content" onClick={() => step.mutate(note.trim() ? { note } : {})} loading={step.isPending} data-testid="idea-confirm">
        {t('ideas.confirm')}
      </Button>
    </StepCard>
  );
}

function stepText(t: ReturnType<typeof useTranslation>['t'], e: Idea['timeline'][number]) {
  const d = e.detail ?? {};
  if (e.step === 'introduced') {
    const b = d.benefit as { amount: number; unit: string; period?: string } | undefined;
    if (b) return t('ideas.benefitLine', { amount: b.amount, unit: b.unit, period: b.period ? t(`ideas.period.${b.period}`) : '' });
  }
  if (typeof d.reasons === 'string') return d.reasons;
  if (typeof d.note === 'string') return d.note;
  return '';
}

export function IdeaPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const idea = useIdea(id);
  const i = idea.data;
  usePageTitle(i ? i.title : null);
  if (idea.isLoading) return <Loader />;
  if (!i) return <ErrorAlert error={idea.error} />;
  return (
    <Stack gap="lg" data-testid="idea-page">
      <Stack gap={4}>
        <Group gap="sm" wrap="wrap">
          <Title order={1} size="h2">
            {i.title}
          </Title>
          <IdeaStatusBadge status={i.status} />
        </Group>
        <Text c="dimmed">
          <Anchor component={Link} to={`/units/${i.cellId}?tab=ideas`} underline="always">
            {i.cellName}
          </Anchor>
          {' · '}
          {t('ideas.byOn', { authors: i.authors.map((a) => a.fullName).join(', '), day: i.submittedOn })}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{i.description}</Text>
        {i.expectedBenefit && <Text>{t('ideas.expectedShown', { text: i.expectedBenefit })}</Text>}
        <Text size="sm" c="dimmed">
          {t('ideas.evaluatedBy', { unit: i.evaluator.name })}
        </Text>
        {i.benefit && (
          <Text data-testid="idea-benefit">
            {t('ideas.benefitLine', {
              amount: i.benefit.amount,
              unit: i.benefit.unit,
              period: i.benefit.period ? t(`ideas.period.${i.benefit.period}`) : '',
            })}
          </Text>
        )}
        {i.withdrawnOn && <Text size="sm">{t('ideas.withdrawnOn', { day: i.withdrawnOn })}</Text>}
        {i.status === 'introduced' && i.confirmableOn && <Text size="sm">{t('ideas.confirmableOn', { day: i.confirmableOn })}</Text>}
      </Stack>
      <Stack component="section" aria-labelledby="idea-timeline">
        <Title order={2} size="h4" id="idea-timeline">
          {t('ideas.timeline')}
        </Title>
        <Timeline active={i.timeline.length - 1} bulletSize={14} data-testid="idea-timeline">
          {i.timeline.map((e) => (
            <Timeline.Item key={`${e.step}-${e.at}`} title={t(`ideas.step.${e.step}`)}>
              <Text size="sm" c="dimmed">
                {t('ideas.stepBy', { day: e.on, by: e.by ?? '—' })}
              </Text>
              {stepText(t, e) && <Text size="sm">{stepText(t, e)}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
      {i.can.edit && <IdeaAuthoring idea={i} />}
      {i.can.evaluate && <EvaluateForm idea={i} />}
      {i.can.introduce && <IntroduceForm idea={i} />}
      {i.can.confirm && <ConfirmForm idea={i} />}
    </Stack>
  );
}
