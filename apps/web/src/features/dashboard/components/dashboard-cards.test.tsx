import type { CallSummary } from '@ringtonic/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { DashboardCards } from './dashboard-cards';

const summary = (overrides: Partial<CallSummary>): CallSummary => ({
  from: '',
  to: '',
  totalCalls: 0,
  inboundCalls: 0,
  outboundCalls: 0,
  answeredInbound: 0,
  missedCalls: 0,
  answerRate: null,
  qualifiedCalls: 0,
  revenueCents: 0,
  ...overrides,
});

// Local midnights, built with the local Date constructor (not the app's helpers), as the API gets them.
const at = (month: number, day: number) => new Date(2026, month - 1, day).toISOString();
const range = (from: string, to: string) => `${from} ${to}`;

/** Answers GET …/reports/summary by its exact from/to (404 for any other range); `asked()` lists the ranges requested. */
function answerSummaries(byRange: Record<string, CallSummary>) {
  const rangeOf = (input: unknown) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost');
    return range(url.searchParams.get('from') ?? '', url.searchParams.get('to') ?? '');
  };
  const api = mockApi({
    // mockApi hands handlers the path only; the query is read from the call being answered (the last one recorded).
    'GET /workspaces/ws1/reports/summary': () => byRange[rangeOf(api.fetchMock.mock.lastCall?.[0])] ?? { status: 404, body: { message: 'unexpected range' } },
  });
  return { asked: () => api.fetchMock.mock.calls.map(([input]) => rangeOf(input)).sort() };
}

const card = (label: string) => within(screen.getByRole('region', { name: 'Today at a glance' })).getByText(label).parentElement!;

describe('DashboardCards', () => {
  it('should ask for today and for this week from Monday in local time, and show calls, answer rate and missed calls of today and the week\'s revenue', async () => {
    const wednesday = new Date(2026, 10, 25, 15, 30); // Wednesday 25 November 2026, 15:30 local
    const today = range(at(11, 25), at(11, 26));
    const week = range(at(11, 23), at(11, 26));
    const { asked } = answerSummaries({
      [today]: summary({ totalCalls: 12, answeredInbound: 6, missedCalls: 3, answerRate: 2 / 3, revenueCents: 999 }),
      [week]: summary({ totalCalls: 80, answeredInbound: 50, missedCalls: 20, answerRate: 0.5, revenueCents: 1_234_567 }),
    });
    renderRoute(<DashboardCards workspaceId="ws1" now={wednesday} />);
    expect(await within(card('Revenue this week')).findByText('$12,345.67')).toBeInTheDocument();
    expect(await within(card('Calls today')).findByText('12')).toBeInTheDocument();
    expect(within(card('Answer rate today')).getByText('67%')).toBeInTheDocument();
    expect(within(card('Missed calls today')).getByText('3')).toBeInTheDocument();
    expect(asked()).toEqual([today, week].sort());
  });

  it('should ask once on a Monday, when today and this week are the same range, and show all four from it', async () => {
    const monday = new Date(2026, 10, 23, 9, 0); // Monday 23 November 2026, 09:00 local
    const both = range(at(11, 23), at(11, 24));
    const { asked } = answerSummaries({ [both]: summary({ totalCalls: 4, missedCalls: 1, answerRate: 0.75, revenueCents: 5000 }) });
    renderRoute(<DashboardCards workspaceId="ws1" now={monday} />);
    expect(await within(card('Revenue this week')).findByText('$50.00')).toBeInTheDocument();
    expect(within(card('Calls today')).getByText('4')).toBeInTheDocument();
    expect(within(card('Answer rate today')).getByText('75%')).toBeInTheDocument();
    expect(within(card('Missed calls today')).getByText('1')).toBeInTheDocument();
    expect(asked()).toEqual([both]);
  });

  it('should show an ellipsis until the numbers arrive, then a dash for the answer rate when no call had an outcome today', async () => {
    const sunday = new Date(2026, 10, 29, 23, 59); // Sunday 29 November 2026: the week began six days earlier
    answerSummaries({
      [range(at(11, 29), at(11, 30))]: summary({ answerRate: null }),
      [range(at(11, 23), at(11, 30))]: summary({ revenueCents: 0 }),
    });
    renderRoute(<DashboardCards workspaceId="ws1" now={sunday} />);
    expect(within(card('Calls today')).getByText('…')).toBeInTheDocument();
    expect(within(card('Revenue this week')).getByText('…')).toBeInTheDocument();
    expect(await within(card('Answer rate today')).findByText('—')).toBeInTheDocument();
    expect(within(card('Calls today')).getByText('0')).toBeInTheDocument();
    expect(await within(card('Revenue this week')).findByText('$0.00')).toBeInTheDocument();
  });
});
