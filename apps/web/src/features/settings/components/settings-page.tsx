import { useSearchParams } from 'react-router';
import { Card, CardBody } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { ErrorState, LoadingState, Notice } from '@/components/ui/status';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { useWorkspace } from '@/features/workspace';
import { errorMessage } from '@/lib/api-error';
import { ApiKeysSettings } from './api-keys-settings';
import { BasicSettingsForm } from './basic-settings-form';
import { DialerSettings } from './dialer-settings';
import { PermissionsSettings } from './permissions-settings';
import { PlanSettings } from './plan-settings';

const TABS = ['basic', 'dialer', 'plan', 'permissions', 'api-keys'] as const;
type SettingsTab = (typeof TABS)[number];

function isTab(value: string | null): value is SettingsTab {
  return TABS.some((tab) => tab === value);
}

export interface SettingsPageProps {
  workspaceId: string;
  /** 'workspace.manage': everything editable except the plan. */
  canManage: boolean;
  /** Only the owner changes the plan. */
  isOwner: boolean;
}

export function SettingsPage({ workspaceId, canManage, isOwner }: SettingsPageProps) {
  const workspace = useWorkspace(workspaceId);
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  // API keys are for admins and owners only (the API answers 403 to others).
  const tab: SettingsTab = isTab(requested) && (requested !== 'api-keys' || canManage) ? requested : 'basic';

  return (
    <>
      <PageHeader title="Settings" description="Workspace details, Twilio connection, dialer, plan, permissions and API keys." />
      {!canManage && <Notice>You can view these settings. Only admins and owners can change them.</Notice>}
      {workspace.isPending && <LoadingState />}
      {workspace.isError && <ErrorState title="Could not load settings">{errorMessage(workspace.error)}</ErrorState>}
      {workspace.data && (
        <Card>
          <CardBody>
            <Tabs
              value={tab}
              onValueChange={(next) => setSearchParams({ tab: next }, { replace: true })}
            >
              <TabsList aria-label="Settings sections">
                <TabsTrigger value="basic">Basic</TabsTrigger>
                <TabsTrigger value="dialer">Dialer</TabsTrigger>
                <TabsTrigger value="plan">Plan</TabsTrigger>
                <TabsTrigger value="permissions">Permissions</TabsTrigger>
                {canManage && <TabsTrigger value="api-keys">API keys</TabsTrigger>}
              </TabsList>
              {/* Forms stay mounted so unsaved edits survive a tab switch; keyed by id so another
                  workspace starts from its own values. */}
              <TabsContent value="basic" forceMount hidden={tab !== 'basic'}>
                <BasicSettingsForm key={workspace.data.id} workspace={workspace.data} readOnly={!canManage} />
              </TabsContent>
              <TabsContent value="dialer" forceMount hidden={tab !== 'dialer'}>
                <DialerSettings
                  key={workspace.data.id}
                  workspace={workspace.data}
                  readOnly={!canManage}
                  active={tab === 'dialer'}
                />
              </TabsContent>
              <TabsContent value="plan">
                <PlanSettings workspace={workspace.data} isOwner={isOwner} />
              </TabsContent>
              <TabsContent value="permissions" forceMount hidden={tab !== 'permissions'}>
                <PermissionsSettings
                  key={workspace.data.id}
                  workspace={workspace.data}
                  readOnly={!canManage}
                />
              </TabsContent>
              {canManage && (
                <TabsContent value="api-keys">
                  <ApiKeysSettings workspaceId={workspaceId} />
                </TabsContent>
              )}
            </Tabs>
          </CardBody>
        </Card>
      )}
    </>
  );
}
