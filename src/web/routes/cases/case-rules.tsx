/** The centre's case rules (central administrators, on the rulebook page): days to respond, days to appeal, years kept. */
import { Button, Card, Group, NumberInput, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRules } from '../../../shared/schemas/cases.ts';
import { useCaseRules, useSetCaseRules } from '../../api/cases.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

const FIELDS = [
  { key: 'responseDays', max: 365 },
  { key: 'appealDays', max: 365 },
  { key: 'retentionYears', max: 100 },
] as const;

export function CaseRulesSettings() {
  const { t } = useTranslation();
  const rules = useCaseRules();
  const save = useSetCaseRules();
  const [draft, setDraft] = useState<CaseRules | null>(null);
  useEffect(() => {
    if (rules.data) setDraft(rules.data);
  }, [rules.data]);
  return (
    <Card withBorder component="section" aria-labelledby="case-rules-title" data-testid="case-rules">
      <Title order={3} size="h4" id="case-rules-title">
        {t('cases.rules.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('cases.rules.intro')}
      </Text>
      <ErrorAlert error={rules.error ?? save.error} />
      {draft && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(draft);
          }}
        >
          <Group align="flex-end" wrap="wrap" mt="sm">
            {FIELDS.map((f) => (
              <NumberInput
                key={f.key}
                label={t(`cases.rules.${f.key}`)}
                min={1}
                max={f.max}
                allowDecimal={false}
                value={draft[f.key]}
                onChange={(v) => setDraft((d) => (d ? { ...d, [f.key]: typeof v === 'number' ? v : Number.NaN } : d))}
                w={220}
                data-testid={`case-rules-${f.key}`}
              />
            ))}
            <Button type="submit" loading={save.isPending} data-testid="case-rules-save">
              {t('common.save')}
            </Button>
          </Group>
          {save.isSuccess && (
            <Text size="sm" c="teal" role="status" mt="xs">
              {t('cases.rules.saved')}
            </Text>
          )}
        </form>
      )}
    </Card>
  );
}
