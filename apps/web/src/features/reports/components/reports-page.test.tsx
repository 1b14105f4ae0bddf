import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { anAgentRow } from '@/test/factories/crm';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { ReportsPage } from './reports-page';

describe('ReportsPage', () => {
  it('should show the leaderboard and ask for another range when a preset is chosen', async () => {
    const { fetchMock } = mockApi({
      'GET /workspaces/ws1/reports/agents': () => ({
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-01-08T00:00:00.000Z',
        items: [anAgentRow(), anAgentRow({ userId: 'u2', name: 'Bob Agent', attributedRevenueCents: 0, qualifiedCalls: 0 })],
      }),
    });
    renderRoute(<ReportsPage workspaceId="ws1" />);
    const board = await screen.findByRole('table', { name: 'Agent leaderboard' });
    const alice = within(board).getByRole('row', { name: /Andy Agent/ });
    expect(within(alice).getByText('$5,000.00')).toBeInTheDocument();
    expect(within(alice).getByText('10:00')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'This month' }));
    await waitFor(() => expect(fetchMock.mock.calls.length).toBeGreaterThan(1));
    expect(screen.getByRole('button', { name: 'This month' })).toHaveAttribute('aria-pressed', 'true');
  });
});
