import type { CampaignView, PhoneNumberView } from '@ringtonic/contracts';
import { useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Table, TableBody, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { errorMessage } from '@/lib/api-error';
import { useRemovePhoneNumber } from '../api/remove-phone-number';
import { TrackingNumberRow } from './tracking-number-row';

export interface TrackingNumbersTableProps {
  workspaceId: string;
  trackingNumbers: PhoneNumberView[];
  campaigns: CampaignView[];
  canManage: boolean;
}

export function TrackingNumbersTable({ workspaceId, trackingNumbers, campaigns, canManage }: TrackingNumbersTableProps) {
  const removeNumber = useRemovePhoneNumber(workspaceId);
  const [numberToRemove, setNumberToRemove] = useState<PhoneNumberView | null>(null);

  const onConfirmRemove = () => {
    if (!numberToRemove) return;
    const { id, formatted } = numberToRemove;
    removeNumber.mutate(id, {
      onSuccess: () => toast.success(`${formatted} was removed from your tracking numbers`),
      onError: (error) => toast.error(errorMessage(error)),
      onSettled: () => setNumberToRemove(null),
    });
  };

  return (
    <>
      <Table aria-label="Tracking numbers">
        <TableHead>
          <TableRow>
            <TableHeader>Number</TableHeader>
            <TableHeader>Label</TableHeader>
            <TableHeader>Campaign</TableHeader>
            {canManage && (
              <TableHeader>
                <span className="visually-hidden">Actions</span>
              </TableHeader>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {trackingNumbers.map((trackingNumber) => (
            <TrackingNumberRow
              key={trackingNumber.id}
              workspaceId={workspaceId}
              trackingNumber={trackingNumber}
              campaigns={campaigns}
              canManage={canManage}
              onRemove={setNumberToRemove}
            />
          ))}
        </TableBody>
      </Table>
      <ConfirmDialog
        open={numberToRemove !== null}
        onOpenChange={(open) => {
          if (!open) setNumberToRemove(null);
        }}
        title={`Remove ${numberToRemove?.formatted ?? 'this number'}?`}
        description="It leaves your tracking numbers and the dialer's caller ID list. The number stays in your Twilio account, so you can import it again later."
        confirmLabel="Remove"
        pending={removeNumber.isPending}
        onConfirm={onConfirmRemove}
      />
    </>
  );
}
