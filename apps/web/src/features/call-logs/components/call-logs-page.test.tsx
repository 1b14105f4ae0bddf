import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aCallLogAi, aCallLogView } from '@/test/factories/crm';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { useCallLogsView } from '../stores/call-logs-store';
import { CallLogsPage } from './call-logs-page';

const socket = vi.hoisted(() => ({ current: null as null | import('@/test/fake-socket').FakeSocket }));
vi.mock('@/lib/socket', async () => {
  const { createFakeSocket } = await import('@/test/fake-socket');
  socket.current = createFakeSocket();
  return { connectRealtime: () => socket.current };
});

const recent = aCallLogView();
const old = aCallLogView({ id: 'call2', syncsContact: false, direction: 'inbound', agent: { userId: 'u2', name: 'Bob Agent' } });

function renderCallLogs(canQualify = true) {
  return renderRoute(<CallLogsPage workspaceId="ws1" canAddNotes={canQualify} canQualify={canQualify} />, { path: '/w/:workspaceId/call-logs', url: '/w/ws1/call-logs' });
}

const base = {
  'GET /workspaces/ws1/call-logs': () => ({ items: [recent, old], nextCursor: null }),
  'GET /workspaces/ws1/members': () => ({ items: [] }),
  'GET /workspaces/ws1/campaigns': () => ({ items: [] }),
  'GET /workspaces/ws1/tags': () => ({ items: [] }),
};

describe('CallLogsPage', () => {
  afterEach(() => useCallLogsView.setState({ filters: { mine: false }, cursors: [], openCallId: null }));

  it('should list calls and filter to my calls', async () => {
    const { requests } = mockApi(base);
    renderCallLogs();
    const table = await screen.findByRole('table', { name: 'Call logs' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    await userEvent.click(screen.getByLabelText('My calls'));
    await waitFor(() => expect(requests.some((r) => r.method === 'GET' && r.path === '/workspaces/ws1/call-logs')).toBe(true));
    expect(useCallLogsView.getState().filters.mine).toBe(true);
  });

  it('should say the contact follows within 24 h and toast that it was updated', async () => {
    const { requests } = mockApi({
      ...base,
      'GET /workspaces/ws1/call-logs/call1': () => ({ body: recent }),
      'PATCH /workspaces/ws1/call-logs/call1': () => ({ body: { ...recent, leadStatus: 'qualified', contactUpdated: true } }),
    });
    renderCallLogs();
    await userEvent.click(await screen.findAllByRole('button', { name: 'John Doe' }).then((b) => b[0]!));
    const sheet = await screen.findByRole('dialog', { name: 'Call details' });
    expect(await within(sheet).findByText(/also updates the contact/)).toBeInTheDocument();
    await userEvent.click(within(sheet).getByRole('combobox', { name: 'Call outcome (lead status)' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Qualified' }));
    expect(await screen.findByText(/the contact is now Qualified too/)).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ leadStatus: 'qualified' });
  });

  it('should warn that only the log changes after 24 h, and hide editing without leads.qualify', async () => {
    mockApi({ ...base, 'GET /workspaces/ws1/call-logs/call2': () => ({ body: old }) });
    renderCallLogs(false);
    await userEvent.click((await screen.findAllByRole('button', { name: 'John Doe' }))[1]!);
    const sheet = await screen.findByRole('dialog', { name: 'Call details' });
    expect(await within(sheet).findByText(/changes only this call log, not the contact/)).toBeInTheDocument();
    expect(within(sheet).getByRole('combobox', { name: 'Call outcome (lead status)' })).toBeDisabled();
  });

  it('should refetch the list and the open call when the API announces calllog.updated', async () => {
    let analysing = true;
    const { requests } = mockApi({
      ...base,
      'GET /workspaces/ws1/call-logs/call1': () => ({ body: { ...recent, ai: aCallLogAi(analysing ? { status: 'analysing', summary: null } : {}) } }),
    });
    renderCallLogs();
    await userEvent.click(await screen.findAllByRole('button', { name: 'John Doe' }).then((b) => b[0]!));
    const section = await screen.findByRole('region', { name: 'AI analysis' });
    expect(await within(section).findByText('Analysing')).toBeInTheDocument();
    const listFetches = requests.filter((r) => r.path === '/workspaces/ws1/call-logs').length;

    analysing = false;
    socket.current!.serverEmit('calllog.updated', { id: 'call1' });
    expect(await within(section).findByText('Done')).toBeInTheDocument();
    await waitFor(() => expect(requests.filter((r) => r.path === '/workspaces/ws1/call-logs').length).toBeGreaterThan(listFetches));
  });
});
