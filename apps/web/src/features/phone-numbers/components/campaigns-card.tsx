import type { CampaignView } from '@ringtonic/contracts';
import { useState } from 'react';
import { toast } from 'sonner';
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { Table, TableBody, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { errorMessage } from '@/lib/api-error';
import { useDeleteCampaign } from '../api/delete-campaign';
import { useCampaigns } from '../api/get-campaigns';
import { CampaignRow } from './campaign-row';
import { NewCampaignForm } from './new-campaign-form';

function deleteDescription(campaign: CampaignView | null): string {
  const count = campaign?.numberCount ?? 0;
  if (count === 0) return 'No tracking number is assigned to it.';
  return `Its ${count} tracking number${count === 1 ? '' : 's'} become${count === 1 ? 's' : ''} unassigned and keep working for calls.`;
}

export function CampaignsCard({ workspaceId, canManage }: { workspaceId: string; canManage: boolean }) {
  const campaigns = useCampaigns(workspaceId);
  const deleteCampaign = useDeleteCampaign(workspaceId);
  const [campaignToDelete, setCampaignToDelete] = useState<CampaignView | null>(null);
  const items = campaigns.data?.items ?? [];

  const onConfirmDelete = () => {
    if (!campaignToDelete) return;
    const { id, name } = campaignToDelete;
    deleteCampaign.mutate(id, {
      onSuccess: () => toast.success(`Campaign ${name} deleted`),
      onError: (error) => toast.error(errorMessage(error)),
      onSettled: () => setCampaignToDelete(null),
    });
  };

  return (
    <Card aria-labelledby="campaigns-title">
      <CardHeader>
        <CardTitle id="campaigns-title">Campaigns</CardTitle>
        <CardDescription>
          Group tracking numbers by campaign: incoming calls show the campaign&apos;s name. Numbers can be assigned to a
          campaign or unassigned; both work for outbound dialing.
        </CardDescription>
      </CardHeader>
      <CardBody>
        <div className="stack">
          {canManage && <NewCampaignForm workspaceId={workspaceId} />}
          {campaigns.isPending && <LoadingState label="Loading campaigns…" />}
          {campaigns.isError && <ErrorState title="Could not load campaigns">{errorMessage(campaigns.error)}</ErrorState>}
          {campaigns.isSuccess && items.length === 0 && <p className="muted">No campaigns yet.</p>}
          {items.length > 0 && (
            <Table aria-label="Campaigns">
              <TableHead>
                <TableRow>
                  <TableHeader>Name</TableHeader>
                  <TableHeader>Numbers</TableHeader>
                  {canManage && (
                    <TableHeader>
                      <span className="visually-hidden">Actions</span>
                    </TableHeader>
                  )}
                </TableRow>
              </TableHead>
              <TableBody>
                {items.map((campaign) => (
                  <CampaignRow
                    key={campaign.id}
                    workspaceId={workspaceId}
                    campaign={campaign}
                    canManage={canManage}
                    onDelete={setCampaignToDelete}
                  />
                ))}
              </TableBody>
            </Table>
          )}
        </div>
      </CardBody>
      <ConfirmDialog
        open={campaignToDelete !== null}
        onOpenChange={(open) => {
          if (!open) setCampaignToDelete(null);
        }}
        title={`Delete ${campaignToDelete?.name ?? 'campaign'}?`}
        description={deleteDescription(campaignToDelete)}
        confirmLabel="Delete"
        pending={deleteCampaign.isPending}
        onConfirm={onConfirmDelete}
      />
    </Card>
  );
}
