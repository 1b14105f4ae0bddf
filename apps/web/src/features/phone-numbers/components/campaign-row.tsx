import type { CampaignView } from '@ringtonic/contracts';
import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { TableCell, TableRow } from '@/components/ui/table';
import { errorMessage } from '@/lib/api-error';
import { useRenameCampaign } from '../api/rename-campaign';

export interface CampaignRowProps {
  workspaceId: string;
  campaign: CampaignView;
  canManage: boolean;
  onDelete: (campaign: CampaignView) => void;
}

export function CampaignRow({ workspaceId, campaign, canManage, onDelete }: CampaignRowProps) {
  const rename = useRenameCampaign(workspaceId);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorId = `campaign-${campaign.id}-error`;

  const stopEditing = () => {
    setDraft(null);
    setError(null);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const name = (draft ?? '').trim();
    if (!name) {
      setError('Campaign name is required');
      return;
    }
    if (name === campaign.name) {
      stopEditing();
      return;
    }
    rename.mutate(
      { id: campaign.id, name },
      {
        onSuccess: () => {
          toast.success(`Campaign renamed to ${name}`);
          stopEditing();
        },
        onError: (cause) => setError(errorMessage(cause)),
      },
    );
  };

  return (
    <TableRow>
      <TableCell className="cell-strong">
        {draft === null ? (
          campaign.name
        ) : (
          <form className="inline-form" onSubmit={onSubmit} noValidate>
            <Input
              aria-label={`New name for ${campaign.name}`}
              className="input-compact"
              autoFocus
              maxLength={120}
              value={draft}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') stopEditing();
              }}
            />
            <Button type="submit" size="sm" loading={rename.isPending}>
              Save
            </Button>
            <Button variant="ghost" size="sm" onClick={stopEditing}>
              Cancel
            </Button>
            {error && (
              <p id={errorId} className="field-error" role="alert">
                {error}
              </p>
            )}
          </form>
        )}
      </TableCell>
      <TableCell>{campaign.numberCount}</TableCell>
      {canManage && (
        <TableCell className="cell-actions">
          {draft === null && (
            <>
              <Button variant="secondary" size="sm" onClick={() => setDraft(campaign.name)}>
                Rename
              </Button>
              <Button variant="ghost" size="sm" onClick={() => onDelete(campaign)}>
                Delete
              </Button>
            </>
          )}
        </TableCell>
      )}
    </TableRow>
  );
}
