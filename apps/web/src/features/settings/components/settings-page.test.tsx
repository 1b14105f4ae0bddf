import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aWorkspace } from '@/test/factories';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { SettingsPage } from './settings-page';

function renderSettings({ canManage = true, isOwner = true } = {}) {
  return renderRoute(<SettingsPage workspaceId="ws1" canManage={canManage} isOwner={isOwner} />, {
    path: '/w/:workspaceId/settings',
    url: '/w/ws1/settings',
  });
}

describe('SettingsPage', () => {
  it('should show the four tabs with Basic selected', async () => {
    mockApi({ 'GET /workspaces/ws1': () => aWorkspace() });
    renderSettings();

    for (const name of ['Basic', 'Dialer', 'Plan', 'Permissions']) {
      expect(await screen.findByRole('tab', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('tab', { name: 'Basic' })).toHaveAttribute('aria-selected', 'true');
  });

  it('should refuse a malformed Account SID with a message', async () => {
    const { requests } = mockApi({ 'GET /workspaces/ws1': () => aWorkspace() });
    renderSettings();

    await userEvent.type(await screen.findByLabelText('Twilio Account SID'), 'AC123');
    await userEvent.click(screen.getByRole('button', { name: 'Update Workspace' }));

    expect(
      await screen.findByText('Account SID must start with AC followed by 32 hexadecimal characters'),
    ).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('should send only the changed fields when the workspace is updated', async () => {
    const sid = `AC${'a1'.repeat(16)}`;
    const { requests } = mockApi({
      'GET /workspaces/ws1': () => aWorkspace({ twilio: { accountSid: null, authTokenSet: true, accountType: null } }),
      'PATCH /workspaces/ws1': () => aWorkspace({ name: 'Acme Plumbing', twilio: { accountSid: sid, authTokenSet: true, accountType: 'Full' } }),
    });
    renderSettings();

    const token = await screen.findByLabelText('Twilio Auth Token');
    expect(token).toHaveAttribute('placeholder', '•••••• (set)');
    await userEvent.type(screen.getByLabelText('Twilio Account SID'), sid);
    const timeout = screen.getByLabelText('Ring timeout (seconds)');
    await userEvent.clear(timeout);
    await userEvent.type(timeout, '45');
    await userEvent.click(screen.getByRole('button', { name: 'Update Workspace' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      ringTimeoutSeconds: 45,
      twilio: { accountSid: sid },
    });
    expect(await screen.findByText('Workspace updated')).toBeInTheDocument();
  });

  it('should refuse a ring timeout outside 5 to 120 seconds', async () => {
    mockApi({ 'GET /workspaces/ws1': () => aWorkspace() });
    renderSettings();

    const timeout = await screen.findByLabelText('Ring timeout (seconds)');
    await userEvent.clear(timeout);
    await userEvent.type(timeout, '200');
    await userEvent.click(screen.getByRole('button', { name: 'Update Workspace' }));

    expect(await screen.findByText('Ring timeout must be a whole number from 5 to 120 seconds')).toBeInTheDocument();
  });

  it('should send the permission toggles when Permissions are saved', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1': () => aWorkspace(),
      'PATCH /workspaces/ws1': () => aWorkspace(),
    });
    renderSettings();

    await userEvent.click(await screen.findByRole('tab', { name: 'Permissions' }));
    await userEvent.click(screen.getByRole('switch', { name: 'Managers can edit contacts' }));
    const buttons = screen.getAllByRole('button', { name: 'Update Workspace' });
    expect(buttons).toHaveLength(1);
    await userEvent.click(buttons[0]);

    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      permissions: {
        managerViewContacts: true,
        managerEditContacts: true,
        managerViewCallLogs: true,
        memberViewContacts: true,
        memberViewCallLogs: true,
      },
    });
  });

  it('should disable every control when the user cannot manage the workspace', async () => {
    mockApi({ 'GET /workspaces/ws1': () => aWorkspace() });
    renderSettings({ canManage: false, isOwner: false });

    expect(await screen.findByLabelText('Workspace name')).toBeDisabled();
    expect(screen.getByRole('switch', { name: 'Record calls' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Update Workspace' })).not.toBeInTheDocument();
  });
});
