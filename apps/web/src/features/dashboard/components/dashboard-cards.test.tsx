import type { CallSummary } from '@ringtonic/contracts';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

// The browser's own calendar, computed here without the app's helpers: today's local midnight,
// tomorrow's, and the Monday that starts this week.
function localRanges(now = new Date()) {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7));
  return { today: { from: midnight.toISOString(), to: tomorrow.toISOString() }, week: { from: monday.toISOString(), to: tomorrow.toISOString() } };
}

/** Answers GET …/reports/summary by its range: `byFrom` maps a `from` to the summary for it. */
function stubSummaries(byFrom: (from: string) => CallSummary | undefined) {
  const asked: Array<{ from: string | null; to: string | null }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
      if (!url.pathname.endsWith('/workspaces/ws1/reports/summary')) return new Response(null, { status: 404 });
      const from = url.searchParams.get('from');
      asked.push({ from, to: url.searchParams.get('to') });
      const body = from ? byFrom(from) : undefined;
      return body ? new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }) : new Response(null, { status: 404 });
    }),
  );
  return asked;
}

const card = (label: string) => within(screen.getByRole('region', { name: 'Today at a glance' })).getByText(label).parentElement!;

describe('DashboardCards', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('should ask for today and this week (Monday on) in local time and show calls, answer rate, missed calls and the week\'s revenue', async () => {
    const ranges = localRanges();
    const sameDayAndWeek = ranges.today.from === ranges.week.from; // on a Monday both start at midnight
    const asked = stubSummaries((from) =>
      from === ranges.today.from && !sameDayAndWeek
        ? summary({ totalCalls: 12, answeredInbound: 6, missedCalls: 3, answerRate: 2 / 3, revenueCents: 999 })
        : from === ranges.week.from
          ? summary({ totalCalls: sameDayAndWeek ? 12 : 80, answeredInbound: 6, missedCalls: 3, answerRate: 2 / 3, revenueCents: 1_234_567 })
          : undefined,
    );
    renderRoute(<DashboardCards workspaceId="ws1" />);
    expect(await within(card('Revenue this week')).findByText('$12,345.67')).toBeInTheDocument();
    expect(within(card('Calls today')).getByText('12')).toBeInTheDocument();
    expect(within(card('Answer rate today')).getByText('67%')).toBeInTheDocument();
    expect(within(card('Missed calls today')).getByText('3')).toBeInTheDocument();
    expect(new Set(asked.map((a) => `${a.from} ${a.to}`))).toEqual(new Set([ranges.today, ranges.week].map((r) => `${r.from} ${r.to}`)));
  });

  it('should show a dash for the answer rate when no call had an outcome today, and an ellipsis while loading', async () => {
    const ranges = localRanges();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        await gate;
        return new Response(JSON.stringify(summary({ from: ranges.today.from, answerRate: null })), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    renderRoute(<DashboardCards workspaceId="ws1" />);
    expect(within(card('Calls today')).getByText('…')).toBeInTheDocument();
    expect(within(card('Revenue this week')).getByText('…')).toBeInTheDocument();
    release();
    expect(await within(card('Answer rate today')).findByText('—')).toBeInTheDocument();
    expect(within(card('Calls today')).getByText('0')).toBeInTheDocument();
    expect(within(card('Revenue this week')).getByText('$0.00')).toBeInTheDocument();
  });
});
