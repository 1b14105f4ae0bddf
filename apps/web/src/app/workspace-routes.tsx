import type { Permission } from '@ringtonic/contracts';
import type { ReactNode } from 'react';
import { ErrorState } from '@/components/ui/status';
import { CallLogsPage } from '@/features/call-logs';
import { ContactsPage } from '@/features/contacts';
import { useCallAction } from '@/features/dialer';
import { DashboardPage } from '@/features/dashboard';
import { MembersPage } from '@/features/members';
import { PhoneNumbersPage } from '@/features/phone-numbers';
import { ReportsPage } from '@/features/reports';
import { SettingsPage } from '@/features/settings';
import { useShellContext } from './shell-context';

// Thin adapters: read the membership from the shell and hand features what they need as props.

function RequirePermission({ permission, what, children }: { permission: Permission; what: string; children: ReactNode }) {
  const { membership } = useShellContext();
  if (!membership.permissions.includes(permission)) {
    return (
      <ErrorState title="No access">
        Your role in this workspace does not include viewing {what}. Ask an admin if you need it.
      </ErrorState>
    );
  }
  return children;
}

export function DashboardRoute() {
  const { workspaceId, membership } = useShellContext();
  return <DashboardPage workspaceId={workspaceId} role={membership.role} canViewCalls={membership.permissions.includes('callLogs.view')} />;
}

export function ContactsRoute() {
  const { workspaceId, membership } = useShellContext();
  // The row's call button shows only when this member's dialer is up (the widget places the call).
  const onCall = useCallAction(workspaceId, membership.role, membership.permissions);
  return (
    <RequirePermission permission="contacts.view" what="contacts">
      <ContactsPage
        workspaceId={workspaceId}
        canEdit={membership.permissions.includes('contacts.edit')}
        canViewCalls={membership.permissions.includes('callLogs.view')}
        onCall={onCall}
      />
    </RequirePermission>
  );
}

export function CallLogsRoute() {
  const { workspaceId, membership } = useShellContext();
  return (
    <RequirePermission permission="callLogs.view" what="call logs">
      <CallLogsPage
        workspaceId={workspaceId}
        canAddNotes={membership.permissions.includes('callNotes.add')}
        canQualify={membership.permissions.includes('leads.qualify')}
      />
    </RequirePermission>
  );
}

export function ReportsRoute() {
  const { workspaceId } = useShellContext();
  return (
    <RequirePermission permission="callLogs.view" what="reports">
      <ReportsPage workspaceId={workspaceId} />
    </RequirePermission>
  );
}

export function PhoneNumbersRoute() {
  const { workspaceId, membership } = useShellContext();
  return <PhoneNumbersPage workspaceId={workspaceId} canManage={membership.permissions.includes('workspace.manage')} />;
}

export function MembersRoute() {
  const { workspaceId, membership } = useShellContext();
  return <MembersPage workspaceId={workspaceId} canManage={membership.permissions.includes('members.manage')} />;
}

export function SettingsRoute() {
  const { workspaceId, membership } = useShellContext();
  return (
    <SettingsPage
      workspaceId={workspaceId}
      canManage={membership.permissions.includes('workspace.manage')}
      isOwner={membership.role === 'owner'}
    />
  );
}
