import { PhoneCall } from 'lucide-react';
import { useEffect } from 'react';
import { Link, Outlet, useParams } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { UserMenu } from '@/features/auth';
import { DialerWidget } from '@/features/dialer';
import { useMe, useWorkspaceStore, WorkspaceSwitcher } from '@/features/workspace';
import { errorMessage } from '@/lib/api-error';
import { ROLE_LABELS } from '@/lib/format';
import type { ShellContext } from './shell-context';
import { SideNav } from './side-nav';

export function AppShell() {
  const { workspaceId = '' } = useParams();
  const me = useMe();
  const membership = me.data?.memberships.find((m) => m.workspaceId === workspaceId);

  useEffect(() => {
    if (membership) useWorkspaceStore.getState().workspaceEntered(membership.workspaceId);
  }, [membership]);

  if (me.isPending) {
    return (
      <div className="fullscreen-center">
        <LoadingState label="Loading your workspace…" />
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
  const { user, memberships } = me.data;
  if (!membership) {
    return (
      <div className="fullscreen-center">
        <ErrorState title="Workspace not available">
          <p>You are not a member of this workspace, or it no longer exists.</p>
          <p>
            <Link to="/">Go to your workspaces</Link>
          </p>
        </ErrorState>
      </div>
    );
  }

  const context: ShellContext = { workspaceId, membership, user };
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside className="sidebar">
        <Link to={`/w/${workspaceId}/dashboard`} className="brand" aria-label="Ring Tonic home">
          <PhoneCall size={20} aria-hidden="true" />
          <span>Ring Tonic</span>
        </Link>
        <SideNav workspaceId={workspaceId} permissions={membership.permissions} />
      </aside>
      <div className="shell-main">
        <header className="topbar">
          <WorkspaceSwitcher memberships={memberships} currentWorkspaceId={workspaceId} />
          <div className="topbar-user">
            <div className="topbar-identity">
              <span className="topbar-name">{user.name}</span>
              <Badge tone="info">{ROLE_LABELS[membership.role]}</Badge>
            </div>
            <UserMenu name={user.name} email={user.email} />
          </div>
        </header>
        <main id="main" className="content" tabIndex={-1}>
          <Outlet context={context} />
        </main>
      </div>
      <DialerWidget workspaceId={workspaceId} userId={user.id} role={membership.role} permissions={membership.permissions} />
    </div>
  );
}
