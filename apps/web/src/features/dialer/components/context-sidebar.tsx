import { Badge } from '@/components/ui/badge';
import { LoadingState } from '@/components/ui/status';
import { LEAD_STATUS_LABELS, LEAD_STATUS_TONES, formatCents, formatDuration } from '@/lib/crm-format';
import { formatDate, formatDateTime } from '@/lib/format';
import { Link } from 'react-router';
import { useCallLog, useContactCalls } from '../api/call-logs';
import { useContact, useContactSearch, useContactStats } from '../api/contacts';
import type { ActiveCall } from '../stores/dialer-store';

/** Inbound: the call log names the contact; outbound: the contact with that phone, if any yet. */
function useCallContactId(workspaceId: string, call: ActiveCall): string | null {
  const log = useCallLog(workspaceId, call.callId);
  const byPhone = useContactSearch(workspaceId, call.callId ? '' : call.number);
  if (call.callId) return log.data?.contact?.id ?? null;
  return byPhone.data?.items.find((c) => c.phone === call.number)?.id ?? null;
}

export function ContextSidebar({ workspaceId, call }: { workspaceId: string; call: ActiveCall }) {
  const contactId = useCallContactId(workspaceId, call);
  const contact = useContact(workspaceId, contactId);
  const stats = useContactStats(workspaceId, contactId);
  const calls = useContactCalls(workspaceId, contactId);

  return (
    <aside className="context-sidebar" aria-label="Caller details">
      {!contactId && <p className="dialer-empty">No contact yet: one is created from this call.</p>}
      {contactId && contact.isPending && <LoadingState label="Loading contact…" />}
      {contact.data && (
        <>
          <h3 className="context-name">{contact.data.name ?? contact.data.phoneFormatted}</h3>
          <dl className="context-fields">
            <div>
              <dt>Phone</dt>
              <dd>{contact.data.phoneFormatted}</dd>
            </div>
            <div>
              <dt>Email</dt>
              <dd>{contact.data.email ?? '—'}</dd>
            </div>
            <div>
              <dt>Company</dt>
              <dd>{contact.data.company ?? '—'}</dd>
            </div>
            <div>
              <dt>Lead status</dt>
              <dd>
                <Badge tone={LEAD_STATUS_TONES[contact.data.leadStatus]}>{LEAD_STATUS_LABELS[contact.data.leadStatus]}</Badge>
              </dd>
            </div>
            <div>
              <dt>Deal value</dt>
              <dd>{formatCents(contact.data.dealValueCents)}</dd>
            </div>
            <div>
              <dt>Tags</dt>
              <dd className="context-tags">{contact.data.tags.length ? contact.data.tags.map((t) => <Badge key={t}>{t}</Badge>) : '—'}</dd>
            </div>
          </dl>
          {stats.data && (
            <dl className="context-stats" aria-label="Call statistics">
              <div>
                <dt>Total calls</dt>
                <dd>{stats.data.totalCalls}</dd>
              </div>
              <div>
                <dt>Last call</dt>
                <dd>{stats.data.lastCallAt ? formatDate(stats.data.lastCallAt) : '—'}</dd>
              </div>
              <div>
                <dt>Avg duration</dt>
                <dd>{formatDuration(Math.round(stats.data.averageDurationSeconds))}</dd>
              </div>
            </dl>
          )}
          {calls.data && calls.data.items.length > 0 && (
            <>
              <h4 className="context-subheading">Recent calls</h4>
              <ul className="context-calls">
                {calls.data.items.map((c) => (
                  <li key={c.id}>
                    {c.direction === 'inbound' ? 'In' : 'Out'} · {formatDateTime(c.startedAt)} · {formatDuration(c.durationSeconds)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <Link to={`/w/${workspaceId}/contacts?contact=${encodeURIComponent(contact.data.id)}`} className="context-link">
            Open contact
          </Link>
        </>
      )}
    </aside>
  );
}
