import type { TwilioNumberView } from '@ringtonic/contracts';
import { Download } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { errorMessage } from '@/lib/api-error';
import { useTwilioNumbers } from '../api/get-twilio-numbers';
import { useImportPhoneNumbers, type ImportNumbersResult, type ImportProgress } from '../api/import-phone-numbers';
import { TwilioNumberList } from './twilio-number-list';

function numbers(count: number): string {
  return `${count} number${count === 1 ? '' : 's'}`;
}

function announceResult(result: ImportNumbersResult, twilioNumbers: TwilioNumberView[]) {
  const imported = result.items.length;
  if (result.failed.length === 0) {
    toast.success(`Imported ${numbers(imported)}`);
    return;
  }
  const phoneOf = new Map(twilioNumbers.map((n) => [n.sid, n.phoneNumber]));
  toast.warning(`Imported ${imported} of ${numbers(result.total)}`, {
    description: (
      <ul className="toast-list">
        {result.failed.map((failure) => (
          <li key={failure.sid}>
            {phoneOf.get(failure.sid) ?? failure.sid}: {failure.message}
          </li>
        ))}
      </ul>
    ),
    // Failures stay until dismissed so they can be read and acted on.
    duration: Infinity,
  });
}

export function ImportNumbersDialog({ workspaceId }: { workspaceId: string }) {
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const twilioNumbers = useTwilioNumbers(workspaceId, { enabled: open });
  const importNumbers = useImportPhoneNumbers(workspaceId);
  const items = twilioNumbers.data?.items ?? [];
  const toImport = items.filter((n) => !n.imported && selected.has(n.sid)).map((n) => n.sid);

  const onOpenChange = (next: boolean) => {
    // An import in flight finishes first; closing would hide its progress.
    if (importNumbers.isPending) return;
    setOpen(next);
    if (!next) {
      setSelected(new Set());
      setProgress(null);
      importNumbers.reset();
    }
  };

  const onImport = () => {
    const twilioSids = toImport;
    if (twilioSids.length === 0) return;
    setProgress({ imported: 0, processed: 0, total: twilioSids.length });
    importNumbers.mutate(
      { twilioSids, onProgress: setProgress },
      {
        onSuccess: (result) => {
          announceResult(result, items);
          setOpen(false);
          setSelected(new Set());
          setProgress(null);
        },
        onError: (error) => {
          setProgress(null);
          toast.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Import numbers"
      description="Pick numbers from your Twilio account. Importing points their incoming calls at Ring Tonic."
      className="dialog-wide"
      trigger={
        <Button>
          <Download size={16} aria-hidden="true" />
          Import numbers
        </Button>
      }
    >
      <div className="stack-sm">
        {twilioNumbers.isPending && <LoadingState label="Loading your Twilio numbers…" />}
        {twilioNumbers.isError && (
          <ErrorState title="Could not load your Twilio numbers">{errorMessage(twilioNumbers.error)}</ErrorState>
        )}
        {twilioNumbers.isSuccess && items.length === 0 && (
          <p className="muted">
            Your Twilio account has no phone numbers yet. Buy one in the Twilio Console, then import it here.
          </p>
        )}
        {items.length > 0 && (
          <TwilioNumberList
            numbers={items}
            selected={selected}
            onSelectedChange={setSelected}
            disabled={importNumbers.isPending}
          />
        )}
        {progress && (
          <div className="stack-sm" role="status">
            <p>
              Imported {progress.imported} of {progress.total}
            </p>
            <progress aria-label="Import progress" value={progress.processed} max={progress.total} />
          </div>
        )}
        {importNumbers.isError && <ErrorState title="Import failed">{errorMessage(importNumbers.error)}</ErrorState>}
      </div>
      <DialogFooter>
        <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={importNumbers.isPending}>
          Cancel
        </Button>
        <Button onClick={onImport} loading={importNumbers.isPending} disabled={toImport.length === 0}>
          Import selected
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
