/**
 * The place on every home for what the person must acknowledge or answer. Directives (and their
 * acknowledgments) are not built yet: until they are, this says plainly that nothing is waiting,
 * and it is where they will appear.
 */
import { Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function AcknowledgeCard() {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-labelledby="home-acknowledge" data-testid="home-acknowledge">
      <Title order={3} size="h4" id="home-acknowledge" mb="xs">
        {t('roleHome.acknowledge')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('roleHome.nothingToAcknowledge')}
      </Text>
    </Card>
  );
}
