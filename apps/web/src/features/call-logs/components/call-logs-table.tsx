import type { CallLogView } from '@ringtonic/contracts';
import { ArrowDownLeft, ArrowUpRight } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { LeadStatusBadge } from '@/features/contacts';
import { CALL_STATUS_LABELS, formatCents, formatDuration } from '@/lib/crm-format';
import { formatDateTime } from '@/lib/format';
import { useCallLogsView } from '../stores/call-logs-store';

export function CallLogsTable({ calls }: { calls: CallLogView[] }) {
  const callOpened = useCallLogsView((s) => s.callOpened);
  return (
    <Table aria-label="Call logs">
      <TableHead>
        <TableRow>
          <TableHeader>Contact</TableHeader>
          <TableHeader>Direction</TableHeader>
          <TableHeader>Status</TableHeader>
          <TableHeader>Agent</TableHeader>
          <TableHeader>Tracking number</TableHeader>
          <TableHeader>Started</TableHeader>
          <TableHeader>Duration</TableHeader>
          <TableHeader>Outcome</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {calls.map((call) => {
          const other = call.direction === 'inbound' ? call.fromFormatted : call.toFormatted;
          return (
            <TableRow key={call.id} className="clickable-row" onClick={() => callOpened(call.id)}>
              <TableCell>
                <button type="button" className="link-button cell-strong" onClick={(e) => { e.stopPropagation(); callOpened(call.id); }}>
                  {call.contact?.name ?? other}
                </button>
                {call.contact?.name && <span className="cell-sub">{other}</span>}
              </TableCell>
              <TableCell>
                <span className="row call-direction">
                  {call.direction === 'inbound' ? <ArrowDownLeft size={14} aria-hidden="true" /> : <ArrowUpRight size={14} aria-hidden="true" />}
                  {call.direction === 'inbound' ? 'Inbound' : 'Outbound'}
                </span>
              </TableCell>
              <TableCell>
                <Badge tone={call.status === 'completed' ? 'success' : call.status === 'missed' || call.status === 'failed' ? 'danger' : 'neutral'}>
                  {CALL_STATUS_LABELS[call.status]}
                </Badge>
              </TableCell>
              <TableCell>{call.agent?.name ?? '—'}</TableCell>
              <TableCell>
                {call.trackingNumber ? call.trackingNumber.label ?? call.trackingNumber.e164 : '—'}
                {call.campaign && <span className="cell-sub">{call.campaign.name}</span>}
              </TableCell>
              <TableCell>{formatDateTime(call.startedAt)}</TableCell>
              <TableCell>{formatDuration(call.durationSeconds)}</TableCell>
              <TableCell>
                {call.leadStatus ? <LeadStatusBadge status={call.leadStatus} /> : <span className="muted">—</span>}
                {call.dealValueCents !== null && <span className="cell-sub">{formatCents(call.dealValueCents)}</span>}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
