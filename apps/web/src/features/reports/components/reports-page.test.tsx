import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aKeywordReport, anAgentRow } from '@/test/factories/crm';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { ReportsPage } from './reports-page';

const agentReport = () => ({
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-01-08T00:00:00.000Z',
  items: [anAgentRow(), anAgentRow({ userId: 'u2', name: 'Bob Agent', attributedRevenueCents: 0, qualifiedCalls: 0, aiQualifiedCalls: 0, personQualifiedCalls: 0, aiAcceptedCalls: 0 })],
});

describe('ReportsPage', () => {
  it('should show the leaderboard and ask for another range when a preset is chosen', async () => {
    const { fetchMock } = mockApi({
      'GET /workspaces/ws1/reports/agents': agentReport,
      'GET /workspaces/ws1/reports/keywords': () => aKeywordReport(),
    });
    renderRoute(<ReportsPage workspaceId="ws1" />);
    const board = await screen.findByRole('table', { name: 'Agent leaderboard' });
    const alice = within(board).getByRole('row', { name: /Andy Agent/ });
    expect(within(alice).getByText('$5,000.00')).toBeInTheDocument();
    expect(within(alice).getByText('10:00')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'This month' }));
    await waitFor(() => expect(fetchMock.mock.calls.length).toBeGreaterThan(2));
    expect(screen.getByRole('button', { name: 'This month' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('should split qualified calls into AI-qualified, person-qualified and AI accepted per agent', async () => {
    mockApi({
      'GET /workspaces/ws1/reports/agents': agentReport,
      'GET /workspaces/ws1/reports/keywords': () => aKeywordReport(),
    });
    renderRoute(<ReportsPage workspaceId="ws1" />);
    const board = await screen.findByRole('table', { name: 'Agent leaderboard' });
    const headers = within(board).getAllByRole('columnheader').map((h) => h.textContent);
    const cells = within(within(board).getByRole('row', { name: /Andy Agent/ })).getAllByRole('cell').map((c) => c.textContent);
    const column = (name: string) => cells[headers.indexOf(name)];
    expect([column('AI-qualified'), column('Person-qualified'), column('AI accepted')]).toEqual(['2', '1', '1']);
    const chart = screen.getByRole('list', { name: 'Qualified calls: AI vs person' });
    expect(within(chart).getAllByRole('listitem')[0]).toHaveTextContent('Andy Agent2 AI-qualified / 1 person-qualified');
  });

  it('should list the top keywords of each campaign for the selected range', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1/reports/agents': agentReport,
      'GET /workspaces/ws1/reports/keywords': () => aKeywordReport(),
    });
    renderRoute(<ReportsPage workspaceId="ws1" />);
    const card = await screen.findByRole('region', { name: 'Top keywords by campaign' });
    const google = await within(card).findByRole('list', { name: 'Keywords for Google Ads' });
    expect(within(google).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['quote 3 calls', 'roof 2 calls']);
    expect(within(card).getByText('4 analysed calls')).toBeInTheDocument();
    expect(within(card).getByRole('list', { name: 'Keywords for No campaign' })).toHaveTextContent('invoice 1 call');

    await userEvent.click(screen.getByRole('button', { name: 'Today' }));
    await waitFor(() => expect(requests.filter((r) => r.path === '/workspaces/ws1/reports/keywords')).toHaveLength(2));
  });

  it('should say so when no call in the range was analysed', async () => {
    mockApi({
      'GET /workspaces/ws1/reports/agents': agentReport,
      'GET /workspaces/ws1/reports/keywords': () => aKeywordReport({ items: [] }),
    });
    renderRoute(<ReportsPage workspaceId="ws1" />);
    const card = await screen.findByRole('region', { name: 'Top keywords by campaign' });
    expect(await within(card).findByText('No analysed calls in this range.')).toBeInTheDocument();
  });
});
