import { ROLES, type Role } from '@ringtonic/contracts';
import type { SelectOption } from '@/components/ui/select';
import { ROLE_LABELS } from '@/lib/format';

export const MEMBER_ROLE_OPTIONS: SelectOption<Role>[] = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

// Ownership is granted on the members page, not through an invitation.
export const INVITE_ROLE_OPTIONS: SelectOption<Role>[] = MEMBER_ROLE_OPTIONS.filter((o) => o.value !== 'owner');

export const ROLE_HINTS: Record<Role, string> = {
  owner: 'Full access, including plan and billing.',
  admin: 'Full access: settings, members, dialer, contacts and call logs.',
  agent: 'Makes and receives calls in the browser, qualifies leads, adds call notes.',
  manager: 'Sees contacts and call logs as the workspace permissions allow; no calls.',
  member: 'Read-only access as the workspace permissions allow; no calls.',
};
