import type { PhoneNumberView } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { campaignsQueryKey } from './get-campaigns';
import { phoneNumbersQueryKey } from './get-phone-numbers';

export interface UpdatePhoneNumberInput {
  id: string;
  changes: { campaignId?: string | null; label?: string | null };
}

export function updatePhoneNumber(workspaceId: string, { id, changes }: UpdatePhoneNumberInput): Promise<PhoneNumberView> {
  return apiRequest<PhoneNumberView>(
    `/workspaces/${encodeURIComponent(workspaceId)}/phone-numbers/${encodeURIComponent(id)}`,
    { method: 'PATCH', body: changes },
  );
}

export function useUpdatePhoneNumber(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePhoneNumberInput) => updatePhoneNumber(workspaceId, input),
    // A campaign change moves a number between campaigns' counts.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: phoneNumbersQueryKey(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: campaignsQueryKey(workspaceId) }),
      ]),
  });
}
