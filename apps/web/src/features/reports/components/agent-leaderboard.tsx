import type { AgentReportRow } from '@ringtonic/contracts';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatCents, formatDuration } from '@/lib/crm-format';

/** One row per agent; qualified calls split by who qualified them (the AI's suggestion vs a person). */
export function AgentLeaderboard({ rows }: { rows: AgentReportRow[] }) {
  return (
    <Table aria-label="Agent leaderboard">
      <TableHead>
        <TableRow>
          <TableHeader>Agent</TableHeader>
          <TableHeader className="cell-num">Calls made</TableHeader>
          <TableHeader className="cell-num">Calls answered</TableHeader>
          <TableHeader className="cell-num">Talk time</TableHeader>
          <TableHeader className="cell-num">Qualified calls</TableHeader>
          <TableHeader className="cell-num" title="Calls the AI suggested as qualified">
            AI-qualified
          </TableHeader>
          <TableHeader className="cell-num" title="Calls a person qualified by hand">
            Person-qualified
          </TableHeader>
          <TableHeader className="cell-num" title="AI suggestions a person accepted">
            AI accepted
          </TableHeader>
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
            <TableCell className="cell-num">{r.aiQualifiedCalls}</TableCell>
            <TableCell className="cell-num">{r.personQualifiedCalls}</TableCell>
            <TableCell className="cell-num">{r.aiAcceptedCalls}</TableCell>
            <TableCell className="cell-num">{formatCents(r.attributedRevenueCents)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
