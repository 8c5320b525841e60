/** A meeting: attendance of the whole roll, "not held", minutes, decisions and the actions still open. */
import { Alert, Anchor, Breadcrumbs, Button, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isNotFound } from '../../api/client.ts';
import { useMeeting } from '../../api/meetings.ts';
import { useUnit } from '../../api/units.ts';
import { ActionList } from '../../components/action-list.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { usePageTitle } from '../../components/page-title.tsx';
import { MeetingStatusBadge, useKindName } from '../../components/meeting-bits.tsx';
import { formatDateTime } from '../../lib/period.ts';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { AttendanceForm } from './attendance-form.tsx';
import { DecisionsSection } from './decisions-section.tsx';
import { MinutesEditor } from './minutes-editor.tsx';
import { NotHeldModal } from './not-held-modal.tsx';
import { StudyReadings } from './study-readings.tsx';
import { ReviewSection } from '../reviews/review-section.tsx';
import { StudyThemes } from '../education/study-fields.tsx';

/** The paper way (issue 16): print the sheet for the meeting, then type the filled sheet back in. */
function PaperLinks({ meetingId }: { meetingId: number }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Button
        component="a"
        href={`/api/v1/meetings/${meetingId}/attendance-sheet.pdf?lang=${i18n.resolvedLanguage === 'ko' ? 'ko' : 'en'}`}
        target="_blank"
        rel="noopener"
        variant="default"
        data-testid="print-sheet"
      >
        {t('paper.print')}
      </Button>
      <Button component={Link} to={`/meetings/${meetingId}/paper`} variant="default" data-testid="paper-entry-link">
        {t('paper.enter')}
      </Button>
    </>
  );
}

export function MeetingPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const meeting = useMeeting(id);
  const cell = useUnit(meeting.data?.cellId ?? 0);
  const kindName = useKindName();
  const [notHeldOpen, notHeld] = useDisclosure(false);
  usePageTitle(meeting.data ? meeting.data.title || kindName(meeting.data.kind) : null);

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (meeting.isPending)
    return (
      <Center p="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (meeting.isError) return isNotFound(meeting.error) ? <NotFoundPage /> : <ErrorAlert error={meeting.error} />;
  const m = meeting.data;
  const reload = async () => (await meeting.refetch()).data;

  return (
    <Stack gap="md">
      <nav aria-label={t('unit.breadcrumb')}>
        <Breadcrumbs separator="›">
          {(cell.data?.breadcrumb ?? []).map((c) => (
            <Anchor key={c.id} component={Link} to={c.id === m.cellId ? `/units/${c.id}?tab=meetings` : `/units/${c.id}`} size="sm">
              {c.name}
            </Anchor>
          ))}
          <Text size="sm" aria-current="page">
            {kindName(m.kind)}
          </Text>
        </Breadcrumbs>
      </nav>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} data-testid="meeting-title" data-meeting-id={m.id}>
              {m.title || kindName(m.kind)}
            </Title>
            <MeetingStatusBadge status={m.status} />
          </Group>
          <Text c="dimmed" size="sm">
            {m.title ? `${kindName(m.kind)} · ` : ''}
            {formatDateTime(m.startsAt, i18n.language)}
          </Text>
        </Stack>
        <Group gap="xs">
          {m.canManage && <PaperLinks meetingId={m.id} />}
          {m.canManage && m.status !== 'not_held' && (
            <Button variant="default" color="gray" onClick={notHeld.open} data-testid="mark-not-held">
              {t('meeting.markNotHeld')}
            </Button>
          )}
        </Group>
      </Group>
      {m.status === 'not_held' && (
        <Alert color="gray" title={t('meeting.notHeldTitle')} data-testid="not-held-note">
          {m.notHeldReason}
          {m.canManage && (
            <Text size="sm" mt="xs">
              {t('meeting.notHeldCanRecord')}
            </Text>
          )}
        </Alert>
      )}
      {m.kind === 'study' && <StudyThemes meeting={m} />}
      {m.kind === 'study' && <StudyReadings meeting={m} />}
      {m.kind === 'review' && <ReviewSection meeting={m} />}
      <AttendanceForm key={m.id} meeting={m} onReload={reload} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          <MinutesEditor meeting={m} />
          <section aria-labelledby="open-actions-title">
            <Title order={3} size="h4" id="open-actions-title" mb="xs">
              {t('meeting.openActions')}
            </Title>
            <ActionList actions={m.openActions} canManage={m.canManage} empty={t('meeting.noOpenActions')} />
          </section>
        </Stack>
        <DecisionsSection meeting={m} />
      </SimpleGrid>
      <NotHeldModal meeting={m} opened={notHeldOpen} onClose={notHeld.close} />
    </Stack>
  );
}
