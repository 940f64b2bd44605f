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
const DuesPage = lazy(() => import('./pages/dues/DuesPage'));
const DuesImportPage = lazy(() => import('./pages/dues/DuesImportPage'));
const AllocationsPage = lazy(() => import('./pages/dues/AllocationsPage'));
const StatementsPage = lazy(() => import('./pages/statements/StatementsPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

const page = (element: ReactNode) => <Suspense fallback={<PageLoading />}>{element}</Suspense>;
const guarded = (permission: Permission, element: ReactNode) => (
  <RequirePermission permission={permission}>{page(element)}</RequirePermission>
);

export const router = createBrowserRouter([
  { path: '/setup', element: page(<SetupPage />), errorElement: <RouteError /> },
  { path: '/login', element: page(<LoginPage />), errorElement: <RouteError /> },
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
      { path: 'dues', element: guarded('funds:read', <DuesPage />) },
      { path: 'dues/import', element: guarded('funds:write', <DuesImportPage />) },
      { path: 'dues/allocations', element: guarded('funds:read', <AllocationsPage />) },
      { path: 'statements', element: guarded('funds:read', <StatementsPage />) },
      { path: '*', element: page(<NotFoundPage />) },
    ],
  },
]);
