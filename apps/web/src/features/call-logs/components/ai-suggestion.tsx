import type { CallLogAiView, CallLogView } from '@ringtonic/contracts';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/status';
import { LeadStatusBadge } from '@/features/contacts';
import { errorMessage } from '@/lib/api-error';
import { formatCents, LEAD_STATUS_LABELS } from '@/lib/crm-format';
import { formatDateTime } from '@/lib/format';
import { useAcceptAiSuggestion } from '../api/accept-ai-suggestion';

export interface AiSuggestionProps {
  workspaceId: string;
  call: CallLogView;
  ai: CallLogAiView;
  canAccept: boolean;
}

/** The model's suggestions, and accepting them as this call's outcome. */
export function AiSuggestion({ workspaceId, call, ai, canAccept }: AiSuggestionProps) {
  const accept = useAcceptAiSuggestion(workspaceId, call.id);
  const acceptable = ai.suggestedLeadStatus !== null || ai.estimatedDealValueCents !== null;
  const onAccept = () =>
    accept.mutate(undefined, {
      onSuccess: (log) => {
        const status = ai.suggestedLeadStatus ? LEAD_STATUS_LABELS[ai.suggestedLeadStatus] : null;
        toast.success(
          log.contactUpdated && status
            ? `Suggestion accepted: the call and the contact are now ${status}`
            : 'Suggestion accepted for this call log only',
        );
      },
      onError: (error) => toast.error('The suggestion was not accepted', { description: errorMessage(error) }),
    });
  return (
    <div className="stack-sm">
      <h4 className="call-subtitle">Suggestions</h4>
      <dl className="facts ai-facts">
        <div>
          <dt>Lead status</dt>
          <dd>{ai.suggestedLeadStatus ? <LeadStatusBadge status={ai.suggestedLeadStatus} /> : '—'}</dd>
        </div>
        <div>
          <dt>Estimated deal value</dt>
          <dd>{formatCents(ai.estimatedDealValueCents)}</dd>
        </div>
        <div>
          <dt>Caller name</dt>
          <dd>{ai.callerName ?? '—'}</dd>
        </div>
        <div>
          <dt>Confidence</dt>
          <dd>{ai.confidence === null ? '—' : `${Math.round(ai.confidence * 100)}%`}</dd>
        </div>
      </dl>
      <Chips label="Keywords" items={ai.keywords} />
      <Chips label="Suggested tags" items={ai.tags} />
      {ai.acceptedAt ? (
        <Notice tone="success">
          Accepted{ai.acceptedBy ? ` by ${ai.acceptedBy.name}` : ''} on {formatDateTime(ai.acceptedAt)}.
        </Notice>
      ) : (
        canAccept &&
        acceptable && (
          <>
            {!call.syncsContact && <Notice tone="warning">More than 24 h after the call: accepting changes only this call log, not the contact.</Notice>}
            <div className="form-actions">
              <Button size="sm" loading={accept.isPending} onClick={onAccept}>
                Accept AI suggestion
              </Button>
            </div>
          </>
        )
      )}
      {ai.model && (
        <p className="cell-sub">
          {ai.model}
          {ai.analysedAt ? ` · ${formatDateTime(ai.analysedAt)}` : ''}
        </p>
      )}
    </div>
  );
}

function Chips({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <p className="call-chips-label">{label}</p>
      <ul className="chip-list" aria-label={label}>
        {items.map((item) => (
          <li key={item} className="ai-chip">
            {item}
          </li>
        ))}
      </ul>
    </div>
  );
}
