import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAuthStore } from '@/features/auth';
import { useWorkspaceStore } from '@/features/workspace';
import { aMembership, aWorkspace } from '@/test/factories';
import { mockApi } from '@/test/mock-api';
import { createTestQueryClient } from '@/test/render';
import { AppProviders } from './providers';
import { routes } from './router';
import { connectApiClientToSession } from './session';

const user = { id: 'u1', email: 'olivia@example.com', name: 'Olivia Owner' };
const unauthenticated = {
  status: 401,
  body: { statusCode: 401, error: 'Unauthorized', message: 'No session', code: 'UNAUTHENTICATED' },
};

function renderApp(url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  render(
    <AppProviders queryClient={createTestQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
}

describe('app routes', () => {
  beforeEach(() => {
    connectApiClientToSession();
    useAuthStore.setState({ accessToken: null, status: 'unknown' });
  });

  it('should go to /login when the refresh cookie is missing on load', async () => {
    mockApi({ 'POST /auth/refresh': () => unauthenticated });
    const router = renderApp('/w/ws1/members');

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('should restore the session and open the remembered workspace dashboard on load', async () => {
    useWorkspaceStore.getState().workspaceEntered('ws2');
    const { requests } = mockApi({
      'POST /auth/refresh': () => ({ accessToken: 'fresh', expiresAt: '2026-01-01T00:15:00.000Z', user }),
      'GET /me': () => ({
        user,
        memberships: [aMembership('owner'), aMembership('admin', { workspaceId: 'ws2', workspaceName: 'Beta Roofing' })],
      }),
      'GET /workspaces/ws2': () => aWorkspace({ id: 'ws2', name: 'Beta Roofing', plan: 'agency' }),
    });
    const router = renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Welcome to Beta Roofing' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/w/ws2/dashboard');
    expect(screen.getByText('Agency')).toBeInTheDocument();
    const checklist = screen.getByRole('region', { name: 'Getting started' });
    expect(within(checklist).getByText('Twilio credentials set')).toBeInTheDocument();
    expect(requests.find((r) => r.path === '/me')?.headers.get('Authorization')).toBe('Bearer fresh');
  });

  it('should log out and return to /login when Log out is chosen in the user menu', async () => {
    const { requests } = mockApi({
      'POST /auth/refresh': () => ({ accessToken: 'fresh', expiresAt: '2026-01-01T00:15:00.000Z', user }),
      'GET /me': () => ({ user, memberships: [aMembership('owner')] }),
      'GET /workspaces/ws1': () => aWorkspace(),
      'GET /workspaces/ws1/contacts': () => ({ items: [], nextCursor: null }),
      'POST /auth/logout': () => ({ status: 204 }),
    });
    const router = renderApp('/w/ws1/contacts');

    expect(await screen.findByRole('heading', { name: 'Contacts' })).toBeInTheDocument();
    expect(await screen.findByText('No contacts yet.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'User menu' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Log out' }));

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(requests.some((r) => r.method === 'POST' && r.path === '/auth/logout')).toBe(true);
    expect(useAuthStore.getState().accessToken).toBeNull();
  });
});
