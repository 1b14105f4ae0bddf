import type { CallLogListQuery } from '@ringtonic/contracts';
import { PhoneIncoming } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardBody } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { errorMessage } from '@/lib/api-error';
import { useCallLogs } from '../api/get-call-logs';
import { useCallLogUpdates } from '../hooks/use-call-log-updates';
import { type CallLogFilters, useCallLogsView } from '../stores/call-logs-store';
import { CallLogSheet } from './call-log-sheet';
import { CallLogsFilters } from './call-logs-filters';
import { CallLogsTable } from './call-logs-table';

export interface CallLogsPageProps {
  workspaceId: string;
  /** callNotes.add: notes and tags on a call. */
  canAddNotes: boolean;
  /** leads.qualify: a call's lead status and attributed deal value. */
  canQualify: boolean;
}

const dayStart = (date: string, plusDays = 0) => {
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
};

export function toCallLogQuery(f: CallLogFilters, cursor: string | undefined): CallLogListQuery {
  return {
    mine: f.mine || undefined,
    direction: f.direction,
    status: f.status,
    agentId: f.agentId,
    campaignId: f.campaignId,
    from: f.fromDate ? dayStart(f.fromDate) : undefined,
    to: f.toDate ? dayStart(f.toDate, 1) : undefined,
    limit: 50,
    cursor,
  };
}

export function CallLogsPage({ workspaceId, canAddNotes, canQualify }: CallLogsPageProps) {
  const filters = useCallLogsView((s) => s.filters);
  const cursors = useCallLogsView((s) => s.cursors);
  const openCallId = useCallLogsView((s) => s.openCallId);
  const { nextPageRequested, previousPageRequested, sheetClosed } = useCallLogsView.getState();
  const calls = useCallLogs(workspaceId, toCallLogQuery(filters, cursors.at(-1)));
  useCallLogUpdates(workspaceId);
  return (
    <>
      <PageHeader title="Call logs" description="Every inbound and outbound call, with notes, tags and outcome." />
      <Card>
        <CardBody className="stack-sm">
          <CallLogsFilters workspaceId={workspaceId} />
          {calls.isPending && <LoadingState label="Loading calls…" />}
          {calls.isError && <ErrorState title="Could not load call logs">{errorMessage(calls.error)}</ErrorState>}
          {calls.data && calls.data.items.length === 0 && (
            <EmptyState icon={<PhoneIncoming size={28} />} title="No calls match.">
              Each call made or answered in this workspace is logged here automatically.
            </EmptyState>
          )}
          {calls.data && calls.data.items.length > 0 && <CallLogsTable calls={calls.data.items} />}
          {calls.data && (cursors.length > 0 || calls.data.nextCursor) && (
            <div className="row pager">
              <Button size="sm" variant="secondary" disabled={cursors.length === 0} onClick={previousPageRequested}>
                Newer calls
              </Button>
              <Button size="sm" variant="secondary" disabled={!calls.data.nextCursor} onClick={() => calls.data.nextCursor && nextPageRequested(calls.data.nextCursor)}>
                Older calls
              </Button>
            </div>
          )}
        </CardBody>
      </Card>
      {openCallId && <CallLogSheet workspaceId={workspaceId} callId={openCallId} canAddNotes={canAddNotes} canQualify={canQualify} onClose={sheetClosed} />}
    </>
  );
}
