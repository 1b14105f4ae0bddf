import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { campaignsQueryKey } from './get-campaigns';
import { phoneNumbersQueryKey } from './get-phone-numbers';

export async function deleteCampaign(workspaceId: string, id: string): Promise<void> {
  await apiRequest<void>(`/workspaces/${encodeURIComponent(workspaceId)}/campaigns/${encodeURIComponent(id)}`, {
    method: 'DELETE',
  });
}

export function useDeleteCampaign(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteCampaign(workspaceId, id),
    // Its numbers become unassigned.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignsQueryKey(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: phoneNumbersQueryKey(workspaceId) }),
      ]),
  });
}
