/**
 * The ideas rules on a committee's Ideas tab: which level evaluates the ideas and after how many
 * months a benefit is confirmed. Everyone reads them; the centre's administrator changes them.
 */
import { Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdeaRules, useSetIdeaRules } from '../../api/ideas.ts';
import { useMe } from '../../api/session.ts';
import { isCentralAdmin } from '../../components/app-layout.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function IdeaRulesCard() {
  const { t } = useTranslation();
  const me = useMe();
  const rules = useIdeaRules();
  const save = useSetIdeaRules();
  const [levels, setLevels] = useState<number | string | null>(null);
  const [months, setMonths] = useState<number | string | null>(null);
  const r = rules.data;
  if (!r) return <ErrorAlert error={rules.error} />;
  const admin = me.data ? isCentralAdmin(me.data) : false;
  const levelText = (n: number) => (n === 0 ? t('ideas.rules.byCell') : t('ideas.rules.byLevels', { count: n }));
  return (
    <Card withBorder component="section" aria-labelledby="idea-rules" data-testid="idea-rules">
      <Stack>
        <Title order={3} size="h4" id="idea-rules">
          {t('ideas.rules.title')}
        </Title>
        <Text>
          {levelText(r.evaluatorLevelsUp)} {t('ideas.rules.confirmAfter', { count: r.confirmationMonths })}
        </Text>
        {admin && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({
                evaluatorLevelsUp: Number(levels ?? r.evaluatorLevelsUp),
                confirmationMonths: Number(months ?? r.confirmationMonths),
              });
            }}
          >
            <Stack>
              <ErrorAlert error={save.error} />
              <Group align="flex-end" wrap="wrap">
                <NumberInput
                  label={t('ideas.rules.levelsUp')}
                  description={t('ideas.rules.levelsUpHint')}
                  min={0}
                  max={10}
                  allowDecimal={false}
                  value={levels ?? r.evaluatorLevelsUp}
                  onChange={setLevels}
                />
                <NumberInput
                  label={t('ideas.rules.months')}
                  min={1}
                  max={60}
                  allowDecimal={false}
                  value={months ?? r.confirmationMonths}
                  onChange={setMonths}
                />
                <Button type="submit" loading={save.isPending}>
                  {t('ideas.rules.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
