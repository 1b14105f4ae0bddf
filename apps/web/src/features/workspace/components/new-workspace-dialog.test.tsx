import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aMembership, aWorkspace } from '@/test/factories';
import { mockApi } from '@/test/mock-api';
import { renderWorkspacePage } from '../testing/workspace-page';

const user = { id: 'u1', email: 'olivia@example.com', name: 'Olivia Owner' };
const cedar = aWorkspace({ id: 'ws3', name: 'Cedar Roofing' });

async function openDialog() {
  await userEvent.click(await screen.findByRole('button', { name: 'New workspace' }));
  return screen.findByRole('dialog', { name: 'New workspace' });
}

describe('NewWorkspaceDialog', () => {
  it('should create the workspace with the trimmed name and land on its dashboard', async () => {
    let created = false;
    const { requests } = mockApi({
      'GET /me': () => ({
        user,
        memberships: created
          ? [aMembership('agent'), aMembership('owner', { workspaceId: 'ws3', workspaceName: 'Cedar Roofing' })]
          : [aMembership('agent')],
      }),
      'GET /workspaces/ws1': () => aWorkspace(),
      'GET /workspaces/ws3': () => cedar,
      'POST /workspaces': () => {
        created = true;
        return { status: 201, body: cedar };
      },
    });
    const { router } = renderWorkspacePage();

    const dialog = await openDialog();
    await userEvent.type(within(dialog).getByLabelText('Workspace name'), '  Cedar Roofing  ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create workspace' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/w/ws3/dashboard'));
    expect(requests.filter((r) => r.method === 'POST')).toEqual([
      expect.objectContaining({ path: '/workspaces', body: { name: 'Cedar Roofing' } }),
    ]);
    expect(await screen.findByText('Workspace "Cedar Roofing" created')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Cedar Roofing' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Workspace' })).toHaveTextContent('Cedar Roofing');
    expect(screen.queryByRole('dialog', { name: 'New workspace' })).not.toBeInTheDocument();
  });

  it('should say the name is required and send nothing when the name is empty or blank', async () => {
    const { requests } = mockApi({
      'GET /me': () => ({ user, memberships: [aMembership('agent')] }),
      'GET /workspaces/ws1': () => aWorkspace(),
    });
    const { router } = renderWorkspacePage();

    const dialog = await openDialog();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create workspace' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Workspace name is required');
    expect(within(dialog).getByLabelText('Workspace name')).toHaveAttribute('aria-invalid', 'true');

    await userEvent.type(within(dialog).getByLabelText('Workspace name'), '   ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create workspace' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Workspace name is required');

    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    expect(router.state.location.pathname).toBe('/w/ws1/dashboard');
  });

  it('should keep the dialog open and show the API message when the creation is refused', async () => {
    mockApi({
      'GET /me': () => ({ user, memberships: [aMembership('agent')] }),
      'GET /workspaces/ws1': () => aWorkspace(),
      'POST /workspaces': () => ({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: ['name must be shorter than or equal to 100 characters'], code: 'VALIDATION_FAILED' },
      }),
    });
    const { router } = renderWorkspacePage();

    const dialog = await openDialog();
    await userEvent.type(within(dialog).getByLabelText('Workspace name'), 'Cedar Roofing');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create workspace' }));

    expect(await screen.findByText('name must be shorter than or equal to 100 characters')).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'New workspace' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/w/ws1/dashboard');
  });

  it('should start empty again after being cancelled', async () => {
    mockApi({
      'GET /me': () => ({ user, memberships: [aMembership('agent')] }),
      'GET /workspaces/ws1': () => aWorkspace(),
    });
    renderWorkspacePage();

    let dialog = await openDialog();
    await userEvent.type(within(dialog).getByLabelText('Workspace name'), 'Half typed');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    dialog = await openDialog();
    expect(within(dialog).getByLabelText('Workspace name')).toHaveValue('');
  });
});
