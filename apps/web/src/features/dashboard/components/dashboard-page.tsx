import type { Role, WorkspaceView } from '@ringtonic/contracts';
import { CheckCircle2, Circle } from 'lucide-react';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { ErrorState, LoadingState, Notice } from '@/components/ui/status';
import { useWorkspace } from '@/features/workspace';
import { errorMessage } from '@/lib/api-error';
import { PLAN_LABELS, ROLE_LABELS } from '@/lib/format';
import { DashboardCards } from './dashboard-cards';

interface ChecklistItem {
  id: string;
  done: boolean;
  title: string;
  detail: string;
  linkLabel: string;
  to: string;
}

function checklist(workspace: WorkspaceView, base: string): ChecklistItem[] {
  return [
    {
      id: 'twilio',
      done: Boolean(workspace.twilio.accountSid) && workspace.twilio.authTokenSet,
      title: 'Twilio credentials set',
      detail: 'Add your Twilio Account SID and Auth Token in the Basic settings.',
      linkLabel: 'Set up Twilio credentials',
      to: `${base}/settings?tab=basic`,
    },
    {
      id: 'plan',
      done: workspace.plan === 'agency',
      title: 'Agency plan',
      detail: 'The Browser Dialer is available on the Agency plan.',
      linkLabel: 'Review plan',
      to: `${base}/settings?tab=plan`,
    },
    {
      id: 'dialer',
      done: workspace.dialer.enabled,
      title: 'Dialer enabled',
      detail: 'Enable the dialer and add a Twilio API Key so agents can call from the browser.',
      linkLabel: 'Open dialer settings',
      to: `${base}/settings?tab=dialer`,
    },
  ];
}

function Welcome({ workspace, role }: { workspace: WorkspaceView; role: Role }) {
  const base = `/w/${workspace.id}`;
  const items = checklist(workspace, base);
  const remaining = items.filter((item) => !item.done).length;
  return (
    <div className="stack">
      <Card aria-labelledby="welcome-title">
        <CardHeader>
          <CardTitle id="welcome-title">Welcome to {workspace.name}</CardTitle>
          <CardDescription>Your browser softphone and call CRM.</CardDescription>
        </CardHeader>
        <CardBody>
          <dl className="facts">
            <div>
              <dt>Plan</dt>
              <dd>
                <Badge tone={workspace.plan === 'agency' ? 'success' : 'neutral'}>{PLAN_LABELS[workspace.plan]}</Badge>
              </dd>
            </div>
            <div>
              <dt>Your role</dt>
              <dd>
                <Badge tone="info">{ROLE_LABELS[role]}</Badge>
              </dd>
            </div>
            <div>
              <dt>Dialer</dt>
              <dd>
                <Badge tone={workspace.dialer.status === 'ready' ? 'success' : 'warning'}>
                  {workspace.dialer.status === 'ready'
                    ? 'Ready'
                    : workspace.dialer.status === 'disabled'
                      ? 'Disabled'
                      : 'Not ready'}
                </Badge>
              </dd>
            </div>
          </dl>
        </CardBody>
      </Card>

      <Card aria-labelledby="checklist-title">
        <CardHeader>
          <CardTitle id="checklist-title">Getting started</CardTitle>
          <CardDescription>
            {remaining === 0 ? 'All set: your workspace is ready for calls.' : `${remaining} of ${items.length} steps left.`}
          </CardDescription>
        </CardHeader>
        <CardBody>
          {workspace.dialer.status === 'not_ready' && workspace.dialer.statusMessage && (
            <Notice tone="warning">{workspace.dialer.statusMessage}</Notice>
          )}
          <ul className="checklist">
            {items.map((item) => (
              <li key={item.id} className="checklist-item" data-done={item.done}>
                {item.done ? (
                  <CheckCircle2 className="checklist-icon done" size={20} aria-hidden="true" />
                ) : (
                  <Circle className="checklist-icon" size={20} aria-hidden="true" />
                )}
                <div>
                  <p className="checklist-title">
                    {item.title}
                    <span className="visually-hidden">{item.done ? ' (done)' : ' (not done)'}</span>
                  </p>
                  {!item.done && <p className="checklist-detail">{item.detail}</p>}
                </div>
                {!item.done && (
                  <Link className="checklist-link" to={item.to}>
                    {item.linkLabel}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
    </div>
  );
}

export function DashboardPage({ workspaceId, role, canViewCalls = false }: { workspaceId: string; role: Role; canViewCalls?: boolean }) {
  const workspace = useWorkspace(workspaceId);
  return (
    <>
      <PageHeader title="Dashboard" />
      {canViewCalls && <DashboardCards workspaceId={workspaceId} />}
      {workspace.isPending && <LoadingState />}
      {workspace.isError && <ErrorState title="Could not load the workspace">{errorMessage(workspace.error)}</ErrorState>}
      {workspace.data && <Welcome workspace={workspace.data} role={role} />}
    </>
  );
}
