import { PageHeader } from '@/components/ui/page-header';
import { Card, CardBody } from '@/components/ui/card';
import { ErrorState, LoadingState, Notice } from '@/components/ui/status';
import { errorMessage } from '@/lib/api-error';
import { useMembers } from '../api/get-members';
import { InviteMemberDialog } from './invite-member-dialog';
import { MembersTable } from './members-table';
import { PendingInvitations } from './pending-invitations';

export interface MembersPageProps {
  workspaceId: string;
  /** 'members.manage': change roles, remove members, invite. */
  canManage: boolean;
}

export function MembersPage({ workspaceId, canManage }: MembersPageProps) {
  const members = useMembers(workspaceId);
  return (
    <>
      <PageHeader
        title="Members"
        description="People in this workspace and their roles. Agents, admins and owners use the Browser Dialer."
        actions={canManage ? <InviteMemberDialog workspaceId={workspaceId} /> : undefined}
      />
      <div className="stack">
        {!canManage && <Notice>Only admins and owners can invite people or change roles.</Notice>}
        <Card>
          <CardBody>
            {members.isPending && <LoadingState label="Loading members…" />}
            {members.isError && <ErrorState title="Could not load members">{errorMessage(members.error)}</ErrorState>}
            {members.data && (
              <MembersTable workspaceId={workspaceId} members={members.data.items} canManage={canManage} />
            )}
          </CardBody>
        </Card>
        {canManage && <PendingInvitations workspaceId={workspaceId} />}
      </div>
    </>
  );
}
