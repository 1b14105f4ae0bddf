import { useParams } from 'react-router';
import { renderRoute } from '@/test/render';
import { useMe } from '../api/get-me';
import { useWorkspace } from '../api/get-workspace';
import { WorkspaceSwitcher } from '../components/workspace-switcher';

/** What the shell does: the switcher (with "New workspace") fed from /me, above a page showing the URL's workspace. */
function WorkspacePage() {
  const { workspaceId = '' } = useParams();
  const me = useMe();
  const workspace = useWorkspace(workspaceId);
  if (!me.data) return <p>Loading your workspaces…</p>;
  return (
    <>
      <WorkspaceSwitcher memberships={me.data.memberships} currentWorkspaceId={workspaceId} />
      <h1>{workspace.data ? workspace.data.name : 'Loading workspace…'}</h1>
    </>
  );
}

export function renderWorkspacePage(url = '/w/ws1/dashboard') {
  return renderRoute(<WorkspacePage />, { path: '/w/:workspaceId/dashboard', url });
}
