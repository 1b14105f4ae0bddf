import type { DialerHealth, WorkspaceView } from '@ringtonic/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aDialerCheck, aWorkspace } from '@/test/factories';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { SettingsPage } from './settings-page';

const API_KEY_SID = `SK${'0f'.repeat(16)}`;

function renderDialerTab({ canManage = true } = {}) {
  return renderRoute(<SettingsPage workspaceId="ws1" canManage={canManage} isOwner={canManage} />, {
    path: '/w/:workspaceId/settings',
    url: '/w/ws1/settings?tab=dialer',
  });
}

const notReadyHealth: DialerHealth = {
  ready: false,
  checks: [
    aDialerCheck({ id: 'enabled', ok: true, message: 'Dialer enabled' }),
    aDialerCheck({
      id: 'twiml_app',
      ok: false,
      message: 'TwiML Application not created',
      fix: 'Verify your Account SID and Auth Token in the Basic tab, then save again.',
    }),
  ],
};

describe('DialerSettings', () => {
  it('should show "Dialer not ready" with the message and the checklist when provisioning fails', async () => {
    let workspace: WorkspaceView = aWorkspace({ plan: 'agency' });
    let healthRequests = 0;
    const { requests } = mockApi({
      'GET /workspaces/ws1': () => workspace,
      'PATCH /workspaces/ws1': () => {
        workspace = aWorkspace({
          plan: 'agency',
          dialer: {
            ...workspace.dialer,
            enabled: true,
            status: 'not_ready',
            statusMessage: 'Twilio rejected the credentials (401).',
          },
        });
        return workspace;
      },
      'GET /workspaces/ws1/dialer/health': () => {
        healthRequests += 1;
        return healthRequests === 1 ? { ready: false, checks: [aDialerCheck({ ok: false, message: 'Dialer not enabled', fix: 'Toggle Enable Dialer on.' })] } : notReadyHealth;
      },
    });
    renderDialerTab();

    const checklist = await screen.findByRole('list', { name: 'Setup checklist' });
    expect(await within(checklist).findByText('Toggle Enable Dialer on.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('switch', { name: 'Enable Dialer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Update Workspace' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ dialer: { enabled: true } });
    expect(await screen.findByText('Dialer not ready')).toBeInTheDocument();
    expect(screen.getByText('Twilio rejected the credentials (401).')).toBeInTheDocument();
    expect(screen.getByText(/Make sure your Twilio account is active/)).toBeInTheDocument();
    expect(await within(checklist).findByText('TwiML Application not created')).toBeInTheDocument();
    expect(
      within(checklist).getByText('Verify your Account SID and Auth Token in the Basic tab, then save again.'),
    ).toBeInTheDocument();
    expect(within(checklist).queryByText('Toggle Enable Dialer on.')).not.toBeInTheDocument();
  });

  it('should refuse an API Key SID that is not SK and 32 hex characters', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1': () => aWorkspace(),
      'GET /workspaces/ws1/dialer/health': () => notReadyHealth,
    });
    renderDialerTab();

    await userEvent.type(await screen.findByLabelText('API Key SID'), 'SK12345');
    await userEvent.click(screen.getByRole('button', { name: 'Update Workspace' }));

    expect(
      await screen.findByText('API Key SID starts with "SK" followed by 32 hexadecimal characters'),
    ).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('should send the API key and show "Dialer ready" with the TwiML App SID when provisioning succeeds', async () => {
    const enabled = aWorkspace({
      plan: 'agency',
      dialer: { enabled: true, apiKeySid: null, apiKeySecretSet: true, twimlAppSid: null, status: 'not_ready', statusMessage: 'API Key missing' },
    });
    let workspace = enabled;
    const { requests } = mockApi({
      'GET /workspaces/ws1': () => workspace,
      'PATCH /workspaces/ws1': () => {
        workspace = { ...enabled, dialer: { ...enabled.dialer, apiKeySid: API_KEY_SID, twimlAppSid: 'AP123', status: 'ready', statusMessage: null } };
        return workspace;
      },
      'GET /workspaces/ws1/dialer/health': () => ({ ready: true, checks: [aDialerCheck()] }),
    });
    renderDialerTab();

    expect(await screen.findByLabelText('API Key Secret')).toHaveAttribute('placeholder', '•••••• (set)');
    await userEvent.type(screen.getByLabelText('API Key SID'), API_KEY_SID);
    await userEvent.click(screen.getByRole('button', { name: 'Update Workspace' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ dialer: { apiKeySid: API_KEY_SID } });
    expect(await screen.findByText('Dialer ready')).toBeInTheDocument();
    expect(screen.getByText('AP123')).toBeInTheDocument();
  });

  it('should disable the dialer controls when the user cannot manage the workspace', async () => {
    mockApi({
      'GET /workspaces/ws1': () => aWorkspace(),
      'GET /workspaces/ws1/dialer/health': () => notReadyHealth,
    });
    renderDialerTab({ canManage: false });

    expect(await screen.findByRole('switch', { name: 'Enable Dialer' })).toBeDisabled();
    expect(screen.getByLabelText('API Key SID')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Update Workspace' })).not.toBeInTheDocument();
    expect(await screen.findByText('TwiML Application not created')).toBeInTheDocument();
  });
});
