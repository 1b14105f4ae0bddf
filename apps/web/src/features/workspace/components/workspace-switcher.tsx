import type { MembershipView } from '@ringtonic/contracts';
import { useNavigate } from 'react-router';
import { Select } from '@/components/ui/select';
import { NewWorkspaceDialog } from './new-workspace-dialog';

export interface WorkspaceSwitcherProps {
  memberships: MembershipView[];
  currentWorkspaceId: string;
}

export function WorkspaceSwitcher({ memberships, currentWorkspaceId }: WorkspaceSwitcherProps) {
  const navigate = useNavigate();
  const options = memberships.map((m) => ({ value: m.workspaceId, label: m.workspaceName }));
  return (
    <div className="workspace-switcher">
      <Select
        aria-label="Workspace"
        value={currentWorkspaceId}
        options={options}
        onValueChange={(workspaceId) => {
          if (workspaceId !== currentWorkspaceId) void navigate(`/w/${workspaceId}/dashboard`);
        }}
        className="workspace-select"
      />
      <NewWorkspaceDialog />
    </div>
  );
}
