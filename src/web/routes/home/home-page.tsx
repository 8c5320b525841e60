/**
 * Each role's home answers "what do I do now": a member's next meetings and open actions, one card per
 * cell; a secretary's month still to complete; an official's cells needing attention; an
 * administrator's national picture. Things to acknowledge have their place on every home. The member's
 * own things come in one request (GET /me/home).
 */
import { Anchor, Card, Group, List, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../shared/schemas/accounts.ts';
import { useMyHome } from '../../api/assignments.ts';
import { AwaitingDecisionCard } from '../admissions/awaiting-card.tsx';
import { MySponsorships } from '../admissions/my-sponsorships.tsx';
import { MyAssignments } from '../assignments/my-assignments.tsx';
import { MyMentorships, MyYouthGroups } from '../mentorships/my-mentorships.tsx';
import { KindBadge } from '../../components/badges.tsx';
import { CalendarFeed } from '../meetings/calendar-feed.tsx';
import { LearningPlanCard } from '../education/learning-plan-card.tsx';
import { MyHelpRequests } from '../help-requests/my-help-requests.tsx';
import { AcknowledgeCard } from './acknowledge-card.tsx';
import { AttentionCard, NationalCard } from './attention-card.tsx';
import { CellCard } from './cell-card.tsx';
import { MyActions } from './my-actions.tsx';
import { DeedsBoard } from '../deeds/deeds-board.tsx';

/** A person on the roll of a cell twice (say, member and secretary) still has one card for it. */
function uniqueCells(me: Me): Me['cells'] {
  const rank = (r: string) => (r === 'secretary' ? 0 : r === 'deputy_secretary' ? 1 : 2);
  const byId = new Map<number, Me['cells'][number]>();
  for (const c of me.cells) {
    const seen = byId.get(c.id);
    if (!seen || rank(c.role) < rank(seen.role)) byId.set(c.id, c);
  }
  return [...byId.values()];
}

export function HomePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const cells = uniqueCells(me);
  const mine = new Set(cells.map((c) => c.id));
  // One request for the member's own things: open assignments, next meetings, actions, directives to acknowledge.
  const home = useMyHome();
  const committees = me.roots.filter((u) => u.kind === 'committee');
  const isAdmin = me.grants.some((g) => g.role === 'admin');
  // Officials managing a committee (and the centre) decide on nominations voted by the cells below.
  const deciding = isAdmin || me.grants.some((g) => g.role === 'official' && g.access === 'manage');
  // The member's own cell is already a card: browsing lists only the other places they may go.
  const browse = me.roots.filter((u) => !mine.has(u.id));
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('home.welcome', { name: me.person?.fullName ?? me.account.login })}</Title>
        {me.person && cells.length > 0 && <CalendarFeed cellId={null} />}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {isAdmin && committees[0] && <NationalCard unit={committees[0]} />}
        {committees.map((u) => (
          <AttentionCard key={u.id} unit={u} />
        ))}
        {deciding && <AwaitingDecisionCard />}
        {cells.map((c) => (
          <CellCard key={c.id} cell={c} meetings={(home.data?.nextMeetings ?? []).filter((m) => m.cellId === c.id)} />
        ))}
        {me.person && cells.length === 0 && (
          <Card withBorder component="section">
            <Text c="dimmed">{t('home.noCells')}</Text>
          </Card>
        )}
        {me.person && <MyAssignments open={home.data?.assignments ?? []} pending={home.isPending} error={home.error} />}
        {me.person && <MyMentorships personId={me.person.id} items={home.data?.mentorships} />}
        {me.person && <MyYouthGroups groups={home.data?.youthGroups} />}
        {me.person && <MyActions me={me} home={home} />}
        {me.person && <AcknowledgeCard items={home.data?.directivesToAcknowledge} />}
        {me.person && <LearningPlanCard plan={home.data?.learningPlan} />}
        {me.person && <MyHelpRequests canAsk={cells.length > 0} asSecretary={cells.some((c) => c.role === 'secretary')} />}
        {me.person && <MySponsorships personId={me.person.id} />}
        <DeedsBoard />
        {browse.length > 0 && (
          <Card withBorder component="section" aria-labelledby="home-roots">
            <Title order={3} size="h4" id="home-roots" mb="xs">
              {t('roleHome.browse')}
            </Title>
            <List listStyleType="none" spacing="xs">
              {browse.map((u) => (
                <List.Item key={u.id}>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/units/${u.id}`} data-testid="root-link">
                      {u.name}
                    </Anchor>
                    <KindBadge kind={u.kind} />
                  </Group>
                </List.Item>
              ))}
            </List>
          </Card>
        )}
      </SimpleGrid>
    </>
  );
}
