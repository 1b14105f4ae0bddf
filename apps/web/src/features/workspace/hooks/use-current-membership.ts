import type { MembershipView, Permission } from '@ringtonic/contracts';
import { useMe } from '../api/get-me';

export function hasPermission(membership: MembershipView | undefined, permission: Permission): boolean {
  return membership?.permissions.includes(permission) ?? false;
}

/** The signed-in user's membership in the given workspace, from GET /me. */
export function useCurrentMembership(workspaceId: string | undefined): MembershipView | undefined {
  const me = useMe();
  return me.data?.memberships.find((m) => m.workspaceId === workspaceId);
}
