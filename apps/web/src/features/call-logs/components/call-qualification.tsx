import type { CallLogView, LeadStatus, UpdateCallLogRequest } from '@ringtonic/contracts';
import { toast } from 'sonner';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Notice } from '@/components/ui/status';
import { InlineField, LEAD_STATUS_OPTIONS, TagEditor } from '@/features/contacts';
import { errorMessage } from '@/lib/api-error';
import { LEAD_STATUS_LABELS, parseMoneyToCents } from '@/lib/crm-format';
import { formatDateTime } from '@/lib/format';
import { useUpdateCallLog } from '../api/update-call-log';

export interface CallQualificationProps {
  workspaceId: string;
  call: CallLogView;
  canAddNotes: boolean;
  canQualify: boolean;
}

/** What a person recorded about the call: notes, tags, outcome and attributed value. */
export function CallQualification({ workspaceId, call, canAddNotes, canQualify }: CallQualificationProps) {
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
