import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';
import { ApiError } from './api/client.ts';
import { useMe } from './api/session.ts';
import { AppLayout, canAdminister, isCentralAdmin } from './components/app-layout.tsx';
import { ErrorAlert } from './components/error-alert.tsx';
import { PageTitle } from './components/page-title.tsx';
import { SignInPage } from './routes/session/sign-in-page.tsx';

/** One chunk per page, fetched the first time the page is opened (the charts only with the dashboards). */
function page<K extends string, P extends object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
const HomePage = page(() => import('./routes/home/home-page.tsx'), 'HomePage');
const UnitPage = page(() => import('./routes/units/unit-page.tsx'), 'UnitPage');
const ComplianceRowsPage = page(() => import('./routes/dashboards/compliance-rows-page.tsx'), 'ComplianceRowsPage');
const MeetingPage = page(() => import('./routes/meetings/meeting-page.tsx'), 'MeetingPage');
const NominationPage = page(() => import('./routes/admissions/nomination-page.tsx'), 'NominationPage');
const PersonPage = page(() => import('./routes/people/person-page.tsx'), 'PersonPage');
const AdminPage = page(() => import('./routes/admin/admin-page.tsx'), 'AdminPage');
const RulebookPage = page(() => import('./routes/rulebook/rulebook-page.tsx'), 'RulebookPage');
const MeetingKindsPage = page(() => import('./routes/rulebook/meeting-kinds-page.tsx'), 'MeetingKindsPage');
const AuditPage = page(() => import('./routes/audit/audit-page.tsx'), 'AuditPage');
const NotificationsPage = page(() => import('./routes/notifications/notifications-page.tsx'), 'NotificationsPage');
const SendingPage = page(() => import('./routes/notifications/sending-page.tsx'), 'SendingPage');
const LibraryPage = page(() => import('./routes/library/library-page.tsx'), 'LibraryPage');
const LibraryItemPage = page(() => import('./routes/library/item-page.tsx'), 'LibraryItemPage');
const IssuePage = page(() => import('./routes/library/issue-page.tsx'), 'IssuePage');
const DirectivesPage = page(() => import('./routes/directives/directives-page.tsx'), 'DirectivesPage');
const DirectivePage = page(() => import('./routes/directives/directive-page.tsx'), 'DirectivePage');
const InboxPage = page(() => import('./routes/directives/inbox-page.tsx'), 'InboxPage');
const ProgrammesPage = page(() => import('./routes/education/programmes-page.tsx'), 'ProgrammesPage');
const SecretaryTraitsPage = page(() => import('./routes/secretary/traits-page.tsx'), 'SecretaryTraitsPage');
const MentorshipPage = page(
  async () => ({ MentorshipPage: (await import('./routes/mentorships/mentorship-page.tsx')).MentorshipPage }),
  'MentorshipPage',
);
const VisitPage = page(async () => ({ VisitPage: (await import('./routes/visits/visit-page.tsx')).VisitPage }), 'VisitPage');
const VisitsPage = page(async () => ({ VisitsPage: (await import('./routes/visits/visits-page.tsx')).VisitsPage }), 'VisitsPage');
const TargetPage = page(async () => ({ TargetPage: (await import('./routes/targets/target-page.tsx')).TargetPage }), 'TargetPage');
const IdeaPage = page(async () => ({ IdeaPage: (await import('./routes/ideas/idea-page.tsx')).IdeaPage }), 'IdeaPage');
const CampaignPage = page(
  async () => ({ CampaignPage: (await import('./routes/emulation/campaign-page.tsx')).CampaignPage }),
  'CampaignPage',
);
const CasesPage = page(() => import('./routes/cases/cases-page.tsx'), 'CasesPage');
const CasePage = page(() => import('./routes/cases/case-page.tsx'), 'CasePage');
const OfflinePage = page(() => import('./offline/offline-page.tsx'), 'OfflinePage');
const OfflineCellPage = page(() => import('./offline/offline-page.tsx'), 'OfflineCellPage');
const OfflineShell = page(() => import('./offline/offline-shell.tsx'), 'OfflineShell');
const PaperEntryPage = page(() => import('./routes/meetings/paper-entry-page.tsx'), 'PaperEntryPage');
const NotFoundPage = page(() => import('./components/not-found-page.tsx'), 'NotFoundPage');

function FullScreenLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

const titled = (name: string, element: ReactNode) => (
  <>
    <PageTitle page={name} />
    {element}
  </>
);

export function App() {
  const me = useMe();
  if (me.isPending) return <FullScreenLoader />;
  if (me.isError) {
    // No signal: the offline screens, from what this device keeps (issue 16).
    if (me.error instanceof ApiError && me.error.status === 0)
      return (
        <Suspense fallback={<FullScreenLoader />}>
          <OfflineShell />
        </Suspense>
      );
    return (
      <Center mih="100vh" p="md">
        <ErrorAlert error={me.error} />
      </Center>
    );
  }
  if (!me.data) return titled('signIn', <SignInPage />);
  const actor = me.data;
  return (
    <AppLayout me={actor}>
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route path="/" element={titled('home', <HomePage me={actor} />)} />
          <Route path="/units/:id" element={titled('unit', <UnitPage />)} />
          <Route path="/units/:id/compliance/:standard" element={titled('compliance', <ComplianceRowsPage />)} />
          <Route path="/meetings/:id" element={titled('meeting', <MeetingPage />)} />
          <Route path="/meetings/:id/paper" element={titled('paperEntry', <PaperEntryPage />)} />
          <Route path="/offline" element={titled('offline', <OfflinePage />)} />
          <Route path="/offline/:cellId" element={titled('offline', <OfflineCellPage />)} />
          <Route path="/nominations/:id" element={titled('nomination', <NominationPage />)} />
          <Route path="/people/:id" element={titled('person', <PersonPage />)} />
          <Route path="/visits" element={titled('visits', <VisitsPage />)} />
          <Route path="/visits/:id" element={titled('visit', <VisitPage />)} />
          <Route path="/targets/:id" element={titled('target', <TargetPage />)} />
          <Route path="/campaigns/:id" element={titled('campaign', <CampaignPage />)} />
          <Route path="/mentorships/:id" element={titled('mentorship', <MentorshipPage />)} />
          <Route path="/admin" element={canAdminister(actor) ? titled('admin', <AdminPage />) : <Navigate to="/" replace />} />
          <Route path="/library" element={titled('library', <LibraryPage me={actor} />)} />
          <Route path="/library/items/:id" element={titled('library', <LibraryItemPage me={actor} />)} />
          <Route path="/library/issues/:id" element={titled('library', <IssuePage me={actor} />)} />
          <Route path="/education" element={titled('education', <ProgrammesPage me={actor} />)} />
          <Route path="/audit" element={titled('audit', <AuditPage />)} />
          <Route path="/rulebook" element={isCentralAdmin(actor) ? titled('rulebook', <RulebookPage />) : <Navigate to="/" replace />} />
          <Route
            path="/meeting-kinds"
            element={isCentralAdmin(actor) ? titled('meetingKinds', <MeetingKindsPage />) : <Navigate to="/" replace />}
          />
          <Route
            path="/secretary-traits"
            element={isCentralAdmin(actor) ? titled('secretaryTraits', <SecretaryTraitsPage />) : <Navigate to="/" replace />}
          />
          <Route path="/notifications" element={titled('notifications', <NotificationsPage me={actor} />)} />
          <Route path="/sending" element={isCentralAdmin(actor) ? titled('sending', <SendingPage />) : <Navigate to="/" replace />} />
          <Route path="/directives" element={titled('directives', <DirectivesPage me={actor} />)} />
          <Route path="/directives/:id" element={titled('directive', <DirectivePage me={actor} />)} />
          <Route path="/inbox" element={titled('inbox', <InboxPage />)} />
          <Route path="/cases" element={titled('cases', <CasesPage me={actor} />)} />
          <Route path="/cases/:id" element={titled('case', <CasePage />)} />
          <Route path="/ideas/:id" element={titled('idea', <IdeaPage />)} />
          <Route path="/sign-in" element={<Navigate to="/" replace />} />
          <Route path="*" element={titled('notFound', <NotFoundPage />)} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}
