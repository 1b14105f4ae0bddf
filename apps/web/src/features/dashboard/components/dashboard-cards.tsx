import { Card } from '@/components/ui/card';
import { formatCents } from '@/lib/crm-format';
import { presetRange, startOfWeek, useCallSummary } from '@/features/reports';
import '../dashboard.css';

/**
 * The dashboard's four numbers: calls today, answer rate, missed calls (today), revenue this week
 * (Monday on), in the browser's local calendar. `now` is the moment they are for (tests pin it).
 */
export function DashboardCards({ workspaceId, now = new Date() }: { workspaceId: string; now?: Date }) {
  const today = presetRange('today', now);
  const weekFrom = startOfWeek(now).toISOString();
  const day = useCallSummary(workspaceId, today.from, today.to);
  const week = useCallSummary(workspaceId, weekFrom, today.to);
  const rate = day.data?.answerRate;
  const cards = [
    { label: 'Calls today', value: day.data ? String(day.data.totalCalls) : '…' },
    { label: 'Answer rate today', value: day.data ? (rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`) : '…' },
    { label: 'Missed calls today', value: day.data ? String(day.data.missedCalls) : '…' },
    { label: 'Revenue this week', value: week.data ? formatCents(week.data.revenueCents) : '…' },
  ];
  return (
    <section className="stat-cards" aria-label="Today at a glance">
      {cards.map((c) => (
        <Card key={c.label} className="stat-card">
          <p className="stat-label">{c.label}</p>
          <p className="stat-value">{c.value}</p>
        </Card>
      ))}
    </section>
  );
}
