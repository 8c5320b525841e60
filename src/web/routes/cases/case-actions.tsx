/**
 * The steps of due process as buttons, each with its form: triage (open, or out of scope with reasons),
 * notify the subject, decide (with reasons, and the measure when upheld), respond, appeal (the deadline shown).
 */
import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_LIMITS, type Case } from '../../../shared/schemas/cases.ts';
import { useCaseStep } from '../../api/cases.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { formatDateTime } from '../../lib/period.ts';

type Dialog = 'out_of_scope' | 'decide' | 'respond' | 'appeal' | null;

export function CaseActions({ c }: { c: Case }) {
  const { t, i18n } = useTranslation();
  const step = useCaseStep(c.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<'dismissed' | 'upheld'>('dismissed');
  const [measure, setMeasure] = useState('');
  const open = (d: Dialog) => {
    step.reset();
    setText('');
    setMeasure('');
    setOutcome('dismissed');
    setDialog(d);
  };
  const close = () => setDialog(null);
  const run = (s: Parameters<typeof step.mutate>[0], after?: () => void) => step.mutate(s, { onSuccess: after });
  const any = Object.values(c.can).some(Boolean);
  if (!any) return null;
  const textArea = (label: string, testId: string) => (
    <Textarea
      label={label}
      required
      autosize
      minRows={4}
      maxLength={CASE_LIMITS.text}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      data-testid={testId}
    />
  );
  return (
    <Stack gap="xs">
      {dialog === null && <ErrorAlert error={step.error} />}
      <Group>
        {c.can.triage && (
          <>
            <Button onClick={() => run({ step: 'triage', body: { action: 'open' } })} loading={step.isPending} data-testid="case-open">
              {t('cases.actions.open')}
            </Button>
            <Button variant="default" onClick={() => open('out_of_scope')} data-testid="case-out-of-scope">
              {t('cases.actions.outOfScope')}
            </Button>
          </>
        )}
        {c.can.notify && (
          <Button onClick={() => run({ step: 'notify-subject', body: {} })} loading={step.isPending} data-testid="case-notify">
            {t('cases.actions.notify')}
          </Button>
        )}
        {c.can.decide && (
          <Button onClick={() => open('decide')} data-testid="case-decide">
            {t('cases.actions.decide')}
          </Button>
        )}
        {c.can.respond && (
          <Button onClick={() => open('respond')} data-testid="case-respond">
            {t('cases.actions.respond')}
          </Button>
        )}
        {c.can.appeal && (
          <Button variant="default" onClick={() => open('appeal')} data-testid="case-appeal">
            {t('cases.actions.appeal')}
          </Button>
        )}
      </Group>
      {c.can.appeal && c.appealBy && <Text size="sm">{t('cases.appealBy', { date: formatDateTime(c.appealBy, i18n.language) })}</Text>}
      {c.status === 'open' && c.notifiedAt && !c.heard && c.respondBy && (
        <Text size="sm">{t('cases.respondBy', { date: formatDateTime(c.respondBy, i18n.language) })}</Text>
      )}
      <FormModal
        opened={dialog === 'out_of_scope'}
        onClose={close}
        title={t('cases.actions.outOfScope')}
        onSubmit={() => run({ step: 'triage', body: { action: 'out_of_scope', reasons: text.trim() } }, close)}
        pending={step.isPending}
        error={step.error}
      >
        {textArea(t('cases.reasons'), 'case-reasons')}
      </FormModal>
      <FormModal
        opened={dialog === 'decide'}
        onClose={close}
        title={t('cases.actions.decide')}
        onSubmit={() =>
          run(
            {
              step: 'decision',
              body: { outcome, reasons: text.trim(), ...(outcome === 'upheld' ? { measure: measure.trim() } : {}) },
            },
            close,
          )
        }
        pending={step.isPending}
        error={step.error}
      >
        <Radio.Group label={t('cases.outcome')} value={outcome} onChange={(v) => setOutcome(v as 'dismissed' | 'upheld')}>
          <Stack gap="xs" mt="xs">
            <Radio value="dismissed" label={t('cases.outcomes.dismissed')} data-testid="case-outcome-dismissed" />
            <Radio value="upheld" label={t('cases.outcomes.upheld')} data-testid="case-outcome-upheld" />
          </Stack>
        </Radio.Group>
        {textArea(t('cases.reasons'), 'case-reasons')}
        {outcome === 'upheld' && (
          <Textarea
            label={t('cases.measure')}
            required
            autosize
            maxLength={CASE_LIMITS.measure}
            value={measure}
            onChange={(e) => setMeasure(e.currentTarget.value)}
            data-testid="case-measure"
          />
        )}
      </FormModal>
      <FormModal
        opened={dialog === 'respond'}
        onClose={close}
        title={t('cases.actions.respond')}
        onSubmit={() => run({ step: 'responses', body: { text: text.trim() } }, close)}
        pending={step.isPending}
        error={step.error}
      >
        {textArea(t('cases.response'), 'case-response')}
      </FormModal>
      <FormModal
        opened={dialog === 'appeal'}
        onClose={close}
        title={t('cases.actions.appeal')}
        onSubmit={() => run({ step: 'appeal', body: { text: text.trim() } }, close)}
        pending={step.isPending}
        error={step.error}
      >
        {c.appealBy && <Text size="sm">{t('cases.appealBy', { date: formatDateTime(c.appealBy, i18n.language) })}</Text>}
        {textArea(t('cases.appealText'), 'case-appeal-text')}
      </FormModal>
    </Stack>
  );
}
