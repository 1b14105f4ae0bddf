import type { InvitationView } from '@ringtonic/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export interface InvitationsResponse {
  items: InvitationView[];
}

export const invitationsQueryKey = (workspaceId: string) => ['invitations', workspaceId] as const;

export function getInvitations(workspaceId: string): Promise<InvitationsResponse> {
  return apiRequest<InvitationsResponse>(`/workspaces/${encodeURIComponent(workspaceId)}/invitations`);
}

export function useInvitations(workspaceId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: invitationsQueryKey(workspaceId),
    queryFn: () => getInvitations(workspaceId),
    enabled,
  });
}
