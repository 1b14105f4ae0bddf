import type { UserView } from '@ringtonic/contracts';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { errorMessage } from '@/lib/api-error';
import { useMe } from '../api/get-me';
import { useCurrentWorkspaceId } from '../stores/workspace-store';
import { NewWorkspaceDialog } from './new-workspace-dialog';

/** "/" after login: the last workspace used, else the first one, else an invitation to create one. */
export interface WorkspaceRedirectProps {
  /** Account actions (log out) for a user with no workspace, supplied by the app. */
  renderAccountMenu?: (user: UserView) => ReactNode;
}

export function WorkspaceRedirect({ renderAccountMenu }: WorkspaceRedirectProps) {
  const me = useMe();
  const lastWorkspaceId = useCurrentWorkspaceId();

  if (me.isPending) {
    return (
      <div className="fullscreen-center">
        <LoadingState label="Loading your workspaces…" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="fullscreen-center">
        <ErrorState title="Could not load your account">{errorMessage(me.error)}</ErrorState>
      </div>
    );
  }
  const { memberships, user } = me.data;
  const target = memberships.find((m) => m.workspaceId === lastWorkspaceId) ?? memberships[0];
  if (target) return <Navigate to={`/w/${target.workspaceId}/dashboard`} replace />;

  return (
    <div className="fullscreen-center">
      <Card className="narrow-card">
        <CardHeader>
          <CardTitle>Welcome, {user.name}</CardTitle>
          <CardDescription>
            You are not a member of any workspace. Create one, or open the invitation link an admin sent you.
          </CardDescription>
        </CardHeader>
        <CardBody className="row">
          <NewWorkspaceDialog />
          {renderAccountMenu?.(user)}
        </CardBody>
      </Card>
    </div>
  );
}
