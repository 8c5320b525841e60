/**
 * The member's learning plan on their home: the themes their secretary chose, completed ones ticked
 * (attended a study meeting on it or read its material). The plan comes with the home page's one
 * request (GET /me/home); undefined while that request is on its way.
 */
import { Card, Group, List, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LearningPlan } from '../../../shared/schemas/education.ts';
import { titleIn } from '../../api/education.ts';
import { formatDate } from '../../lib/period.ts';

export function LearningPlanCard({ plan }: { plan?: LearningPlan }) {
  const { t } = useTranslation();
  const data = plan;
  return (
    <Card withBorder component="section" aria-labelledby="home-learning-plan" data-testid="home-learning-plan">
      <Title order={3} size="h4" id="home-learning-plan" mb="xs">
        {t('education.plan.mine')}
      </Title>
      {!data || data.themes.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('education.plan.none')}
        </Text>
      ) : (
        <PlanThemes plan={data} />
      )}
    </Card>
  );
}

/** The plan's themes, each ticked when completed, with its programme and the day it was completed. */
export function PlanThemes({ plan }: { plan: LearningPlan }) {
  const { t, i18n } = useTranslation();
  const done = plan.themes.filter((th) => th.completed).length;
  return (
    <>
      <Text size="sm" c="dimmed" mb={4}>
        {t('education.plan.progress', { done, total: plan.themes.length })}
      </Text>
      <List spacing={4} listStyleType="none">
        {plan.themes.map((th) => (
          <List.Item key={th.id} data-testid="plan-theme" data-completed={th.completed}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <ThemeIcon
                size="sm"
                radius="xl"
                color={th.completed ? 'green' : 'gray'}
                variant={th.completed ? 'filled' : 'light'}
                aria-hidden
              >
                {th.completed ? '✓' : ''}
              </ThemeIcon>
              <div>
                <Text size="sm">
                  {titleIn(i18n.language, th)}
                  <VisuallyHidden> ({th.completed ? t('education.plan.completed') : t('education.plan.notYet')})</VisuallyHidden>
                </Text>
                <Text size="xs" c="dimmed">
                  {titleIn(i18n.language, th.programme)}
                  {th.completedOn ? ` · ${t('education.plan.completedOn', { date: formatDate(th.completedOn, i18n.language) })}` : ''}
                </Text>
              </div>
            </Group>
          </List.Item>
        ))}
      </List>
    </>
  );
}
