import { Anchor, Card, Group, List, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../shared/schemas.ts';
import { KindBadge, RoleBadge } from '../../components/badges.tsx';
import { CalendarFeed } from '../meetings/calendar-feed.tsx';
import { MyActions } from './my-actions.tsx';
import { RecordShortcut } from './record-shortcut.tsx';

export function HomePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const runs = me.cells.filter((c) => c.role === 'secretary' || c.role === 'deputy_secretary');
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('home.welcome', { name: me.person?.fullName ?? me.account.login })}</Title>
        {me.person && me.cells.length > 0 && <CalendarFeed cellId={null} />}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {runs.map((c) => <RecordShortcut key={c.id} cellId={c.id} cellName={c.name} />)}
        {me.person && <MyActions me={me} />}
        <Card withBorder component="section" aria-labelledby="home-roots">
          <Title order={3} size="h4" id="home-roots" mb="xs">{t('home.roots')}</Title>
          {me.roots.length === 0 ? <Text c="dimmed">{t('home.noRoots')}</Text> : (
            <List listStyleType="none" spacing="xs">
              {me.roots.map((u) => (
                <List.Item key={u.id}>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/units/${u.id}`} data-testid="root-link">{u.name}</Anchor>
                    <KindBadge kind={u.kind} />
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </Card>
        <Card withBorder component="section" aria-labelledby="home-cells">
          <Title order={3} size="h4" id="home-cells" mb="xs">{t('home.cells')}</Title>
          {me.cells.length === 0 ? <Text c="dimmed">{t('home.noCells')}</Text> : (
            <List listStyleType="none" spacing="xs">
              {me.cells.map((c) => (
                <List.Item key={c.id}>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/units/${c.id}`} data-testid="cell-link">{c.name}</Anchor>
                    <RoleBadge role={c.role} />
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      </SimpleGrid>
    </>
  );
}
