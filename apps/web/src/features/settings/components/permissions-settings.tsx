import type { PermissionToggles, WorkspaceView } from '@ringtonic/contracts';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { SwitchField } from '@/components/ui/switch';
import { useUpdateWorkspace } from '@/features/workspace';
import { errorMessage } from '@/lib/api-error';

const TOGGLES: { key: keyof PermissionToggles; label: string }[] = [
  { key: 'managerViewContacts', label: 'Managers can view contacts' },
  { key: 'managerEditContacts', label: 'Managers can edit contacts' },
  { key: 'managerViewCallLogs', label: 'Managers can view call logs' },
  { key: 'memberViewContacts', label: 'Members can view contacts' },
  { key: 'memberViewCallLogs', label: 'Members can view call logs' },
];

export function PermissionsSettings({ workspace, readOnly }: { workspace: WorkspaceView; readOnly: boolean }) {
  const update = useUpdateWorkspace(workspace.id);
  const [toggles, setToggles] = useState<PermissionToggles>(workspace.permissions);
  const changed = TOGGLES.some(({ key }) => toggles[key] !== workspace.permissions[key]);

  const onSave = () => {
    if (!changed) {
      toast.info('Nothing to update: no permission was changed.');
      return;
    }
    update.mutate(
      { permissions: toggles },
      {
        onSuccess: () => toast.success('Permissions updated'),
        onError: (error) => toast.error(errorMessage(error)),
      },
    );
  };

  return (
    <div className="form settings-form">
      <p className="muted">
        Owners, admins and agents always see and edit contacts and call logs. Choose what managers and members may do.
      </p>
      <div className="switch-list" role="group" aria-label="Permissions">
        {TOGGLES.map(({ key, label }) => (
          <SwitchField
            key={key}
            id={`permission-${key}`}
            label={label}
            checked={toggles[key]}
            onCheckedChange={(checked) => setToggles((current) => ({ ...current, [key]: checked }))}
            disabled={readOnly}
          />
        ))}
      </div>
      {!readOnly && (
        <div className="form-actions">
          <Button loading={update.isPending} onClick={onSave}>
            Update Workspace
          </Button>
        </div>
      )}
    </div>
  );
}
