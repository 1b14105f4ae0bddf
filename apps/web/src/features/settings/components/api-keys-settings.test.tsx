import type { ApiKeyView, CreatedApiKey, Role } from '@ringtonic/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { toast } from 'sonner';
import { beforeEach, describe, expect, it } from 'vitest';
import { aMembership, aWorkspace } from '@/test/factories';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { formatDate, formatDateTime } from '@/lib/format';
import { SettingsPage } from './settings-page';

const DAY = 86400_000;
// The first render waits for the workspace, then the keys: allow for a busy test machine.
const SLOW = { timeout: 5000 };

function anApiKey(overrides: Partial<ApiKeyView> = {}): ApiKeyView {
  return { id: 'k1', name: 'Zapier', prefix: 'rt_AbCdEfG', createdAt: '2026-11-01T10:00:00.000Z', lastUsedAt: null, expiresAt: null, ...overrides };
}

function renderApiKeysTab(role: Role = 'admin') {
  const membership = aMembership(role);
  return renderRoute(
    <SettingsPage workspaceId="ws1" canManage={membership.permissions.includes('workspace.manage')} isOwner={role === 'owner'} />,
    { path: '/w/:workspaceId/settings', url: '/w/ws1/settings?tab=api-keys' },
  );
}

describe('Settings › API keys', () => {
  beforeEach(() => {
    toast.dismiss();
  });

  it('should list each key with its prefix, last use and expiry', async () => {
    const expiresAt = new Date(Date.now() + 30 * DAY).toISOString();
    mockApi({
      'GET /workspaces/ws1': () => aWorkspace(),
      'GET /workspaces/ws1/api-keys': () => ({
        items: [
          anApiKey({ lastUsedAt: '2026-11-20T08:30:00.000Z', expiresAt }),
          anApiKey({ id: 'k2', name: 'Old CRM', prefix: 'rt_ZzZzZzZ', expiresAt: '2026-01-01T00:00:00.000Z' }),
        ],
        nextCursor: null,
      }),
    });
    renderApiKeysTab();

    const table = await screen.findByRole('table', { name: 'API keys' }, SLOW);
    const [, zapier, old] = within(table).getAllByRole('row');
    expect(zapier).toHaveTextContent('Zapier');
    expect(zapier).toHaveTextContent('rt_AbCdEfG…');
    expect(zapier).toHaveTextContent(formatDateTime('2026-11-20T08:30:00.000Z'));
    expect(zapier).toHaveTextContent(formatDate(expiresAt));
    expect(old).toHaveTextContent('Never used');
    expect(old).toHaveTextContent(`Expired ${formatDate('2026-01-01T00:00:00.000Z')}`);
  });

  it('should create a key that expires in 90 days and show its value once', async () => {
    let items: ApiKeyView[] = [];
    const { requests } = mockApi({
      'GET /workspaces/ws1': () => aWorkspace(),
      'GET /workspaces/ws1/api-keys': () => ({ items, nextCursor: null }),
      'POST /workspaces/ws1/api-keys': (req) => {
        const body = req.body as { name: string; expiresAt: string };
        const created: CreatedApiKey = { ...anApiKey({ name: body.name, expiresAt: body.expiresAt }), key: 'rt_secret-value-shown-once' };
        items = [anApiKey({ name: body.name, expiresAt: body.expiresAt })];
        return { status: 201, body: created };
      },
    });
    renderApiKeysTab('owner');

    expect(await screen.findByText('No API keys yet.', {}, SLOW)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Key name'), '  Zapier  ');
    await userEvent.click(screen.getByRole('combobox', { name: 'Expires' }));
    await userEvent.click(await screen.findByRole('option', { name: 'In 90 days' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));

    expect(await screen.findByLabelText('Your new API key')).toHaveValue('rt_secret-value-shown-once');
    expect(screen.getByText('Copy it now: it is shown only once.')).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST')!;
    const body = post.body as { name: string; expiresAt: string };
    expect(body.name).toBe('Zapier');
    expect(Math.abs(new Date(body.expiresAt).getTime() - (Date.now() + 90 * DAY))).toBeLessThan(60_000);
    expect(await screen.findByRole('table', { name: 'API keys' })).toHaveTextContent('Zapier');
  });

  it('should send no expiry by default and show a refusal from the API beside the name', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1': () => aWorkspace(),
      'GET /workspaces/ws1/api-keys': () => ({ items: [], nextCursor: null }),
      'POST /workspaces/ws1/api-keys': () => ({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: ['name must be shorter than or equal to 80 characters'], code: 'VALIDATION_FAILED' },
      }),
    });
    renderApiKeysTab();

    await userEvent.type(await screen.findByLabelText('Key name', {}, SLOW), 'CI');
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));
    expect(await screen.findByText('name must be shorter than or equal to 80 characters')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ name: 'CI', expiresAt: null });
  });

  it('should revoke a key after confirmation', async () => {
    let items = [anApiKey()];
    const { requests } = mockApi({
      'GET /workspaces/ws1': () => aWorkspace(),
      'GET /workspaces/ws1/api-keys': () => ({ items, nextCursor: null }),
      'DELETE /workspaces/ws1/api-keys/k1': () => {
        items = [];
        return { status: 204 };
      },
    });
    renderApiKeysTab();

    await userEvent.click(await screen.findByRole('button', { name: 'Revoke Zapier' }, SLOW));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('Integrations using it stop working at once.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke' }));

    expect(await screen.findByText('API key Zapier revoked')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'DELETE' && r.path === '/workspaces/ws1/api-keys/k1')).toBe(true);
    expect(await screen.findByText('No API keys yet.')).toBeInTheDocument();
  });

  it('should not offer API keys to a role that cannot manage the workspace', async () => {
    const { requests } = mockApi({ 'GET /workspaces/ws1': () => aWorkspace() });
    renderApiKeysTab('agent');

    expect(await screen.findByRole('tab', { name: 'Basic' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByRole('tab', { name: 'API keys' })).not.toBeInTheDocument();
    await waitFor(() => expect(requests.some((r) => r.path.endsWith('/api-keys'))).toBe(false));
  });
});
