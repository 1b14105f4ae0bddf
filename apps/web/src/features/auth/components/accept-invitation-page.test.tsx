import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { connectApiClientToSession } from '@/app/session';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { useAuthStore } from '../stores/auth-store';
import { AcceptInvitationPage } from './accept-invitation-page';

const preview = {
  email: 'new@example.com',
  role: 'agent',
  workspaceName: 'Acme Plumbing',
  expiresAt: '2026-02-01T00:00:00.000Z',
  userExists: false,
};

function renderInvite() {
  return renderRoute(<AcceptInvitationPage />, { path: '/invite/:token', url: '/invite/tok123' });
}

describe('AcceptInvitationPage', () => {
  beforeEach(() => {
    connectApiClientToSession();
    useAuthStore.setState({ accessToken: null, status: 'anonymous' });
  });

  it('should ask a new user for a name and password and post them', async () => {
    const { requests } = mockApi({
      'GET /invitations/tok123': () => preview,
      'POST /invitations/tok123/accept': () => ({
        accessToken: 'tok',
        expiresAt: '2026-01-01T00:15:00.000Z',
        workspaceId: 'ws1',
        role: 'agent',
        user: { id: 'u9', email: 'new@example.com', name: 'Nina New' },
      }),
    });
    renderInvite();

    expect(await screen.findByRole('heading', { name: 'Join Acme Plumbing' })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Name'), 'Nina New');
    await userEvent.type(screen.getByLabelText('Password'), 'long-enough');
    await userEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByText('Navigated away')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ name: 'Nina New', password: 'long-enough' });
    await waitFor(() => expect(useAuthStore.getState().accessToken).toBe('tok'));
  });

  it('should ask an existing user only for the password', async () => {
    mockApi({ 'GET /invitations/tok123': () => ({ ...preview, userExists: true }) });
    renderInvite();

    expect(await screen.findByLabelText('Password')).toBeInTheDocument();
    expect(screen.queryByLabelText('Name')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Accept invitation' })).toBeInTheDocument();
  });

  it('should explain when the invitation has expired', async () => {
    mockApi({
      'GET /invitations/tok123': () => ({
        status: 410,
        body: { statusCode: 410, error: 'Gone', message: 'Invitation expired', code: 'INVITATION_EXPIRED' },
      }),
    });
    renderInvite();

    expect(await screen.findByText('This invitation has expired')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accept invitation' })).not.toBeInTheDocument();
  });
});
