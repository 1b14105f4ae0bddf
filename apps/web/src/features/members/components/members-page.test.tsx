import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aMember, anInvitation } from '@/test/factories';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { MembersPage } from './members-page';

const members = [
  aMember(),
  aMember({ userId: 'u2', name: 'Andy Agent', email: 'andy@example.com', role: 'agent' }),
];

function renderMembers(canManage = true) {
  return renderRoute(<MembersPage workspaceId="ws1" canManage={canManage} />, {
    path: '/w/:workspaceId/members',
    url: '/w/ws1/members',
  });
}

describe('MembersPage', () => {
  it('should render a row per member with a labelled role select when the user can manage', async () => {
    mockApi({
      'GET /workspaces/ws1/members': () => ({ items: members }),
      'GET /workspaces/ws1/invitations': () => ({ items: [anInvitation()] }),
    });
    renderMembers();

    const table = await screen.findByRole('table', { name: 'Members' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[1]).getByText('andy@example.com')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Role for Andy Agent' })).toHaveTextContent('Agent');
    expect(within(rows[1]).getByRole('button', { name: 'Remove' })).toBeInTheDocument();

    const pending = await screen.findByRole('table', { name: 'Pending invitations' });
    expect(within(pending).getByText('pending@example.com')).toBeInTheDocument();
    expect(within(pending).getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(within(pending).getByRole('button', { name: 'Revoke' })).toBeInTheDocument();
  });

  it('should post the email and the default agent role when an invitation is sent', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1/members': () => ({ items: members }),
      'GET /workspaces/ws1/invitations': () => ({ items: [] }),
      'POST /workspaces/ws1/invitations': (request) => ({
        status: 201,
        body: anInvitation({ id: 'inv2', email: (request.body as { email: string }).email, delivery: 'email' }),
      }),
    });
    renderMembers();

    await userEvent.click(await screen.findByRole('button', { name: 'Invite Member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite Member' });
    expect(within(dialog).getByRole('combobox', { name: 'Role' })).toHaveTextContent('Agent');
    await userEvent.type(within(dialog).getByLabelText('Email'), 'new.agent@example.com');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send Invitation' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const post = requests.find((r) => r.method === 'POST');
    expect(post).toMatchObject({
      path: '/workspaces/ws1/invitations',
      body: { email: 'new.agent@example.com', role: 'agent' },
    });
    expect(await screen.findByText('Invitation sent to new.agent@example.com')).toBeInTheDocument();
  });

  it('should toast the API message when the invitation is refused', async () => {
    mockApi({
      'GET /workspaces/ws1/members': () => ({ items: members }),
      'GET /workspaces/ws1/invitations': () => ({ items: [] }),
      'POST /workspaces/ws1/invitations': () => ({
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message: 'andy@example.com is already a member', code: 'ALREADY_MEMBER' },
      }),
    });
    renderMembers();

    await userEvent.click(await screen.findByRole('button', { name: 'Invite Member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite Member' });
    await userEvent.type(within(dialog).getByLabelText('Email'), 'andy@example.com');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send Invitation' }));

    expect(await screen.findByText('andy@example.com is already a member')).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Invite Member' })).toBeInTheDocument();
  });

  it('should delete the member after confirmation when Remove is clicked', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1/members': () => ({ items: members }),
      'GET /workspaces/ws1/invitations': () => ({ items: [] }),
      'DELETE /workspaces/ws1/members/u2': () => ({ status: 204 }),
    });
    renderMembers();

    const table = await screen.findByRole('table', { name: 'Members' });
    const andyRow = within(table).getByText('Andy Agent').closest('tr');
    if (!andyRow) throw new Error('row not found');
    await userEvent.click(within(andyRow).getByRole('button', { name: 'Remove' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove Andy Agent?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'DELETE' && r.path === '/workspaces/ws1/members/u2')).toBe(true));
    expect(await screen.findByText('Andy Agent was removed from the workspace')).toBeInTheDocument();
  });

  it('should be read-only without invitations when the user cannot manage members', async () => {
    const { requests } = mockApi({ 'GET /workspaces/ws1/members': () => ({ items: members }) });
    renderMembers(false);

    await screen.findByRole('table', { name: 'Members' });
    expect(screen.queryByRole('button', { name: 'Invite Member' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove' })).not.toBeInTheDocument();
    expect(screen.queryByText('Pending invitations')).not.toBeInTheDocument();
    expect(requests.every((r) => !r.path.endsWith('/invitations'))).toBe(true);
  });
});
