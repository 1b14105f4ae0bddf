import type { CallLogView } from '@ringtonic/contracts';
import { LeadStatusBadge } from '@/features/contacts';
import { CALL_STATUS_LABELS, formatDuration } from '@/lib/crm-format';
import { formatDateTime } from '@/lib/format';

/** Who, when, how long: the call as the telephony side recorded it. */
export function CallFacts({ call }: { call: CallLogView }) {
  return (
    <dl className="facts">
      <div>
        <dt>Contact</dt>
        <dd>
          {call.contact ? (call.contact.name ?? call.contact.phone) : 'No contact (deleted or never linked)'}{' '}
          {call.contact && <LeadStatusBadge status={call.contact.leadStatus} />}
        </dd>
      </div>
      <div>
        <dt>{call.direction === 'inbound' ? 'Inbound from' : 'Outbound to'}</dt>
        <dd>{call.direction === 'inbound' ? call.fromFormatted : call.toFormatted}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>{CALL_STATUS_LABELS[call.status]}</dd>
      </div>
      <div>
        <dt>Agent</dt>
        <dd>{call.agent?.name ?? '—'}</dd>
      </div>
      <div>
        <dt>Started</dt>
        <dd>{formatDateTime(call.startedAt)}</dd>
      </div>
      <div>
        <dt>Duration</dt>
        <dd>{formatDuration(call.durationSeconds)}</dd>
      </div>
      {call.trackingNumber && (
        <div>
          <dt>Tracking number</dt>
          <dd>
            {call.trackingNumber.label ?? call.trackingNumber.e164}
            {call.campaign ? ` · ${call.campaign.name}` : ''}
          </dd>
        </div>
      )}
    </dl>
  );
}
