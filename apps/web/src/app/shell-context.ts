import type { MembershipView, UserView } from '@ringtonic/contracts';
import { useOutletContext } from 'react-router';

export interface ShellContext {
  workspaceId: string;
  membership: MembershipView;
  user: UserView;
}

export function useShellContext(): ShellContext {
  return useOutletContext<ShellContext>();
}
