import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared/enums.ts';
import { passwordLength, passwordLengthProblem } from '../../shared/password-rules.ts';
import { loadStrengthEstimator, type StrengthScore } from '../lib/password-strength.ts';

const COLORS = ['red', 'orange', 'yellow', 'teal', 'green'] as const;

/**
 * How strong a new password looks (zxcvbn's guess, 0 to 4), for the person choosing it. Advice only:
 * the server judges, refusing passwords that are too short, too long or among the most common.
 */
export function PasswordStrength({ password, userInputs = [] }: { password: string; userInputs?: string[] }) {
  const { t } = useTranslation();
  const [estimator, setEstimator] = useState<Awaited<ReturnType<typeof loadStrengthEstimator>> | null>(null);
  useEffect(() => {
    let live = true;
    void loadStrengthEstimator().then((e) => {
      if (live) setEstimator(() => e);
    });
    return () => {
      live = false;
    };
  }, []);

  const problem = password === '' ? null : passwordLengthProblem(password);
  const score: StrengthScore | null = estimator && password !== '' ? estimator.check(password, userInputs).score : null;
  const text =
    password === ''
      ? t('passwordStrength.rule', { min: LIMITS.passwordMin })
      : problem === 'password.tooShort'
        ? t('passwordStrength.tooShort', { length: passwordLength(password), min: LIMITS.passwordMin })
        : problem === 'password.tooLong'
          ? t('passwordStrength.tooLong', { length: passwordLength(password), max: LIMITS.passwordMax })
          : score === null
            ? t('passwordStrength.checking')
            : t('passwordStrength.label', { level: t(`passwordStrength.levels.${score}`) });
  // Too short a password is weak whatever it looks like.
  const shown = problem ? 0 : score;
  return (
    <Stack gap={4} data-testid="password-strength" data-score={shown ?? ''}>
      <Progress value={shown === null ? 0 : (shown + 1) * 20} color={COLORS[shown ?? 0]} size="sm" aria-hidden />
      <Text size="xs" c="dimmed" aria-live="polite">
        {text}
      </Text>
    </Stack>
  );
}
