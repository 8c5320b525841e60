import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useMe } from './api/queries.ts';
import { AppLayout, canAdminister, isCentralAdmin } from './components/app-layout.tsx';
import { ErrorAlert } from './components/error-alert.tsx';
import { AdminPage } from './routes/admin/admin-page.tsx';
import { AuditPage } from './routes/audit/audit-page.tsx';
import { ComplianceRowsPage } from './routes/health/compliance-rows-page.tsx';
import { HomePage } from './routes/home/home-page.tsx';
import { MeetingPage } from './routes/meetings/meeting-page.tsx';
import { NotFoundPage } from './routes/home/not-found-page.tsx';
import { PersonPage } from './routes/people/person-page.tsx';
import { MeetingKindsPage } from './routes/rulebook/meeting-kinds-page.tsx';
import { RulebookPage } from './routes/rulebook/rulebook-page.tsx';
import { SignInPage } from './routes/session/sign-in-page.tsx';
import { UnitPage } from './routes/units/unit-page.tsx';

export function App() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) {
    return <Center mih="100vh"><Loader aria-label={t('common.loading')} /></Center>;
  }
  if (me.isError) {
    return <Center mih="100vh" p="md"><ErrorAlert error={me.error} /></Center>;
  }
  if (!me.data) return <SignInPage />;
  const actor = me.data;
  return (
    <AppLayout me={actor}>
      <Routes>
        <Route path="/" element={<HomePage me={actor} />} />
        <Route path="/units/:id" element={<UnitPage />} />
        <Route path="/units/:id/compliance/:standard" element={<ComplianceRowsPage />} />
        <Route path="/meetings/:id" element={<MeetingPage />} />
        <Route path="/people/:id" element={<PersonPage />} />
        <Route path="/admin" element={canAdminister(actor) ? <AdminPage /> : <Navigate to="/" replace />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="/rulebook" element={isCentralAdmin(actor) ? <RulebookPage /> : <Navigate to="/" replace />} />
        <Route path="/meeting-kinds" element={isCentralAdmin(actor) ? <MeetingKindsPage /> : <Navigate to="/" replace />} />
        <Route path="/sign-in" element={<Navigate to="/" replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppLayout>
  );
}
