import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aMembership, aWorkspace } from '@/test/factories';
import { mockApi } from '@/test/mock-api';
import { renderWorkspacePage } from '../testing/workspace-page';

const user = { id: 'u1', email: 'olivia@example.com', name: 'Olivia Owner' };
const acme = aMembership('owner');
const bolt = aMembership('agent', { workspaceId: 'ws2', workspaceName: 'Bolt Electric' });

describe('WorkspaceSwitcher', () => {
  it("should list the user's workspaces from /me with the current one selected", async () => {
    mockApi({
      'GET /me': () => ({ user, memberships: [acme, bolt] }),
      'GET /workspaces/ws1': () => aWorkspace(),
    });
    renderWorkspacePage();

    const select = await screen.findByRole('combobox', { name: 'Workspace' });
    expect(select).toHaveTextContent('Acme Plumbing');
    await userEvent.click(select);
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Acme Plumbing',
      'Bolt Electric',
    ]);
  });

  it("should navigate to the other workspace's dashboard and show its data when another is chosen", async () => {
    const { requests } = mockApi({
      'GET /me': () => ({ user, memberships: [acme, bolt] }),
      'GET /workspaces/ws1': () => aWorkspace(),
      'GET /workspaces/ws2': () => aWorkspace({ id: 'ws2', name: 'Bolt Electric' }),
    });
    const { router } = renderWorkspacePage();

    expect(await screen.findByRole('heading', { name: 'Acme Plumbing' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('combobox', { name: 'Workspace' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Bolt Electric' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/w/ws2/dashboard'));
    expect(await screen.findByRole('heading', { name: 'Bolt Electric' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Workspace' })).toHaveTextContent('Bolt Electric');
    expect(requests.some((r) => r.method === 'GET' && r.path === '/workspaces/ws2')).toBe(true);
  });
});
