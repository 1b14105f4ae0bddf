import type { InvitationView, Role } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { invitationsQueryKey } from './get-invitations';

export interface CreateInvitationInput {
  email: string;
  role: Role;
}

export function createInvitation(workspaceId: string, input: CreateInvitationInput): Promise<InvitationView> {
  return apiRequest<InvitationView>(`/workspaces/${encodeURIComponent(workspaceId)}/invitations`, {
    method: 'POST',
    body: input,
  });
}

export function useCreateInvitation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInvitationInput) => createInvitation(workspaceId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey(workspaceId) }),
  });
}
