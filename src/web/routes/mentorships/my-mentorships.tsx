/** The home page's card of the member's mentorships as mentor (or mentee): each opens its log. */
import { Anchor, Card, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Mentorship, YouthGroup } from '../../../shared/schemas/mentorships.ts';

/** `items` come with the home's one request (GET /me/home): the active ones. */
export function MyMentorships({ personId, items }: { personId: number; items: Mentorship[] | undefined }) {
  const { t } = useTranslation();
  const active = items ?? [];
  if (active.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="my-mentorships">
      <Title order={3} size="h4" id="my-mentorships" mb="xs">
        {t('mentorships.mine')}
      </Title>
      <List listStyleType="none" spacing="xs">
        {active.map((m) => (
          <List.Item key={m.id}>
            <Anchor component={Link} to={`/mentorships/${m.id}`} data-testid="my-mentorship">
              {m.mentor.id === personId
                ? t('mentorships.youMentor', { name: m.mentee.fullName })
                : t('mentorships.mentoredBy', { name: m.mentor.fullName })}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t(`mentorships.kinds.${m.kind}`)} ·{' '}
              {m.lastMetOn ? t('mentorships.lastMetDay', { day: m.lastMetOn }) : t('mentorships.notMetYet')}
            </Text>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

/** The home page's card of the youth groups the member is assigned to, with their young people. */
export function MyYouthGroups({ groups }: { groups: YouthGroup[] | undefined }) {
  const { t } = useTranslation();
  if (!groups || groups.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="my-youth-groups">
      <Title order={3} size="h4" id="my-youth-groups" mb="xs">
        {t('mentorships.myGroups')}
      </Title>
      <List listStyleType="none" spacing="xs">
        {groups.map((g) => (
          <List.Item key={g.id} data-testid="my-youth-group">
            <Text fw={500}>{g.name}</Text>
            <Text size="sm" c="dimmed">
              {g.youngPeople.map((p) => p.fullName).join(', ') || t('mentorships.youngPeople', { count: 0 })}
            </Text>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
