import type { BulkContactAction, LeadStatus } from '@ringtonic/contracts';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { errorMessage } from '@/lib/api-error';
import { LEAD_STATUS_LABELS } from '@/lib/crm-format';
import { useBulkContacts } from '../api/bulk-contacts';
import { useContactsView } from '../stores/contacts-store';
import { LEAD_STATUS_OPTIONS } from './lead-status';

type Pending = Exclude<BulkContactAction, 'delete'> | 'delete' | null;
const TITLES: Record<Exclude<BulkContactAction, 'delete'>, string> = { addTags: 'Add tags', removeTags: 'Remove tags', setLeadStatus: 'Update lead status' };

/** What the user can do with the selected contacts, with progress for large selections. */
export function BulkActionsBar({ workspaceId }: { workspaceId: string }) {
  const selected = useContactsView((s) => s.selected);
  const selectionCleared = useContactsView((s) => s.selectionCleared);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const bulk = useBulkContacts(workspaceId, (done, total) => setProgress({ done, total }));
  const [dialog, setDialog] = useState<Pending>(null);
  const [tagsText, setTagsText] = useState('');
  const [leadStatus, setLeadStatus] = useState<LeadStatus>('contacted');
  const count = selected.size;

  const run = (action: BulkContactAction) => {
    const tags = tagsText.split(',').map((t) => t.trim()).filter(Boolean);
    if ((action === 'addTags' || action === 'removeTags') && tags.length === 0) return toast.error('Enter at least one tag');
    setProgress({ done: 0, total: count });
    bulk.mutate(
      { ids: [...selected], action, tags: action.endsWith('Tags') ? tags : undefined, leadStatus: action === 'setLeadStatus' ? leadStatus : undefined },
      {
        onSuccess: ({ affected }) => {
          const what = action === 'delete' ? 'deleted' : action === 'setLeadStatus' ? `set to ${LEAD_STATUS_LABELS[leadStatus]}` : 'updated';
          toast.success(`${affected} ${affected === 1 ? 'contact' : 'contacts'} ${what}`);
          selectionCleared();
          setDialog(null);
          setTagsText('');
        },
        onError: (error) => toast.error(errorMessage(error)),
        onSettled: () => setProgress(null),
      },
    );
  };

  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions">
      <strong>{count} selected</strong>
      <Button size="sm" variant="secondary" onClick={() => setDialog('addTags')}>Add tags</Button>
      <Button size="sm" variant="secondary" onClick={() => setDialog('removeTags')}>Remove tags</Button>
      <Button size="sm" variant="secondary" onClick={() => setDialog('setLeadStatus')}>Update lead status</Button>
      <Button size="sm" variant="danger" onClick={() => setDialog('delete')}>Delete</Button>
      <Button size="sm" variant="ghost" onClick={selectionCleared}>Clear selection</Button>
      {progress && (
        <span className="row">
          <progress max={progress.total} value={progress.done} aria-label="Bulk action progress" />
          <span className="muted">{progress.done} of {progress.total}</span>
        </span>
      )}
      {dialog && dialog !== 'delete' && (
        <Dialog open onOpenChange={(open) => !open && setDialog(null)} title={TITLES[dialog]} description={`${count} selected ${count === 1 ? 'contact' : 'contacts'}`}>
          <form className="form" onSubmit={(e) => { e.preventDefault(); run(dialog); }}>
            {dialog === 'setLeadStatus' ? (
              <Field label="Lead status">
                <Select value={leadStatus} onValueChange={setLeadStatus} options={LEAD_STATUS_OPTIONS} />
              </Field>
            ) : (
              <Field label="Tags" hint="Separate several tags with commas">
                <Input autoFocus value={tagsText} onChange={(e) => setTagsText(e.target.value)} />
              </Field>
            )}
            <DialogFooter>
              <Button variant="secondary" onClick={() => setDialog(null)}>Cancel</Button>
              <Button type="submit" loading={bulk.isPending}>Apply</Button>
            </DialogFooter>
          </form>
        </Dialog>
      )}
      <ConfirmDialog
        open={dialog === 'delete'}
        onOpenChange={(open) => !open && setDialog(null)}
        title={`Delete ${count} ${count === 1 ? 'contact' : 'contacts'}?`}
        description="Their call logs stay in Call logs (with the phone numbers), unlinked from any contact."
        confirmLabel="Delete"
        pending={bulk.isPending}
        onConfirm={() => run('delete')}
      />
    </div>
  );
}
