import type { InvitationView } from '@ringtonic/contracts';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { errorMessage } from '@/lib/api-error';
import { absoluteUrl, copyText } from '@/lib/clipboard';
import { formatDateTime, ROLE_LABELS } from '@/lib/format';
import { useInvitations } from '../api/get-invitations';
import { useRevokeInvitation } from '../api/revoke-invitation';

function InvitationRow({ workspaceId, invitation }: { workspaceId: string; invitation: InvitationView }) {
  const revoke = useRevokeInvitation(workspaceId);
  const acceptUrl = invitation.acceptUrl;

  const onCopy = async () => {
    if (!acceptUrl) return;
    try {
      await copyText(absoluteUrl(acceptUrl));
      toast.success(`Invitation link for ${invitation.email} copied`);
    } catch (error) {
      toast.error(errorMessage(error, 'Could not copy the link.'));
    }
  };

  const onRevoke = () =>
    revoke.mutate(invitation.id, {
      onSuccess: () => toast.success(`Invitation for ${invitation.email} revoked`),
      onError: (error) => toast.error(errorMessage(error)),
    });

  return (
    <TableRow>
      <TableCell className="cell-strong">{invitation.email}</TableCell>
      <TableCell>
        <Badge>{ROLE_LABELS[invitation.role]}</Badge>
      </TableCell>
      <TableCell>{invitation.delivery === 'email' ? 'Emailed' : 'Link only'}</TableCell>
      <TableCell>{formatDateTime(invitation.expiresAt)}</TableCell>
      <TableCell className="cell-actions">
        {acceptUrl && (
          <Button variant="secondary" size="sm" onClick={() => void onCopy()}>
            Copy link
          </Button>
        )}
        <Button variant="ghost" size="sm" onClick={onRevoke} loading={revoke.isPending}>
          Revoke
        </Button>
      </TableCell>
    </TableRow>
  );
}

export function PendingInvitations({ workspaceId }: { workspaceId: string }) {
  const invitations = useInvitations(workspaceId);
  const pending = invitations.data?.items.filter((i) => i.status === 'pending') ?? [];

  return (
    <Card aria-labelledby="pending-invitations-title">
      <CardHeader>
        <CardTitle id="pending-invitations-title">Pending invitations</CardTitle>
        <CardDescription>Invitations not yet accepted. Links expire; revoke one to cancel it.</CardDescription>
      </CardHeader>
      <CardBody>
        {invitations.isPending && <LoadingState />}
        {invitations.isError && (
          <ErrorState title="Could not load invitations">{errorMessage(invitations.error)}</ErrorState>
        )}
        {invitations.isSuccess && pending.length === 0 && <p className="muted">No pending invitations.</p>}
        {pending.length > 0 && (
          <Table aria-label="Pending invitations">
            <TableHead>
              <TableRow>
                <TableHeader>Email</TableHeader>
                <TableHeader>Role</TableHeader>
                <TableHeader>Delivery</TableHeader>
                <TableHeader>Expires</TableHeader>
                <TableHeader>
                  <span className="visually-hidden">Actions</span>
                </TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {pending.map((invitation) => (
                <InvitationRow key={invitation.id} workspaceId={workspaceId} invitation={invitation} />
              ))}
            </TableBody>
          </Table>
        )}
      </CardBody>
    </Card>
  );
}
