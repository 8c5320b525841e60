import { Alert, Button, Center, Code, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SignInSchema } from '../../../shared/schemas/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { useSignIn } from '../../api/session.ts';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { validate, type FieldErrors } from '../../lib/validate.ts';

const DEMO_LOGINS = ['admin@demo', 'region@demo', 'district@demo', 'secretary@demo', 'member@demo'];

export function SignInPage() {
  const { t } = useTranslation();
  const [values, setValues] = useState({ login: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const signIn = useSignIn();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validate(SignInSchema, values, t);
    if (!v.ok) return setErrors(v.errors);
    setErrors({});
    signIn.mutate(v.data);
  };

  const error = signIn.error;
  let alertText: string | null = null;
  if (error instanceof ApiError && error.status === 401) alertText = t('signIn.wrongCredentials');
  else if (error instanceof ApiError && error.status === 429)
    alertText = error.retryAfter !== undefined ? t('signIn.rateLimitedFor', { seconds: error.retryAfter }) : t('signIn.rateLimited');
  else if (error) alertText = errorText(error, t);

  return (
    <Center mih="100vh" p="md">
      <Stack w={380} maw="100%">
        <Group justify="space-between">
          <Title order={1} size="h2">
            {t('app.name')}
          </Title>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
            <Stack>
              <Title order={2} size="h4" id="sign-in-title">
                {t('signIn.title')}
              </Title>
              {alertText && (
                <Alert color="red" role="alert">
                  {alertText}
                </Alert>
              )}
              <TextInput
                label={t('signIn.login')}
                data-testid="login"
                autoComplete="username"
                required
                autoFocus
                value={values.login}
                error={errors.login}
                onChange={(e) => setValues({ ...values, login: e.currentTarget.value })}
              />
              <PasswordInput
                label={t('signIn.password')}
                data-testid="password"
                autoComplete="current-password"
                required
                value={values.password}
                error={errors.password}
                onChange={(e) => setValues({ ...values, password: e.currentTarget.value })}
              />
              <Button type="submit" data-testid="sign-in" loading={signIn.isPending}>
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Paper withBorder p="md" radius="md" bg="gray.0">
          <Text size="sm" fw={500}>
            {t('signIn.demoTitle')}
          </Text>
          <Text size="sm" c="dimmed">
            {DEMO_LOGINS.map((l, i) => (
              <span key={l}>
                {i > 0 && ', '}
                <Code>{l}</Code>
              </span>
            ))}
          </Text>
          <Text size="sm" c="dimmed">
            {t('signIn.demoPassword')} <Code>demo</Code>
          </Text>
        </Paper>
      </Stack>
    </Center>
  );
}
