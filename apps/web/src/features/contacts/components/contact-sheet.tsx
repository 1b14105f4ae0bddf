import type { ContactInput, ContactView, LeadStatus } from '@ringtonic/contracts';
import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Sheet } from '@/components/ui/sheet';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { errorMessage } from '@/lib/api-error';
import { formatCents, parseMoneyToCents } from '@/lib/crm-format';
import { formatDate } from '@/lib/format';
import { useBulkContacts } from '../api/bulk-contacts';
import { useContact } from '../api/get-contact';
import { useUpdateContact } from '../api/update-contact';
import { ContactActivity } from './contact-activity';
import { InlineField } from './inline-field';
import { LEAD_STATUS_OPTIONS } from './lead-status';
import { TagEditor } from './tag-editor';

export interface ContactSheetProps {
  workspaceId: string;
  contactId: string;
  canEdit: boolean;
  canViewCalls: boolean;
  onClose: () => void;
}

export function ContactSheet({ workspaceId, contactId, canEdit, canViewCalls, onClose }: ContactSheetProps) {
  const contact = useContact(workspaceId, contactId);
  const title = contact.data ? (contact.data.name ?? contact.data.phoneFormatted) : 'Contact';
  return (
    <Sheet open onOpenChange={(open) => !open && onClose()} title={title} description={contact.data?.name ? contact.data.phoneFormatted : undefined}>
      {contact.isPending && <LoadingState label="Loading contact…" />}
      {contact.isError && <ErrorState title="Could not load the contact">{errorMessage(contact.error)}</ErrorState>}
      {contact.data && (
        <ContactDetails workspaceId={workspaceId} contact={contact.data} canEdit={canEdit} canViewCalls={canViewCalls} onDeleted={onClose} />
      )}
    </Sheet>
  );
}

function ContactDetails({ workspaceId, contact, canEdit, canViewCalls, onDeleted }: { workspaceId: string; contact: ContactView; canEdit: boolean; canViewCalls: boolean; onDeleted: () => void }) {
  const update = useUpdateContact(workspaceId, contact.id);
  const remove = useBulkContacts(workspaceId);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const save = (input: ContactInput) => update.mutateAsync(input);
  const saveNow = (input: ContactInput, what: string) =>
    update.mutate(input, { onError: (error) => toast.error(`${what} was not saved`, { description: errorMessage(error) }) });
  const readOnly = !canEdit;

  return (
    <>
      <div className="pinned-notes">
        <InlineField label="Contact notes" multiline value={contact.notes ?? ''} readOnly={readOnly} placeholder="Preferences, best time to call, decision makers…" onSave={(notes) => save({ notes })} />
      </div>
      <div className="sheet-grid">
        <InlineField label="Name" value={contact.name ?? ''} readOnly={readOnly} onSave={(name) => save({ name })} />
        <InlineField label="Phone" type="tel" value={contact.phoneFormatted} readOnly={readOnly} onSave={(phone) => save({ phone })} />
        <InlineField label="Email" type="email" value={contact.email ?? ''} readOnly={readOnly} onSave={(email) => save({ email })} />
        <InlineField label="Company" value={contact.company ?? ''} readOnly={readOnly} onSave={(company) => save({ company })} />
        <Field label="Lead status">
          <Select<LeadStatus>
            value={contact.leadStatus}
            options={LEAD_STATUS_OPTIONS}
            disabled={readOnly}
            onValueChange={(leadStatus) => saveNow({ leadStatus }, 'Lead status')}
          />
        </Field>
        <InlineField
          label="Deal value"
          value={contact.dealValueCents === null ? '' : (contact.dealValueCents / 100).toFixed(2)}
          readOnly={readOnly}
          placeholder="e.g. 5000"
          onSave={async (text) => {
            const cents = parseMoneyToCents(text);
            if (Number.isNaN(cents)) throw new Error('Enter an amount such as 1250 or 1250.50');
            return save({ dealValueCents: cents });
          }}
        />
        <InlineField
          label="Next follow-up"
          type="date"
          value={contact.nextFollowUpAt ? contact.nextFollowUpAt.slice(0, 10) : ''}
          readOnly={readOnly}
          onSave={(date) => save({ nextFollowUpAt: date ? new Date(`${date}T09:00:00`).toISOString() : null })}
        />
      </div>
      <TagEditor workspaceId={workspaceId} tags={contact.tags} readOnly={readOnly} onChange={(tags) => saveNow({ tags }, 'Tags')} />
      <p className="cell-sub">
        Source: {contact.source} · Added {formatDate(contact.createdAt)} · Pipeline value {formatCents(contact.dealValueCents)}
      </p>
      {canViewCalls && <ContactActivity workspaceId={workspaceId} contactId={contact.id} />}
      {canEdit && (
        <div>
          <Button variant="danger" size="sm" onClick={() => setConfirmDelete(true)}>
            <Trash2 size={14} aria-hidden="true" />
            Delete contact
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title="Delete this contact?"
        description="Its call logs stay in Call logs (with the phone number), unlinked from any contact."
        confirmLabel="Delete"
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(
            { ids: [contact.id], action: 'delete' },
            {
              onSuccess: () => {
                toast.success('Contact deleted');
                setConfirmDelete(false);
                onDeleted();
              },
              onError: (error) => toast.error(errorMessage(error)),
            },
          )
        }
      />
    </>
  );
}
