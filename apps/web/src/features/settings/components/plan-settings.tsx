import type { Plan, WorkspaceView } from '@ringtonic/contracts';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/status';
import { useUpdateWorkspace } from '@/features/workspace';
import { errorMessage } from '@/lib/api-error';
import { PLAN_LABELS } from '@/lib/format';

const PLAN_DESCRIPTIONS: Record<Plan, string> = {
  indie: 'Call tracking, contacts and call logs for a single business.',
  agency: 'Everything in Indie plus the Browser Dialer for your agents.',
};

export function PlanSettings({ workspace, isOwner }: { workspace: WorkspaceView; isOwner: boolean }) {
  const update = useUpdateWorkspace(workspace.id);
  const otherPlan: Plan = workspace.plan === 'agency' ? 'indie' : 'agency';

  const onSwitch = () =>
    update.mutate(
      { plan: otherPlan },
      {
        onSuccess: () => toast.success(`Plan changed to ${PLAN_LABELS[otherPlan]}`),
        onError: (error) => toast.error(errorMessage(error)),
      },
    );

  return (
    <div className="form settings-form">
      <div className="row">
        <span className="label">Current plan</span>
        <Badge tone={workspace.plan === 'agency' ? 'success' : 'neutral'}>{PLAN_LABELS[workspace.plan]}</Badge>
      </div>
      <p className="muted">{PLAN_DESCRIPTIONS[workspace.plan]}</p>
      <Notice>The Browser Dialer needs the Agency plan.</Notice>
      {isOwner ? (
        <div className="form-actions">
          <Button variant={otherPlan === 'agency' ? 'primary' : 'secondary'} loading={update.isPending} onClick={onSwitch}>
            Switch to {PLAN_LABELS[otherPlan]}
          </Button>
        </div>
      ) : (
        <p className="muted">Only the workspace owner can change the plan.</p>
      )}
    </div>
  );
}
