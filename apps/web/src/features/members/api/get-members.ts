import type { MemberView } from '@ringtonic/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export interface MembersResponse {
  items: MemberView[];
}

export const membersQueryKey = (workspaceId: string) => ['members', workspaceId] as const;

export function getMembers(workspaceId: string): Promise<MembersResponse> {
  return apiRequest<MembersResponse>(`/workspaces/${encodeURIComponent(workspaceId)}/members`);
}

export function useMembers(workspaceId: string) {
  return useQuery({ queryKey: membersQueryKey(workspaceId), queryFn: () => getMembers(workspaceId) });
}
