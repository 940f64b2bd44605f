import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import type { Permission } from '../common/permissions';
import { AdminLayout } from './components/AdminLayout';
import { PageLoading } from './components/PageLoading';
import { RequireAuth } from './components/RequireAuth';
import { RequirePermission } from './components/RequirePermission';
import { RouteError } from './components/RouteError';

// Every page is its own chunk so the first screen loads only the shell.
const SetupPage = lazy(() => import('./pages/auth/SetupPage'));
const LoginPage = lazy(() => import('./pages/auth/LoginPage'));
const PasswordPage = lazy(() => import('./pages/auth/PasswordPage'));
const HomePage = lazy(() => import('./pages/home/HomePage'));
const MemberListPage = lazy(() => import('./pages/members/MemberListPage'));
const MemberDetailPage = lazy(() => import('./pages/members/MemberDetailPage'));
const ImportPage = lazy(() => import('./pages/members/import/ImportPage'));
const OrganisationPage = lazy(() => import('./pages/organisation/OrganisationPage'));
const UserListPage = lazy(() => import('./pages/users/UserListPage'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage'));
const NotificationsPage = lazy(() => import('./pages/notifications/NotificationsPage'));
const DisclosureListPage = lazy(() => import('./pages/disclosures/DisclosureListPage'));
const DisclosureDetailPage = lazy(() => import('./pages/disclosures/DisclosureDetailPage'));
const SuggestionListPage = lazy(() => import('./pages/suggestions/SuggestionListPage'));
const SuggestionDetailPage = lazy(() => import('./pages/suggestions/SuggestionDetailPage'));
const ForumListPage = lazy(() => import('./pages/forums/ForumListPage'));
const ForumIssuesPage = lazy(() => import('./pages/forums/ForumIssuesPage'));
const ForumDetailPage = lazy(() => import('./pages/forums/ForumDetailPage'));
const DemocracyStatsPage = lazy(() => import('./pages/democracy/DemocracyStatsPage'));
const DuesPage = lazy(() => import('./pages/dues/DuesPage'));
const DuesImportPage = lazy(() => import('./pages/dues/DuesImportPage'));
const AllocationsPage = lazy(() => import('./pages/dues/AllocationsPage'));
const StatementsPage = lazy(() => import('./pages/statements/StatementsPage'));
const BudgetPage = lazy(() => import('./pages/funds/BudgetPage'));
const RequestsPage = lazy(() => import('./pages/funds/RequestsPage'));
const RequestDetailPage = lazy(() => import('./pages/funds/RequestDetailPage'));
const LedgerPage = lazy(() => import('./pages/funds/LedgerPage'));
const PeriodsPage = lazy(() => import('./pages/funds/PeriodsPage'));
const FundSettingsPage = lazy(() => import('./pages/funds/FundSettingsPage'));
const CongressPage = lazy(() => import('./pages/congress/CongressPage'));
const ProposalListPage = lazy(() => import('./pages/proposals/ProposalListPage'));
const ProposalDetailPage = lazy(() => import('./pages/proposals/ProposalDetailPage'));
const TopicsPage = lazy(() => import('./pages/proposals/TopicsPage'));
const TopicDetailPage = lazy(() => import('./pages/proposals/TopicDetailPage'));
const HandlingInboxPage = lazy(() => import('./pages/proposals/HandlingInboxPage'));
const TermDelegatesPage = lazy(() => import('./pages/congress/TermDelegatesPage'));
const MeetingPage = lazy(() => import('./pages/congress/MeetingPage'));
const CheckInPage = lazy(() => import('./pages/congress/CheckInPage'));
const VotePage = lazy(() => import('./pages/congress/VotePage'));
const CareHomePage = lazy(() => import('./pages/care/CareHomePage'));
const HardshipListPage = lazy(() => import('./pages/care/hardship/HardshipListPage'));
const HardshipDetailPage = lazy(() => import('./pages/care/hardship/HardshipDetailPage'));
const MutualAidPage = lazy(() => import('./pages/care/mutualAid/MutualAidPage'));
const DonationDrivesPage = lazy(() => import('./pages/care/donations/DonationDrivesPage'));
const DonationDriveDetailPage = lazy(() => import('./pages/care/donations/DonationDriveDetailPage'));
const DonationImportPage = lazy(() => import('./pages/care/donations/DonationImportPage'));
const DonationPublicPage = lazy(() => import('./pages/care/donations/DonationPublicPage'));
const AidListPage = lazy(() => import('./pages/care/aid/AidListPage'));
const AidDetailPage = lazy(() => import('./pages/care/aid/AidDetailPage'));
const AidNoticesPage = lazy(() => import('./pages/care/aid/AidNoticesPage'));
const VisitsPage = lazy(() => import('./pages/care/visits/VisitsPage'));
const WorklistsPage = lazy(() => import('./pages/care/visits/WorklistsPage'));
const EventsPage = lazy(() => import('./pages/care/visits/EventsPage'));
const RulesPage = lazy(() => import('./pages/care/rules/RulesPage'));
const CheckupListPage = lazy(() => import('./pages/care/checkups/CheckupListPage'));
const CheckupDetailPage = lazy(() => import('./pages/care/checkups/CheckupDetailPage'));
const MyCheckupsPage = lazy(() => import('./pages/care/checkups/MyCheckupsPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

const page = (element: ReactNode) => <Suspense fallback={<PageLoading />}>{element}</Suspense>;
const guarded = (permission: Permission, element: ReactNode) => (
  <RequirePermission permission={permission}>{page(element)}</RequirePermission>
);

export const router = createBrowserRouter([
  { path: '/setup', element: page(<SetupPage />), errorElement: <RouteError /> },
  { path: '/login', element: page(<LoginPage />), errorElement: <RouteError /> },
  // Delegates' phone pages: signed in, without the desktop frame.
  ...['checkin', 'vote'].map((step) => ({
    path: `/congress/meetings/:id/${step}`,
    element: (
      <RequireAuth>
        {guarded('congress:vote', step === 'checkin' ? <CheckInPage /> : <VotePage />)}
      </RequireAuth>
    ),
    errorElement: <RouteError />,
  })),
  {
    path: '/',
    element: (
      <RequireAuth>
        <AdminLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: page(<HomePage />) },
      { path: 'password', element: page(<PasswordPage />) },
      { path: 'members', element: guarded('member:read', <MemberListPage />) },
      { path: 'members/import', element: guarded('member:import', <ImportPage />) },
      { path: 'members/:id', element: guarded('member:read', <MemberDetailPage />) },
      { path: 'organisation', element: guarded('org:read', <OrganisationPage />) },
      { path: 'users', element: guarded('user:manage', <UserListPage />) },
      { path: 'audit', element: guarded('audit:read', <AuditPage />) },
      { path: 'notifications', element: page(<NotificationsPage />) },
      { path: 'disclosures', element: guarded('disclosure:read', <DisclosureListPage />) },
      { path: 'disclosures/:id', element: guarded('disclosure:read', <DisclosureDetailPage />) },
      { path: 'suggestions', element: guarded('suggestion:submit', <SuggestionListPage />) },
      { path: 'suggestions/:id', element: guarded('suggestion:submit', <SuggestionDetailPage />) },
      { path: 'forums', element: guarded('forum:manage', <ForumListPage />) },
      { path: 'forums/issues', element: guarded('forum:manage', <ForumIssuesPage />) },
      { path: 'forums/:id', element: guarded('forum:manage', <ForumDetailPage />) },
      { path: 'democracy', element: guarded('congress:read', <DemocracyStatsPage />) },
      { path: 'dues', element: guarded('funds:read', <DuesPage />) },
      { path: 'dues/import', element: guarded('funds:write', <DuesImportPage />) },
      { path: 'dues/allocations', element: guarded('funds:read', <AllocationsPage />) },
      { path: 'statements', element: guarded('funds:read', <StatementsPage />) },
      { path: 'funds/budget', element: guarded('funds:read', <BudgetPage />) },
      { path: 'funds/requests', element: page(<RequestsPage />) },
      { path: 'funds/requests/:id', element: page(<RequestDetailPage />) },
      { path: 'funds/ledger', element: guarded('funds:read', <LedgerPage />) },
      { path: 'funds/periods', element: guarded('funds:read', <PeriodsPage />) },
      { path: 'funds/settings', element: guarded('funds:write', <FundSettingsPage />) },
      { path: 'care', element: guarded('care:summary', <CareHomePage />) },
      { path: 'care/hardship', element: guarded('care:read', <HardshipListPage />) },
      { path: 'care/hardship/:id', element: guarded('care:read', <HardshipDetailPage />) },
      { path: 'care/mutual-aid', element: guarded('care:summary', <MutualAidPage />) },
      { path: 'congress', element: guarded('congress:read', <CongressPage />) },
      { path: 'proposals', element: guarded('proposal:read', <ProposalListPage />) },
      { path: 'proposals/topics', element: guarded('proposal:manage', <TopicsPage />) },
      { path: 'proposals/topics/:id', element: guarded('proposal:read', <TopicDetailPage />) },
      { path: 'proposals/:id', element: guarded('proposal:read', <ProposalDetailPage />) },
      { path: 'handling', element: guarded('proposal:read', <HandlingInboxPage />) },
      { path: 'congress/terms/:id', element: guarded('congress:read', <TermDelegatesPage />) },
      { path: 'congress/meetings/:id', element: guarded('congress:read', <MeetingPage />) },
      { path: 'care/donations', element: guarded('care:summary', <DonationDrivesPage />) },
      { path: 'care/donations/public', element: guarded('care:apply', <DonationPublicPage />) },
      { path: 'care/donations/public/:id', element: guarded('care:apply', <DonationPublicPage />) },
      { path: 'care/donations/:id', element: guarded('care:summary', <DonationDriveDetailPage />) },
      { path: 'care/donations/:id/import', element: guarded('care:write', <DonationImportPage />) },
      { path: 'care/aid', element: guarded('care:apply', <AidListPage />) },
      { path: 'care/aid/notices', element: guarded('care:apply', <AidNoticesPage />) },
      { path: 'care/aid/:id', element: guarded('care:apply', <AidDetailPage />) },
      { path: 'care/visits', element: guarded('care:summary', <VisitsPage />) },
      { path: 'care/worklists', element: guarded('care:write', <WorklistsPage />) },
      { path: 'care/events', element: guarded('care:report', <EventsPage />) },
      { path: 'care/rules', element: guarded('care:summary', <RulesPage />) },
      { path: 'care/checkups', element: guarded('care:summary', <CheckupListPage />) },
      { path: 'care/checkups/mine', element: guarded('care:apply', <MyCheckupsPage />) },
      { path: 'care/checkups/:id', element: guarded('care:summary', <CheckupDetailPage />) },
      { path: '*', element: page(<NotFoundPage />) },
    ],
  },
]);
