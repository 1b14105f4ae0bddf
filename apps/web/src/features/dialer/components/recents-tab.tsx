import type { CallerIdOption, CallLogView } from '@ringtonic/contracts';
import { PhoneIncoming, PhoneMissed, PhoneOutgoing } from 'lucide-react';
import { LoadingState } from '@/components/ui/status';
import { formatDuration } from '@/lib/crm-format';
import { formatDateTime } from '@/lib/format';
import { useRecentCalls } from '../api/call-logs';
import { dialNumber } from '../lib/dial';

const UNANSWERED = new Set(['missed', 'voicemail', 'busy', 'no_answer', 'failed', 'canceled']);

function otherParty(call: CallLogView): { number: string; formatted: string } {
  return call.direction === 'inbound' ? { number: call.from, formatted: call.fromFormatted } : { number: call.to, formatted: call.toFormatted };
}

function DirectionIcon({ call }: { call: CallLogView }) {
  const label = call.direction === 'inbound' ? 'Inbound' : 'Outbound';
  if (UNANSWERED.has(call.status)) return <PhoneMissed size={16} className="recent-icon recent-missed" aria-label={`${label}, ${call.status.replace('_', ' ')}`} />;
  return call.direction === 'inbound' ? (
    <PhoneIncoming size={16} className="recent-icon" aria-label={label} />
  ) : (
    <PhoneOutgoing size={16} className="recent-icon" aria-label={label} />
  );
}

/** The agent's own calls (mine=true); clicking one redials. */
export function RecentsTab({ workspaceId, callerIds }: { workspaceId: string; callerIds: CallerIdOption[] }) {
  const recents = useRecentCalls(workspaceId);
  if (recents.isPending) return <LoadingState label="Loading recent calls…" />;
  if (recents.isError) return <p className="dialer-empty">Could not load recent calls.</p>;
  if (recents.data.items.length === 0) return <p className="dialer-empty">No calls yet.</p>;
  return (
    <ul className="dialer-list" aria-label="Recent calls">
      {recents.data.items.map((call) => {
        const party = otherParty(call);
        const name = call.contact?.name ?? party.formatted;
        return (
          <li key={call.id}>
            <button
              type="button"
              className="dialer-list-item dialer-list-button"
              aria-label={`Redial ${name}`}
              onClick={() => void dialNumber(workspaceId, callerIds, { number: party.number, name: call.contact?.name, contactId: call.contact?.id })}
            >
              <DirectionIcon call={call} />
              <span className="dialer-list-text">
                <span className="dialer-list-primary">{name}</span>
                <span className="dialer-list-secondary">{formatDateTime(call.startedAt)}</span>
              </span>
              <span className="dialer-list-meta">{formatDuration(call.durationSeconds)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
