import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { campaignsQueryKey } from './get-campaigns';
import { phoneNumbersQueryKey } from './get-phone-numbers';
import { twilioNumbersQueryKey } from './get-twilio-numbers';

export async function removePhoneNumber(workspaceId: string, id: string): Promise<void> {
  await apiRequest<void>(`/workspaces/${encodeURIComponent(workspaceId)}/phone-numbers/${encodeURIComponent(id)}`, {
    method: 'DELETE',
  });
}

export function useRemovePhoneNumber(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => removePhoneNumber(workspaceId, id),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: phoneNumbersQueryKey(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: campaignsQueryKey(workspaceId) }),
        // The number becomes importable again.
        queryClient.invalidateQueries({ queryKey: twilioNumbersQueryKey(workspaceId) }),
      ]),
  });
}
