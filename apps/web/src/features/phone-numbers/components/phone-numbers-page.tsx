import { Hash } from 'lucide-react';
import { Card, CardBody } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ErrorState, LoadingState, Notice } from '@/components/ui/status';
import { errorMessage } from '@/lib/api-error';
import { useCampaigns } from '../api/get-campaigns';
import { usePhoneNumbers } from '../api/get-phone-numbers';
import { CampaignsCard } from './campaigns-card';
import { ImportNumbersDialog } from './import-numbers-dialog';
import { TrackingNumbersTable } from './tracking-numbers-table';

export interface PhoneNumbersPageProps {
  workspaceId: string;
  /** 'workspace.manage': import, assign to campaigns, remove, and manage campaigns. */
  canManage: boolean;
}

export function PhoneNumbersPage({ workspaceId, canManage }: PhoneNumbersPageProps) {
  const phoneNumbers = usePhoneNumbers(workspaceId);
  const campaigns = useCampaigns(workspaceId);
  const trackingNumbers = phoneNumbers.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Phone numbers"
        description="Tracking numbers imported from your Twilio account. They ring your agents and serve as caller IDs."
        actions={canManage ? <ImportNumbersDialog workspaceId={workspaceId} /> : undefined}
      />
      <div className="stack">
        {!canManage && <Notice>Only admins and owners can import numbers, assign campaigns or remove numbers.</Notice>}
        {phoneNumbers.isPending && <LoadingState label="Loading tracking numbers…" />}
        {phoneNumbers.isError && (
          <ErrorState title="Could not load tracking numbers">{errorMessage(phoneNumbers.error)}</ErrorState>
        )}
        {phoneNumbers.isSuccess && trackingNumbers.length === 0 && (
          <EmptyState icon={<Hash size={28} />} title="No tracking numbers yet.">
            Import at least one number from your Twilio account: agents need one as the caller ID for outbound calls.
          </EmptyState>
        )}
        {trackingNumbers.length > 0 && (
          <Card>
            <CardBody>
              <TrackingNumbersTable
                workspaceId={workspaceId}
                trackingNumbers={trackingNumbers}
                campaigns={campaigns.data?.items ?? []}
                canManage={canManage}
              />
            </CardBody>
          </Card>
        )}
        <CampaignsCard workspaceId={workspaceId} canManage={canManage} />
      </div>
    </>
  );
}
