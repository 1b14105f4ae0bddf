import type { AcceptInvitationResponse, InvitationPreview } from '@ringtonic/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { useAuthStore } from '../stores/auth-store';

export function getInvitationPreview(token: string): Promise<InvitationPreview> {
  return apiRequest<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`, { skipRefresh: true });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => getInvitationPreview(token),
    retry: false,
  });
}

export interface AcceptInvitationInput {
  token: string;
  name?: string;
  password?: string;
}

export function acceptInvitation({ token, ...body }: AcceptInvitationInput): Promise<AcceptInvitationResponse> {
  return apiRequest<AcceptInvitationResponse>(`/invitations/${encodeURIComponent(token)}/accept`, {
    method: 'POST',
    body,
    skipRefresh: true,
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    onSuccess: (response) => {
      queryClient.clear();
      useAuthStore.getState().signedIn(response.accessToken);
    },
  });
}
