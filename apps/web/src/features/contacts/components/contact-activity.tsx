import { ArrowDownLeft, ArrowUpRight } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { errorMessage } from '@/lib/api-error';
import { CALL_STATUS_LABELS, formatDuration } from '@/lib/crm-format';
import { formatDateTime } from '@/lib/format';
import { useContactCalls, useContactStats } from '../api/get-contact-calls';
import { LeadStatusBadge } from './lead-status';

/** Call statistics and the timeline of calls (each with its own notes), a page at a time. */
export function ContactActivity({ workspaceId, contactId }: { workspaceId: string; contactId: string }) {
  const [page, setPage] = useState(1);
  const stats = useContactStats(workspaceId, contactId, true);
  const calls = useContactCalls(workspaceId, contactId, page, true);
  const pages = calls.data ? Math.max(1, Math.ceil(calls.data.total / 5)) : 1;
  return (
    <>
      <section aria-labelledby="contact-stats-title">
        <h3 id="contact-stats-title" className="section-title">
          Call statistics
        </h3>
        <dl className="facts contact-stats">
          <div>
            <dt>Total calls</dt>
            <dd>{stats.data?.totalCalls ?? '…'}</dd>
          </div>
          <div>
            <dt>Last call</dt>
            <dd>{stats.data ? (stats.data.lastCallAt ? formatDateTime(stats.data.lastCallAt) : 'Never') : '…'}</dd>
          </div>
          <div>
            <dt>Average duration</dt>
            <dd>{stats.data ? formatDuration(stats.data.averageDurationSeconds) : '…'}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="contact-calls-title">
        <h3 id="contact-calls-title" className="section-title">
          Recent calls
        </h3>
        {calls.isPending && <LoadingState label="Loading calls…" />}
        {calls.isError && <ErrorState title="Could not load calls">{errorMessage(calls.error)}</ErrorState>}
        {calls.data && calls.data.items.length === 0 && <p className="muted">No calls with this contact yet.</p>}
        {calls.data && calls.data.items.length > 0 && (
          <ol className="timeline" aria-label="Call timeline">
            {calls.data.items.map((call) => (
              <li key={call.id} className="timeline-item">
                <span className="timeline-icon" aria-hidden="true">
                  {call.direction === 'inbound' ? <ArrowDownLeft size={16} /> : <ArrowUpRight size={16} />}
                </span>
                <div>
                  <p className="timeline-title">
                    {call.direction === 'inbound' ? 'Inbound' : 'Outbound'} · {CALL_STATUS_LABELS[call.status]} · {formatDuration(call.durationSeconds)}
                    {call.leadStatus && (
                      <>
                        {' '}
                        <LeadStatusBadge status={call.leadStatus} />
                      </>
                    )}
                  </p>
                  <p className="cell-sub">
                    {formatDateTime(call.startedAt)}
                    {call.agent ? ` · ${call.agent.name}` : ''}
                  </p>
                  {call.notes && <p className="timeline-notes">{call.notes}</p>}
                  {call.ai?.summary && (
                    <p className="timeline-ai">
                      <span className="timeline-ai-label">AI summary</span> {call.ai.summary}
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
        {pages > 1 && (
          <div className="row pager">
            <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Newer calls
            </Button>
            <span className="muted">
              Page {page} of {pages}
            </span>
            <Button size="sm" variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              Older calls
            </Button>
          </div>
        )}
      </section>
    </>
  );
}
