import type { CallLogView, LeadStatus, UpdateCallLogRequest } from '@ringtonic/contracts';
import { toast } from 'sonner';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Sheet } from '@/components/ui/sheet';
import { ErrorState, LoadingState, Notice } from '@/components/ui/status';
import { InlineField, LEAD_STATUS_OPTIONS, LeadStatusBadge, TagEditor } from '@/features/contacts';
import { errorMessage } from '@/lib/api-error';
import { CALL_STATUS_LABELS, formatDuration, LEAD_STATUS_LABELS, parseMoneyToCents } from '@/lib/crm-format';
import { formatDateTime } from '@/lib/format';
import { useCallLog } from '../api/get-call-log';
import { useUpdateCallLog } from '../api/update-call-log';

export interface CallLogSheetProps {
  workspaceId: string;
  callId: string;
  canAddNotes: boolean;
  canQualify: boolean;
  onClose: () => void;
}

export function CallLogSheet({ workspaceId, callId, canAddNotes, canQualify, onClose }: CallLogSheetProps) {
  const call = useCallLog(workspaceId, callId);
  return (
    <Sheet open onOpenChange={(open) => !open && onClose()} title="Call details">
      {call.isPending && <LoadingState label="Loading call…" />}
      {call.isError && <ErrorState title="Could not load the call">{errorMessage(call.error)}</ErrorState>}
      {call.data && <CallDetails workspaceId={workspaceId} call={call.data} canAddNotes={canAddNotes} canQualify={canQualify} />}
    </Sheet>
  );
}

function CallDetails({ workspaceId, call, canAddNotes, canQualify }: { workspaceId: string; call: CallLogView; canAddNotes: boolean; canQualify: boolean }) {
  const update = useUpdateCallLog(workspaceId, call.id);
  const save = (input: UpdateCallLogRequest) => update.mutateAsync(input);
  const setLeadStatus = (leadStatus: LeadStatus) =>
    update.mutate(
      { leadStatus },
      {
        onSuccess: (log) =>
          toast.success(
            log.contactUpdated
              ? `Call marked ${LEAD_STATUS_LABELS[leadStatus]}; the contact is now ${LEAD_STATUS_LABELS[leadStatus]} too`
              : `Call marked ${LEAD_STATUS_LABELS[leadStatus]}`,
          ),
        onError: (error) => toast.error('Lead status was not saved', { description: errorMessage(error) }),
      },
    );
  return (
    <>
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
            <dd>{call.trackingNumber.label ?? call.trackingNumber.e164}{call.campaign ? ` · ${call.campaign.name}` : ''}</dd>
          </div>
        )}
      </dl>
      {call.recordingUrl && <audio controls src={call.recordingUrl} aria-label="Call recording" />}
      <InlineField label="Call notes" multiline value={call.notes ?? ''} readOnly={!canAddNotes} placeholder="What happened on this call" onSave={(notes) => save({ notes })} />
      <TagEditor workspaceId={workspaceId} label="Call tags" tags={call.tags} readOnly={!canAddNotes} onChange={(tags) => update.mutate({ tags }, { onError: (e) => toast.error(errorMessage(e)) })} />
      <div className="sheet-grid">
        <Field label="Call outcome (lead status)">
          <Select<LeadStatus> value={call.leadStatus ?? undefined} placeholder="Not set" options={LEAD_STATUS_OPTIONS} disabled={!canQualify} onValueChange={setLeadStatus} />
        </Field>
        <InlineField
          label="Attributed deal value"
          value={call.dealValueCents === null ? '' : (call.dealValueCents / 100).toFixed(2)}
          readOnly={!canQualify}
          placeholder="e.g. 5000"
          onSave={async (text) => {
            const cents = parseMoneyToCents(text);
            if (Number.isNaN(cents)) throw new Error('Enter an amount such as 1250 or 1250.50');
            return save({ dealValueCents: cents });
          }}
        />
      </div>
      {call.contact && (
        <Notice tone={call.syncsContact ? 'info' : 'warning'}>
          {call.syncsContact
            ? 'Within 24 hours of the call: a lead status set here also updates the contact.'
            : 'More than 24 hours after the call: a lead status set here changes only this call log, not the contact.'}
        </Notice>
      )}
      {call.qualifiedBy && call.qualifiedAt && (
        <p className="cell-sub">
          Outcome set by {call.qualifiedBy.name} on {formatDateTime(call.qualifiedAt)}
        </p>
      )}
    </>
  );
}
