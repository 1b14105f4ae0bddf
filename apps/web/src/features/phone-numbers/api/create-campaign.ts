import type { CampaignView } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { campaignsQueryKey } from './get-campaigns';

export function createCampaign(workspaceId: string, name: string): Promise<CampaignView> {
  return apiRequest<CampaignView>(`/workspaces/${encodeURIComponent(workspaceId)}/campaigns`, {
    method: 'POST',
    body: { name },
  });
}

export function useCreateCampaign(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createCampaign(workspaceId, name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignsQueryKey(workspaceId) }),
  });
}
