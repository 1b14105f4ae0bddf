import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AcceptInvitationPage, LoginPage, RequireAuth, SignupPage, UserMenu } from '@/features/auth';
import { WorkspaceRedirect } from '@/features/workspace';
import { AppShell } from './app-shell';
import { NotFoundPage } from './not-found';
import {
  CallLogsRoute,
  ContactsRoute,
  DashboardRoute,
  MembersRoute,
  PhoneNumbersRoute,
  ReportsRoute,
  SettingsRoute,
} from './workspace-routes';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/signup', element: <SignupPage /> },
  { path: '/invite/:token', element: <AcceptInvitationPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <WorkspaceRedirect renderAccountMenu={(user) => <UserMenu name={user.name} email={user.email} />} />
      </RequireAuth>
    ),
  },
  {
    path: '/w/:workspaceId',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="dashboard" replace /> },
      { path: 'dashboard', element: <DashboardRoute /> },
      { path: 'contacts', element: <ContactsRoute /> },
      { path: 'call-logs', element: <CallLogsRoute /> },
      { path: 'reports', element: <ReportsRoute /> },
      { path: 'phone-numbers', element: <PhoneNumbersRoute /> },
      { path: 'members', element: <MembersRoute /> },
      { path: 'settings', element: <SettingsRoute /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
