import type { Plan, Role } from '@ringtonic/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { toast } from 'sonner';
import { beforeEach, describe, expect, it } from 'vitest';
import { aMembership, aWorkspace } from '@/test/factories';
import { mockApi, type RecordedRequest } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { SettingsPage } from './settings-page';

/** Settings as the app mounts it for a role (workspace.manage → canManage, owner → isOwner), on the Plan tab. */
function renderPlanTab(role: Role) {
  const membership = aMembership(role);
  return renderRoute(
    <SettingsPage
      workspaceId="ws1"
      canManage={membership.permissions.includes('workspace.manage')}
      isOwner={membership.role === 'owner'}
    />,
    { path: '/w/:workspaceId/settings', url: '/w/ws1/settings?tab=plan' },
  );
}

const patches = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'PATCH');

describe('Settings › Plan', () => {
  // Sonner keeps toasts in module state: one test's success toast would otherwise show up in the next.
  beforeEach(() => {
    toast.dismiss();
  });

  it('should switch an Indie workspace to Agency when the owner asks, and show the new plan', async () => {
    let plan: Plan = 'indie';
    const { requests } = mockApi({
      'GET /workspaces/ws1': () => aWorkspace({ plan }),
      'PATCH /workspaces/ws1': () => {
        plan = 'agency';
        return aWorkspace({ plan });
      },
    });
    renderPlanTab('owner');

    expect(await screen.findByRole('tab', { name: 'Plan' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('Call tracking, contacts and call logs for a single business.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Switch to Agency' }));

    await waitFor(() => expect(patches(requests)).toHaveLength(1));
    expect(patches(requests)[0]).toMatchObject({ path: '/workspaces/ws1', body: { plan: 'agency' } });
    expect(await screen.findByText('Plan changed to Agency')).toBeInTheDocument();
    expect(await screen.findByText('Everything in Indie plus the Browser Dialer for your agents.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Switch to Indie' })).toBeInTheDocument();
  });

  it('should offer the owner of an Agency workspace to go back to Indie', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1': () => aWorkspace({ plan: 'agency' }),
      'PATCH /workspaces/ws1': () => aWorkspace({ plan: 'indie' }),
    });
    renderPlanTab('owner');

    await userEvent.click(await screen.findByRole('button', { name: 'Switch to Indie' }));

    await waitFor(() => expect(patches(requests)).toHaveLength(1));
    expect(patches(requests)[0].body).toEqual({ plan: 'indie' });
    expect(await screen.findByText('Plan changed to Indie')).toBeInTheDocument();
  });

  it("should show the API's refusal and keep the plan when the change is refused", async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1': () => aWorkspace(),
      'PATCH /workspaces/ws1': () => ({
        status: 403,
        body: { statusCode: 403, error: 'Forbidden', message: 'Only the workspace owner can change the plan', code: 'OWNER_ONLY' },
      }),
    });
    renderPlanTab('owner');

    await userEvent.click(await screen.findByRole('button', { name: 'Switch to Agency' }));

    expect(await screen.findByText('Only the workspace owner can change the plan')).toBeInTheDocument();
    expect(patches(requests)).toHaveLength(1);
    expect(screen.queryByText('Plan changed to Agency')).not.toBeInTheDocument();
    expect(screen.getByText('Call tracking, contacts and call logs for a single business.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Switch to Agency' })).toBeEnabled();
  });

  it('should show an admin the plan read-only and say only the owner can change it', async () => {
    const { requests } = mockApi({ 'GET /workspaces/ws1': () => aWorkspace({ plan: 'agency' }) });
    renderPlanTab('admin');

    expect(await screen.findByText('Only the workspace owner can change the plan.')).toBeInTheDocument();
    expect(screen.getByText('Everything in Indie plus the Browser Dialer for your agents.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Switch to/ })).not.toBeInTheDocument();
    // The rest of the settings stay editable for an admin.
    await userEvent.click(screen.getByRole('tab', { name: 'Basic' }));
    expect(screen.getByLabelText('Workspace name')).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Update Workspace' })).toBeInTheDocument();
    expect(patches(requests)).toHaveLength(0);
  });

  it.each<Role>(['manager', 'member'])('should give a %s no way to edit any settings', async (role) => {
    const { requests } = mockApi({ 'GET /workspaces/ws1': () => aWorkspace() });
    renderPlanTab(role);

    expect(await screen.findByText('You can view these settings. Only admins and owners can change them.')).toBeInTheDocument();
    expect(await screen.findByText('Only the workspace owner can change the plan.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Switch to/ })).not.toBeInTheDocument();

    for (const tab of ['Basic', 'Dialer', 'Permissions']) {
      await userEvent.click(screen.getByRole('tab', { name: tab }));
      expect(screen.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      expect(screen.queryByRole('button', { name: 'Update Workspace' })).not.toBeInTheDocument();
    }
    expect(screen.getByRole('switch', { name: 'Managers can edit contacts' })).toBeDisabled();
    await userEvent.click(screen.getByRole('tab', { name: 'Basic' }));
    expect(screen.getByLabelText('Workspace name')).toBeDisabled();
    expect(screen.getByLabelText('Twilio Account SID')).toBeDisabled();
    expect(patches(requests)).toHaveLength(0);
  });
});
