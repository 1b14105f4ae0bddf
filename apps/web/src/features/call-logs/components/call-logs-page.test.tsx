import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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

  it('should send the direction, status, agent, campaign, date range and mine filters with the list request', async () => {
    const { fetchMock } = mockApi({
      ...base,
      'GET /workspaces/ws1/members': () => ({ items: [{ userId: 'u2', name: 'Bob Agent', email: 'bob@example.com', role: 'agent' }] }),
      'GET /workspaces/ws1/campaigns': () => ({ items: [{ id: 'camp1', name: 'Google Ads' }] }),
    });
    const lastQuery = () => {
      const urls = fetchMock.mock.calls.map(([input]) => new URL(String(input), 'http://localhost')).filter((u) => u.pathname.endsWith('/workspaces/ws1/call-logs'));
      return Object.fromEntries(urls.at(-1)!.searchParams);
    };
    renderCallLogs();
    await screen.findByRole('table', { name: 'Call logs' });
    expect(lastQuery()).toEqual({ limit: '50' });
    const pick = async (filter: string, option: string) => {
      await userEvent.click(screen.getByRole('combobox', { name: filter }));
      await userEvent.click(await screen.findByRole('option', { name: option }));
    };
    await pick('Direction', 'Inbound');
    await waitFor(() => expect(lastQuery()).toMatchObject({ direction: 'inbound' }));
    await pick('Status', 'Missed');
    await waitFor(() => expect(lastQuery()).toMatchObject({ status: 'missed' }));
    await pick('Agent', 'Bob Agent');
    await waitFor(() => expect(lastQuery()).toMatchObject({ agentId: 'u2' }));
    await pick('Campaign', 'Google Ads');
    await waitFor(() => expect(lastQuery()).toMatchObject({ campaignId: 'camp1' }));
    // A local-date range: from the first day's midnight up to (not including) the midnight after the last day.
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-02' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-04' } });
    await userEvent.click(screen.getByLabelText('My calls'));
    const from = new Date(2026, 2, 2).toISOString();
    const to = new Date(2026, 2, 5).toISOString();
    await waitFor(() =>
      expect(lastQuery()).toEqual({ direction: 'inbound', status: 'missed', agentId: 'u2', campaignId: 'camp1', from, to, mine: 'true', limit: '50' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(lastQuery()).toEqual({ limit: '50' }));
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
