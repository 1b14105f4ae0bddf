import { DEFAULT_PERMISSION_TOGGLES, permissionsOf } from '@ringtonic/contracts';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAuthStore } from '@/features/auth';
import { aMembership } from '@/test/factories';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { AppShell } from './app-shell';
import { connectApiClientToSession } from './session';

const user = { id: 'u2', email: 'max@example.com', name: 'Max Member' };

describe('AppShell', () => {
  beforeEach(() => {
    connectApiClientToSession();
    useAuthStore.setState({ accessToken: 'token', status: 'authenticated' });
  });

  it('should hide Contacts and Call logs when the role lacks contacts.view and callLogs.view', async () => {
    const toggles = { ...DEFAULT_PERMISSION_TOGGLES, memberViewContacts: false, memberViewCallLogs: false };
    mockApi({
      'GET /me': () => ({
        user,
        memberships: [aMembership('member', { permissions: permissionsOf('member', toggles) })],
      }),
    });
    renderRoute(<AppShell />, { path: '/w/:workspaceId', url: '/w/ws1' });

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Contacts' })).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Call logs' })).not.toBeInTheDocument();
    for (const name of ['Dashboard', 'Phone numbers', 'Members', 'Settings']) {
      expect(within(nav).getByRole('link', { name })).toBeInTheDocument();
    }
  });

  it('should show every section, the user name and role when the role is agent', async () => {
    mockApi({ 'GET /me': () => ({ user, memberships: [aMembership('agent')] }) });
    renderRoute(<AppShell />, { path: '/w/:workspaceId', url: '/w/ws1' });

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Dashboard',
      'Contacts',
      'Call logs',
      'Reports',
      'Phone numbers',
      'Members',
      'Settings',
    ]);
    expect(within(nav).getByRole('link', { name: 'Contacts' })).toHaveAttribute('href', '/w/ws1/contacts');
    expect(screen.getByText('Max Member')).toBeInTheDocument();
    expect(screen.getByText('Agent')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Workspace' })).toHaveTextContent('Acme Plumbing');
    expect(window.localStorage.getItem('ringtonic.lastWorkspaceId')).toBe('ws1');
  });

  it('should say the workspace is not available when the user is not a member', async () => {
    mockApi({ 'GET /me': () => ({ user, memberships: [aMembership('agent')] }) });
    renderRoute(<AppShell />, { path: '/w/:workspaceId', url: '/w/other' });

    expect(await screen.findByText('Workspace not available')).toBeInTheDocument();
  });
});
