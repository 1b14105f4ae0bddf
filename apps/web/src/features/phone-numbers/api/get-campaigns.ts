import type { CampaignView } from '@ringtonic/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export interface CampaignsResponse {
  items: CampaignView[];
}

export const campaignsQueryKey = (workspaceId: string) => ['campaigns', workspaceId] as const;

export function getCampaigns(workspaceId: string): Promise<CampaignsResponse> {
  return apiRequest<CampaignsResponse>(`/workspaces/${encodeURIComponent(workspaceId)}/campaigns`);
}

export function useCampaigns(workspaceId: string) {
  return useQuery({ queryKey: campaignsQueryKey(workspaceId), queryFn: () => getCampaigns(workspaceId) });
}
