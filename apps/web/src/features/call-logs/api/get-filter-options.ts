import type { CampaignView, MemberView } from '@ringtonic/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** Agents and campaigns for the filters (read-only lists every member may see). */
export function useAgentOptions(workspaceId: string) {
  return useQuery({
    queryKey: ['members', workspaceId],
    queryFn: () => apiRequest<{ items: MemberView[] }>(`/workspaces/${encodeURIComponent(workspaceId)}/members`),
  });
}

export function useCampaignOptions(workspaceId: string) {
  return useQuery({
    queryKey: ['campaigns', workspaceId],
    queryFn: () => apiRequest<{ items: CampaignView[] }>(`/workspaces/${encodeURIComponent(workspaceId)}/campaigns`),
    retry: false,
  });
}
