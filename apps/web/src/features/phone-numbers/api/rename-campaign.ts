import type { CampaignView } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { campaignsQueryKey } from './get-campaigns';
import { phoneNumbersQueryKey } from './get-phone-numbers';

export interface RenameCampaignInput {
  id: string;
  name: string;
}

export function renameCampaign(workspaceId: string, { id, name }: RenameCampaignInput): Promise<CampaignView> {
  return apiRequest<CampaignView>(`/workspaces/${encodeURIComponent(workspaceId)}/campaigns/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { name },
  });
}

export function useRenameCampaign(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RenameCampaignInput) => renameCampaign(workspaceId, input),
    // Tracking numbers show their campaign's name.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignsQueryKey(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: phoneNumbersQueryKey(workspaceId) }),
      ]),
  });
}
