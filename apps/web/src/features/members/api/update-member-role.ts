import type { MemberView, Role } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { meQueryKey } from '@/features/workspace';
import { apiRequest } from '@/lib/api-client';
import { membersQueryKey } from './get-members';

export interface UpdateMemberRoleInput {
  userId: string;
  role: Role;
}

export function updateMemberRole(workspaceId: string, { userId, role }: UpdateMemberRoleInput): Promise<MemberView> {
  return apiRequest<MemberView>(
    `/workspaces/${encodeURIComponent(workspaceId)}/members/${encodeURIComponent(userId)}`,
    { method: 'PATCH', body: { role } },
  );
}

export function useUpdateMemberRole(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMemberRoleInput) => updateMemberRole(workspaceId, input),
    // A role change can change the signed-in user's own permissions too.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: membersQueryKey(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: meQueryKey }),
      ]),
  });
}
