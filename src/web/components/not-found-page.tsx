import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2} data-testid="not-found">
        {t('notFound.title')}
      </Title>
      <Text>{t('notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('nav.home')}
      </Anchor>
    </Stack>
  );
}
