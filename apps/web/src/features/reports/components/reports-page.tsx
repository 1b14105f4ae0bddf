import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { errorMessage } from '@/lib/api-error';
import { formatCents, formatDuration } from '@/lib/crm-format';
import { formatDate } from '@/lib/format';
import { useAgentReport } from '../api/get-agent-report';
import '../reports.css';
import { AgentBars } from './agent-bars';
import { type Preset, PRESET_LABELS, PRESETS, presetRange } from './date-presets';

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
                <Table aria-label="Agent leaderboard">
                  <TableHead>
                    <TableRow>
                      <TableHeader>Agent</TableHeader>
                      <TableHeader className="cell-num">Calls made</TableHeader>
                      <TableHeader className="cell-num">Calls answered</TableHeader>
                      <TableHeader className="cell-num">Talk time</TableHeader>
                      <TableHeader className="cell-num">Qualified calls</TableHeader>
                      <TableHeader className="cell-num">Attributed revenue</TableHeader>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {rows.map((r) => (
                      <TableRow key={r.userId}>
                        <TableCell className="cell-strong">{r.name}</TableCell>
                        <TableCell className="cell-num">{r.callsMade}</TableCell>
                        <TableCell className="cell-num">{r.callsAnswered}</TableCell>
                        <TableCell className="cell-num">{formatDuration(r.talkSeconds)}</TableCell>
                        <TableCell className="cell-num">{r.qualifiedCalls}</TableCell>
                        <TableCell className="cell-num">{formatCents(r.attributedRevenueCents)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
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
              </div>
            )}
          </>
        )}
      </div>
    </>
  );
}
