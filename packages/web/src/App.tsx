import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppShell } from './components/AppShell.tsx';
import { DemoBanner } from './components/DemoBanner.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { PageLoading } from './components/PageLoading.tsx';
import { QueryErrorNotifier } from './components/QueryErrorNotifier.tsx';
import { RequireAuth } from './session/RequireAuth.tsx';
import { lazyPage } from './lib/lazyPage.ts';

// `/` only redirects; its own chunk keeps antd's Result (for a role without sections) off the first page.
const HomeRedirect = lazy(() => import('./components/HomeRedirect.tsx'));
const LoginPage = lazy(() => import('./pages/auth/LoginPage.tsx'));
const ProjectListPage = lazy(() => import('./pages/projects/ProjectListPage.tsx'));
const ProjectDetailPage = lazy(() => import('./pages/projects/ProjectDetailPage.tsx'));
const ProjectFormPage = lazy(() => import('./pages/projects/ProjectFormPage.tsx'));
// Preloaded by main.tsx before the first render when the address is /dashboard (lib/lazyPage.ts).
export const DashboardPage = lazyPage(() => import('./pages/dashboard/DashboardPage.tsx'));
const ReportFilePage = lazy(() => import('./pages/reports/ReportFilePage.tsx'));
const ReportPage = lazy(() => import('./pages/reports/ReportPage.tsx'));
const ReviewDeskPage = lazy(() => import('./pages/reports/ReviewDeskPage.tsx'));
const LedgerImportPage = lazy(() => import('./pages/ledger/LedgerImportPage.tsx'));
const BulletinPage = lazy(() => import('./pages/bulletins/BulletinPage.tsx'));
const OpenDataPage = lazy(() => import('./pages/openData/OpenDataPage.tsx'));
const MeetingListPage = lazy(() => import('./pages/meetings/MeetingListPage.tsx'));
const MeetingNewPage = lazy(() => import('./pages/meetings/MeetingNewPage.tsx'));
const MeetingDetailPage = lazy(() => import('./pages/meetings/MeetingDetailPage.tsx'));
const NoticePage = lazy(() => import('./pages/notices/NoticePage.tsx'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage.tsx'));
const RolesPage = lazy(() => import('./pages/admin/RolesPage.tsx'));
const AuditLogPage = lazy(() => import('./pages/admin/AuditLogPage.tsx'));
const WarningListPage = lazy(() => import('./pages/warnings/WarningListPage.tsx'));
const WarningSettingsPage = lazy(() => import('./pages/settings/WarningSettingsPage.tsx'));
const ReservePage = lazy(() => import('./pages/reserve/ReservePage.tsx'));
const EventListPage = lazy(() => import('./pages/events/EventListPage.tsx'));
const EventDetailPage = lazy(() => import('./pages/events/EventDetailPage.tsx'));
const FundingPage = lazy(() => import('./pages/financing/FundingPage.tsx'));
const FinancingPage = lazy(() => import('./pages/financing/FinancingPage.tsx'));
const InstitutionPage = lazy(() => import('./pages/financing/InstitutionPage.tsx'));
const BatchListPage = lazy(() => import('./pages/batches/BatchListPage.tsx'));
const BatchDetailPage = lazy(() => import('./pages/batches/BatchDetailPage.tsx'));
const AttractionPage = lazy(() => import('./pages/attraction/AttractionPage.tsx'));
const InboxPage = lazy(() => import('./pages/inbox/InboxPage.tsx'));
const ServicePage = lazy(() => import('./pages/service/ServicePage.tsx'));
const OfficersPage = lazy(() => import('./pages/service/OfficersPage.tsx'));
const InspectionsPage = lazy(() => import('./pages/inspections/InspectionsPage.tsx'));
const ProblemListPage = lazy(() => import('./pages/problems/ProblemListPage.tsx'));
const ProblemDetailPage = lazy(() => import('./pages/problems/ProblemDetailPage.tsx'));
const ProblemRaisePage = lazy(() => import('./pages/problems/ProblemRaisePage.tsx'));
const ProblemLeaguePage = lazy(() => import('./pages/problems/ProblemLeaguePage.tsx'));
const CalendarSettingsPage = lazy(() => import('./pages/problems/CalendarSettingsPage.tsx'));
const LifecycleSettingsPage = lazy(() => import('./pages/settings/LifecycleSettingsPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/misc/NotFoundPage.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/account/ChangePasswordPage.tsx'));
const AccountSecurityPage = lazy(() => import('./pages/account/AccountSecurityPage.tsx'));
const PlansPage = lazy(() => import('./pages/plans/PlansPage.tsx'));
const RankingsPage = lazy(() => import('./pages/rankings/RankingsPage.tsx'));

/** The routes: /login outside the shell, everything else inside it behind the session check. */
export function App() {
  return (
    <ErrorBoundary>
      <QueryErrorNotifier />
      <DemoBanner />
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            element={
              <RequireAuth>
                <AppShell />
              </RequireAuth>
            }
          >
            <Route index element={<HomeRedirect />} />
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/reports" element={<ReviewDeskPage />} />
            <Route path="/reports/file" element={<ReportFilePage />} />
            <Route path="/reports/:projectId/:year/:month" element={<ReportPage />} />
            <Route path="/projects" element={<ProjectListPage />} />
            <Route path="/projects/new" element={<ProjectFormPage />} />
            <Route path="/projects/:id" element={<ProjectDetailPage />} />
            <Route path="/projects/:id/edit" element={<ProjectFormPage />} />
            <Route path="/ledger/import" element={<LedgerImportPage />} />
            <Route path="/bulletins" element={<BulletinPage />} />
            <Route path="/meetings" element={<MeetingListPage />} />
            <Route path="/meetings/new" element={<MeetingNewPage />} />
            <Route path="/meetings/:id" element={<MeetingDetailPage />} />
            <Route path="/notices" element={<NoticePage />} />
            <Route path="/open-data" element={<OpenDataPage />} />
            <Route path="/warnings" element={<WarningListPage />} />
            <Route path="/settings/warnings" element={<WarningSettingsPage />} />
            <Route path="/reserve" element={<ReservePage />} />
            <Route path="/events" element={<EventListPage />} />
            <Route path="/events/:id" element={<EventDetailPage />} />
            <Route path="/funding" element={<FundingPage />} />
            <Route path="/financing" element={<FinancingPage />} />
            <Route path="/financing/editions" element={<InstitutionPage />} />
            <Route path="/batches" element={<BatchListPage />} />
            <Route path="/batches/:id" element={<BatchDetailPage />} />
            <Route path="/attraction" element={<AttractionPage />} />
            <Route path="/problems" element={<ProblemListPage />} />
            <Route path="/problems/new" element={<ProblemRaisePage />} />
            <Route path="/problems/league" element={<ProblemLeaguePage />} />
            <Route path="/problems/:id" element={<ProblemDetailPage />} />
            <Route path="/settings/calendar" element={<CalendarSettingsPage />} />
            <Route path="/account/password" element={<ChangePasswordPage />} />
            <Route path="/account/security" element={<AccountSecurityPage />} />
            <Route path="/admin/users" element={<UsersPage />} />
            <Route path="/admin/roles" element={<RolesPage />} />
            <Route path="/admin/audit" element={<AuditLogPage />} />
            <Route path="/inbox" element={<InboxPage />} />
            <Route path="/service" element={<ServicePage />} />
            <Route path="/service/officers" element={<OfficersPage />} />
            <Route path="/inspections" element={<InspectionsPage />} />
            <Route path="/settings/lifecycle" element={<LifecycleSettingsPage />} />
            <Route path="/plans" element={<PlansPage />} />
            <Route path="/rankings" element={<RankingsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}
