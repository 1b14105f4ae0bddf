import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { errorMessage } from '@/lib/api-error';
import { formatCents } from '@/lib/crm-format';
import { formatDate } from '@/lib/format';
import { useAgentReport } from '../api/get-agent-report';
import '../reports.css';
import { AgentBars } from './agent-bars';
import { AgentLeaderboard } from './agent-leaderboard';
import { type Preset, PRESET_LABELS, PRESETS, presetRange } from './date-presets';
import { KeywordReportCard } from './keyword-report-card';
import { QualificationBars } from './qualification-bars';

export function ReportsPage({ workspaceId }: { workspaceId: string }) {
  const [preset, setPreset] = useState<Preset | 'custom'>('last7');
  const [range, setRange] = useState(() => presetRange('last7'));
  const report = useAgentReport(workspaceId, range.from, range.to);
  const choose = (p: Preset) => {
    setPreset(p);
    setRange(presetRange(p));
  };
  const setDay = (which: 'from' | 'to', date: string) => {
    if (!date) return;
    const d = new Date(`${date}T00:00:00`);
    if (which === 'to') d.setDate(d.getDate() + 1);
    setPreset('custom');
    setRange((r) => ({ ...r, [which]: d.toISOString() }));
  };
  const localDay = (iso: string, minus = 0) => {
    const d = new Date(iso);
    d.setDate(d.getDate() - minus);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  const rows = report.data?.items ?? [];

  return (
    <>
      <PageHeader title="Reports" description="Per-agent results from the call logs: each call keeps the outcome and value it was credited with." />
      <div className="stack">
        <div className="toolbar" role="group" aria-label="Date range">
          {PRESETS.map((p) => (
            <Button key={p} size="sm" variant={preset === p ? 'primary' : 'secondary'} aria-pressed={preset === p} onClick={() => choose(p)}>
              {PRESET_LABELS[p]}
            </Button>
          ))}
          <label className="check-row">
            From
            <input className="input input-compact" type="date" value={localDay(range.from)} onChange={(e) => setDay('from', e.target.value)} />
          </label>
          <label className="check-row">
            To
            <input className="input input-compact" type="date" value={localDay(range.to, 1)} onChange={(e) => setDay('to', e.target.value)} />
          </label>
        </div>
        {report.isPending && <LoadingState label="Loading report…" />}
        {report.isError && <ErrorState title="Could not load the report">{errorMessage(report.error)}</ErrorState>}
        {report.data && (
          <>
            <Card aria-labelledby="leaderboard-title">
              <CardHeader>
                <CardTitle id="leaderboard-title">Agent leaderboard</CardTitle>
                <CardDescription>
                  {formatDate(report.data.from)} – {formatDate(new Date(new Date(report.data.to).getTime() - 1).toISOString())}
                </CardDescription>
              </CardHeader>
              <CardBody>
                <AgentLeaderboard rows={rows} />
              </CardBody>
            </Card>
            {rows.length > 0 && (
              <div className="chart-grid">
                <Card>
                  <CardBody>
                    <AgentBars title="Attributed revenue" rows={rows} value={(r) => r.attributedRevenueCents} format={formatCents} />
                  </CardBody>
                </Card>
                <Card>
                  <CardBody>
                    <AgentBars title="Calls made and answered" rows={rows} value={(r) => r.callsMade + r.callsAnswered} format={String} />
                  </CardBody>
                </Card>
                <Card>
                  <CardBody>
                    <QualificationBars rows={rows} />
                  </CardBody>
                </Card>
              </div>
            )}
          </>
        )}
        <KeywordReportCard workspaceId={workspaceId} from={range.from} to={range.to} />
      </div>
    </>
  );
}
