import type { CampaignView, PhoneNumberView } from '@ringtonic/contracts';
import { useState, type KeyboardEvent } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select, type SelectOption } from '@/components/ui/select';
import { TableCell, TableRow } from '@/components/ui/table';
import { errorMessage } from '@/lib/api-error';
import { useUpdatePhoneNumber } from '../api/update-phone-number';

// Radix Select items cannot have an empty value.
const NO_CAMPAIGN = '__none__';

function campaignOptions(campaigns: CampaignView[], current: PhoneNumberView['campaign']): SelectOption[] {
  const options = [{ value: NO_CAMPAIGN, label: 'No campaign' }, ...campaigns.map((c) => ({ value: c.id, label: c.name }))];
  // While campaigns load (or after a rename elsewhere) the row's own campaign still shows.
  if (current && !campaigns.some((c) => c.id === current.id)) options.push({ value: current.id, label: current.name });
  return options;
}

export interface TrackingNumberRowProps {
  workspaceId: string;
  trackingNumber: PhoneNumberView;
  campaigns: CampaignView[];
  canManage: boolean;
  onRemove: (trackingNumber: PhoneNumberView) => void;
}

export function TrackingNumberRow({ workspaceId, trackingNumber, campaigns, canManage, onRemove }: TrackingNumberRowProps) {
  const update = useUpdatePhoneNumber(workspaceId);
  const { formatted } = trackingNumber;
  const [label, setLabel] = useState(trackingNumber.label ?? '');
  const [savedLabel, setSavedLabel] = useState(trackingNumber.label ?? '');
  // Follow the server's value when it changes (another tab, a refetch) unless the user is typing.
  if ((trackingNumber.label ?? '') !== savedLabel) {
    setSavedLabel(trackingNumber.label ?? '');
    setLabel(trackingNumber.label ?? '');
  }

  const onCampaignChange = (value: string) => {
    const campaignId = value === NO_CAMPAIGN ? null : value;
    if (campaignId === (trackingNumber.campaign?.id ?? null)) return;
    const campaignName = campaigns.find((c) => c.id === campaignId)?.name;
    update.mutate(
      { id: trackingNumber.id, changes: { campaignId } },
      {
        onSuccess: () =>
          toast.success(campaignName ? `${formatted} assigned to ${campaignName}` : `${formatted} is no longer in a campaign`),
        onError: (error) => toast.error(errorMessage(error)),
      },
    );
  };

  const saveLabel = () => {
    const next = label.trim();
    if (next === (trackingNumber.label ?? '')) return;
    update.mutate(
      { id: trackingNumber.id, changes: { label: next || null } },
      {
        onSuccess: () => toast.success(`Label of ${formatted} saved`),
        onError: (error) => {
          setLabel(trackingNumber.label ?? '');
          toast.error(errorMessage(error));
        },
      },
    );
  };

  const onLabelKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') event.currentTarget.blur();
    if (event.key === 'Escape') setLabel(trackingNumber.label ?? '');
  };

  return (
    <TableRow>
      <TableCell className="cell-strong">
        {formatted}
        <span className="cell-sub">{trackingNumber.e164}</span>
      </TableCell>
      <TableCell>
        {canManage ? (
          <Input
            aria-label={`Label for ${formatted}`}
            className="input-compact"
            placeholder="Add a label"
            maxLength={80}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
            onBlur={saveLabel}
            onKeyDown={onLabelKeyDown}
          />
        ) : (
          trackingNumber.label ?? <span className="muted">—</span>
        )}
      </TableCell>
      <TableCell>
        {canManage ? (
          <Select
            aria-label={`Campaign for ${formatted}`}
            value={trackingNumber.campaign?.id ?? NO_CAMPAIGN}
            options={campaignOptions(campaigns, trackingNumber.campaign)}
            onValueChange={onCampaignChange}
            disabled={update.isPending}
            className="select-compact select-wide"
          />
        ) : (
          trackingNumber.campaign?.name ?? <span className="muted">No campaign</span>
        )}
      </TableCell>
      {canManage && (
        <TableCell className="cell-actions">
          <Button variant="ghost" size="sm" onClick={() => onRemove(trackingNumber)}>
            Remove
          </Button>
        </TableCell>
      )}
    </TableRow>
  );
}
